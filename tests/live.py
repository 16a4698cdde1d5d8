"""A live Dagster deployment for acceptance tests: the real webserver and daemon on a loopback port.

`live_dagster` (session-scoped; load it with `pytest_plugins = ["tests.live"]` so that every module
shares one deployment) starts `dagster-webserver` and `dagster-daemon run` against a temporary
DAGSTER_HOME, CABLES_DIR (holding the two seed cables), WAREHOUSE_PATH and REPORTS_DIR, waits for the
folder sensor's first run (the initial load) to succeed, and always kills both process groups (code
servers and run workers included) at the end of the session.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from orchestration.ingest.assets import OUTPUTS
from orchestration.warehouse.connection import connect

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
BIN = Path(sys.executable).parent
CODE_LOCATION = "orchestration.definitions"
REPOSITORY = "__repository__"
JOB = "reload_warehouse"
SENSOR = "cables_folder_sensor"
SENSOR_INTERVAL_SECONDS = 5
TERMINAL = {"SUCCESS", "FAILURE", "CANCELED"}
# start-up and runs are slow on a busy 2-CPU machine (each run worker imports dbt and GX: ~20-50 s);
# every wait is bounded by these, overridable for slower hosts
STARTUP_TIMEOUT = float(os.environ.get("LIVE_STARTUP_TIMEOUT_SECONDS", "240"))
RUN_TIMEOUT = float(os.environ.get("LIVE_RUN_TIMEOUT_SECONDS", "600"))
# the ingest multi-asset alone (it cannot be subset): a short run that still writes the warehouse
INGEST_ASSETS = [[schema, name] for schema, name, _ in OUTPUTS.values()]

RUN_FIELDS = """runId status jobName creationTime startTime endTime tags { key value }
  stepStats { stepKey status startTime endTime }"""
RUNS_QUERY = f"""{{ runsOrError(limit: 200) {{ __typename ... on Runs {{ results {{ {RUN_FIELDS} }} }}
  ... on PythonError {{ message }} }} }}"""
RUN_QUERY = f"""query($id: ID!) {{ runOrError(runId: $id) {{ __typename ... on Run {{ {RUN_FIELDS} }}
  ... on RunNotFoundError {{ message }} ... on PythonError {{ message }} }} }}"""
LAUNCH_MUTATION = """mutation($p: ExecutionParams!) { launchRun(executionParams: $p) {
  __typename ... on LaunchRunSuccess { run { runId status } }
  ... on RunConfigValidationInvalid { errors { message } } ... on Error { message } } }"""
TICKS_QUERY = """query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) { __typename
  ... on Sensor { sensorState { status
    ticks(limit: 20) { id status timestamp runIds skipReason cursor error { message } } } }
  ... on Error { message } } }"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Run:
    """One Dagster run as the GraphQL API reports it."""

    run_id: str
    status: str
    job_name: str
    creation_time: float
    start_time: float | None
    end_time: float | None
    tags: dict[str, str]
    steps: dict[str, dict]

    @classmethod
    def from_graphql(cls, data: dict) -> Run:
        return cls(
            run_id=data["runId"],
            status=data["status"],
            job_name=data["jobName"],
            creation_time=data["creationTime"],
            start_time=data["startTime"],
            end_time=data["endTime"],
            tags={tag["key"]: tag["value"] for tag in data["tags"]},
            steps={step["stepKey"]: step for step in data["stepStats"]},
        )

    @property
    def from_sensor(self) -> bool:
        return self.tags.get("dagster/sensor_name") == SENSOR


