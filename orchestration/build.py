"""`make run`: build the warehouse through Dagster, with as many parallel workers as the build needs.

A build of a few changed cables runs every step in one process (no start-up cost per step); a
large one spreads its batches over BUILD_WORKERS processes (default: the machine's cores). Either
way it is the same `dagster asset materialize` of every asset that the UI, the sensor and the
schedule run, so the run shows in the Dagster UI.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb

# light imports only (no Dagster, dbt, GX, pyarrow or pandas): this process lives as long as the build, and
# every process of a build counts towards its memory
from orchestration.reload.config import PARALLEL_FROM, default_workers, reload_config
from orchestration.settings import PROJECT_ROOT, apply_defaults, setting
from orchestration.warehouse.extracted_store import extractor_version
from orchestration.warehouse.sources import HashCache, hash_cache_path, list_sources
from orchestration.warehouse.work import count_work

# the workers claim batches as they go, largest first: the smaller the last batches, the less time one
# worker waits for the other at the end (a trafficking report takes several times a general cable's time)
BATCHES_PER_WORKER = 8
# a batch's rows stay in its worker's memory until written: about 0.2 MB a cable, so a worker's memory is bounded by
# the batch size, not the corpus (batches of 4,167 in a 25,000-cable build held 1.5 GB each)
MAX_BATCH_CABLES = 500


def plan_run(force: bool = False) -> dict:
    """Run config for the build the input folder needs now."""
    published = setting("WAREHOUSE_PATH")
    con = None
    try:
        if published.exists():
            con = duckdb.connect(str(published), read_only=True)
            con.execute("select 1 from raw.cable_versions limit 1")
    except duckdb.Error:  # no warehouse yet, or an older layout: everything is work
        con = None
    try:
        # hashes recorded here spare the plan step reading the folder again (HashCache)
        sources = list_sources(setting("CABLES_DIR"), HashCache(hash_cache_path(published)))
        work = sum(1 for _ in sources) if force else count_work(con, sources, extractor_version())
    finally:
        if con is not None:
            con.close()
    workers = default_workers() if work >= PARALLEL_FROM else 1
    config = reload_config(force=force, workers=workers)
    batch_size = max(50, math.ceil(work / (workers * BATCHES_PER_WORKER))) if workers > 1 else max(work, 1)
    batch_size = min(batch_size, MAX_BATCH_CABLES)
    config["ops"]["cables"]["ops"]["plan_cables"]["config"]["batch_size"] = batch_size
    print(f"{work} cables to process: {workers} worker(s), batches of {batch_size}", flush=True)
    return config


# what the terminal shows of the run's log: progress of the long stages, step ends and failures
_PROGRESS = re.compile(
    r" - (?:INFO|WARNING|ERROR) - .*(?:progress|inputs|loaded|published|quarantined)|STEP_FAILURE|RUN_"
)


def main() -> int:
    """Materialise every asset with the run config this build needs; exit with dagster's status.

    The whole run log goes to DAGSTER_HOME/logs/make_run.log; the terminal shows its progress lines.
    """
    apply_defaults()
    config = plan_run(force="--force" in sys.argv)
    dagster = Path(sys.executable).parent / "dagster"
    command = [str(dagster), "asset", "materialize", "-m", "orchestration.definitions", "--select", "*"]
    log_path = setting("DAGSTER_HOME") / "logs" / "make_run.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building the warehouse from {setting('CABLES_DIR')} (log: {log_path})", flush=True)
    # as many shard steps as workers: under the multiprocess executor every step pays a process start
    workers = config["execution"]["config"]["workers"]
    env = {**os.environ, "BUILD_SHARDS": os.environ.get("BUILD_SHARDS") or str(workers)}
    with (
        log_path.open("w", encoding="utf-8") as log,
        subprocess.Popen(
            [*command, "--config-json", json.dumps(config)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        ) as run,
    ):
        for line in run.stdout:
            log.write(line)
            if _PROGRESS.search(line):
                print("  " + line.split(" - ", 5)[-1].strip()[:200], flush=True)
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