@dataclass
class LiveDagster:
    """Paths, processes and helpers of the running deployment."""

    tmp: Path
    cables_dir: Path
    warehouse: Path
    dagster_home: Path
    reports: Path
    port: int
    env: dict[str, str]
    logs: dict[str, Path] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    initial_run: Run | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- processes -------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the webserver and the daemon, each in its own process group."""
        commands = {
            "webserver": [str(BIN / "dagster-webserver"), "-m", CODE_LOCATION, "-h", "127.0.0.1", "-p", str(self.port)],
            "daemon": [str(BIN / "dagster-daemon"), "run", "-m", CODE_LOCATION],
        }
        for name, command in commands.items():
            self.logs[name] = self.tmp / f"{name}.log"
            with open(self.logs[name], "wb") as log:
                self.processes[name] = subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=self.env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # own process group: teardown kills code servers and run workers too
                )

    def stop(self) -> None:
        """Terminate both process groups, then kill whatever is left."""
        for process in self.processes.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for process in self.processes.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
        for process in self.processes.values():
            # the group outlives its leader when children (code server, run worker) ignore SIGTERM
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)

    def check_alive(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                raise AssertionError(f"{name} exited with {process.returncode}\n{self.log_tail(name)}")

    def log_tail(self, name: str | None = None, chars: int = 6000) -> str:
        """The end of a process log (both when no name is given), for failure messages."""
        names = [name] if name else list(self.logs)
        parts = []
        for each in names:
            text = self.logs[each].read_text(errors="replace") if self.logs[each].exists() else ""
            parts.append(f"--- {each} log (last {chars} chars) ---\n{text[-chars:]}")
        return "\n".join(parts)

    # --- GraphQL ---------------------------------------------------------------------------------

    def graphql(self, query: str, variables: dict | None = None, timeout: float = 60) -> dict:
        """POST a query to the webserver's GraphQL endpoint; the `data` of the answer."""
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.load(response)
        if answer.get("errors"):
            raise AssertionError(f"GraphQL errors: {answer['errors']}")
        return answer["data"]

    def runs(self) -> list[Run]:
        data = self.graphql(RUNS_QUERY)["runsOrError"]
        assert data["__typename"] == "Runs", data
        return [Run.from_graphql(each) for each in data["results"]]

    def run(self, run_id: str) -> Run:
        data = self.graphql(RUN_QUERY, {"id": run_id})["runOrError"]
        assert data["__typename"] == "Run", data
        return Run.from_graphql(data)

    def launch_run(self, asset_selection: list[list[str]] | None = None, run_config: dict | None = None) -> str:
        """Submit a `reload_warehouse` run (all assets, or a selection) like the UI's Materialize; its id."""
        selector: dict[str, Any] = {
            "repositoryLocationName": CODE_LOCATION,
            "repositoryName": REPOSITORY,
            "jobName": JOB,
        }
        if asset_selection is not None:
            selector["assetSelection"] = [{"path": path} for path in asset_selection]
        answer = self.graphql(LAUNCH_MUTATION, {"p": {"selector": selector, "runConfigData": run_config or {}}})
        launched = answer["launchRun"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        return launched["run"]["runId"]

    def sensor_ticks(self) -> list[dict]:
        """The sensor's latest ticks, newest first."""
        selector = {"repositoryLocationName": CODE_LOCATION, "repositoryName": REPOSITORY, "sensorName": SENSOR}
        data = self.graphql(TICKS_QUERY, {"s": selector})["sensorOrError"]
        assert data["__typename"] == "Sensor", data
        return data["sensorState"]["ticks"]

    # --- waiting ---------------------------------------------------------------------------------

    def wait_for(self, what: str, probe: Callable[[], Any], timeout: float, poll: float = 1.0) -> Any:
        """Poll `probe` until it returns something truthy; fail with the process logs after `timeout`."""
        deadline = time.monotonic() + timeout
        last_error: BaseException | None = None
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                result = probe()
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:  # webserver busy or starting
                last_error, result = error, None
            if result:
                return result
            time.sleep(poll)
        raise AssertionError(
            f"timed out after {timeout:.0f}s waiting for {what} (last error: {last_error})\n{self.log_tail()}"
        )

    def wait_for_new_run(self, known: set[str], timeout: float = RUN_TIMEOUT, sensor_only: bool = True) -> Run:
        """The first run not in `known` (by default one the folder sensor launched)."""

        def probe() -> Run | None:
            new = [run for run in self.runs() if run.run_id not in known and (run.from_sensor or not sensor_only)]
            return min(new, key=lambda run: run.creation_time) if new else None

        return self.wait_for("a new run", probe, timeout)

    def wait_for_run(self, run_id: str, timeout: float = RUN_TIMEOUT) -> Run:
        """The run once it has finished (successfully or not)."""

        def probe() -> Run | None:
            run = self.run(run_id)
            return run if run.status in TERMINAL else None

        return self.wait_for(f"run {run_id} to finish", probe, timeout, poll=2.0)

    def assert_success(self, run: Run) -> None:
        assert run.status == "SUCCESS", f"run {run.run_id} ended {run.status}\n{self.log_tail('daemon', 12000)}"

    def wait_for_sensor_tick_after(self, timestamp: float, timeout: float = 180) -> dict:
        """The first sensor tick evaluated after `timestamp` (the daemon's own loop sets the pace)."""

        def probe() -> dict | None:
            later = [tick for tick in self.sensor_ticks() if tick["timestamp"] > timestamp]
            first = min(later, key=lambda tick: tick["timestamp"]) if later else None
            return first if first and first["status"] != "STARTED" else None  # evaluated, cursor written

        return self.wait_for("a finished sensor tick", probe, timeout, poll=1.0)

    # --- warehouse -------------------------------------------------------------------------------

    def query(self, sql: str, parameters: list | None = None) -> list[tuple]:
        """Rows of a read-only query on the warehouse (waiting out a writer's lock)."""
        with connect(self.warehouse, read_only=True, timeout_seconds=120) as con:
            return con.execute(sql, parameters or []).fetchall()


def environment(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CABLES_DIR=str(tmp / "cables"),
        WAREHOUSE_PATH=str(tmp / "warehouse.duckdb"),
        DAGSTER_HOME=str(tmp / "dagster_home"),
        REPORTS_DIR=str(tmp / "reports"),
        PYTHONPATH=str(ROOT) + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else ""),
        DAGSTER_DISABLE_TELEMETRY="1",
        CABLES_SENSOR_INTERVAL_SECONDS=str(SENSOR_INTERVAL_SECONDS),
        # keep the daily full reload out of the way of run-counting assertions (once a year, 1 Jan 03:00)
        RELOAD_SCHEDULE_CRON="0 3 1 1 *",
    )
    return env


@pytest.fixture(scope="session")
def live_dagster(tmp_path_factory) -> Iterator[LiveDagster]:
    """The running deployment, after the sensor's initial load of the seed cables succeeded."""
    tmp = tmp_path_factory.mktemp("live")
    live = LiveDagster(
        tmp=tmp,
        cables_dir=tmp / "cables",
        warehouse=tmp / "warehouse.duckdb",
        dagster_home=tmp / "dagster_home",
        reports=tmp / "reports",
        port=free_port(),
        env=environment(tmp),
    )
    live.cables_dir.mkdir()
    live.dagster_home.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, live.cables_dir)
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", live.dagster_home / "dagster.yaml")
    started = time.monotonic()
    live.start()
    try:
        live.wait_for("the webserver", lambda: live.graphql("{ version }", timeout=10), STARTUP_TIMEOUT)
        live.timings["webserver_ready_s"] = time.monotonic() - started
        first = live.wait_for_new_run(set(), timeout=STARTUP_TIMEOUT + RUN_TIMEOUT)
        live.timings["sensor_first_run_created_s"] = time.monotonic() - started
        first = live.wait_for_run(first.run_id)
        live.assert_success(first)
        live.timings["initial_load_done_s"] = time.monotonic() - started
        live.initial_run = first
        yield live
    finally:
        live.stop()
        print(f"\nlive Dagster timings: {json.dumps({k: round(v, 1) for k, v in live.timings.items()})}")
