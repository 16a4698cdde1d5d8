"""The instance's event log (orchestration/event_log.py): Dagster's SQLite files, written through kept connections.

What the UI and every other Dagster process read must be what the stock storage would have written, and a
running run's page must still follow its events as they come."""

from __future__ import annotations

import logging
import shutil
import threading
import time
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from orchestration.event_log import PooledSqliteEventLogStorage

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A DAGSTER_HOME holding the project's dagster.yaml, as the Makefile makes it."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


@dg.asset
def counted() -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata={"rows": 3})


@dg.asset_check(asset=counted)
def counted_has_rows() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


def test_the_project_instance_keeps_dagsters_files_and_the_stock_storage_reads_its_runs(home):
    with dg.DagsterInstance.get() as instance:
        assert isinstance(instance.event_log_storage, PooledSqliteEventLogStorage)
        result = dg.materialize([counted, counted_has_rows], instance=instance)
        assert result.success
        written = [(e.dagster_event_type, e.step_key) for e in instance.all_logs(result.run_id)]
        # the runs stay where Dagster keeps them without this dagster.yaml
        assert (home / "history" / "runs.db").exists()
        assert (home / "history" / "runs" / f"{result.run_id}.db").exists()
    stock = SqliteEventLogStorage(str(home / "history" / "runs"))
    try:
        assert [(e.dagster_event_type, e.step_key) for e in stock.get_logs_for_run(result.run_id)] == written
        # asset events are mirrored into the index database, which the UI's asset pages query
        record = stock.get_latest_materialization_events([dg.AssetKey("counted")])[dg.AssetKey("counted")]
        assert record is not None and record.run_id == result.run_id
        check = stock.get_latest_asset_check_execution_by_key(
            [dg.AssetCheckKey(dg.AssetKey("counted"), "counted_has_rows")]
        )
        assert next(iter(check.values())).run_id == result.run_id
    finally:
        stock.dispose()


def _entry(run_id: str, message: str) -> EventLogEntry:
    return EventLogEntry(
        error_info=None,
        level=logging.INFO,
        user_message=message,
        run_id=run_id,
        timestamp=time.time(),
        step_key=None,
        job_name="a_job",
        dagster_event=None,
    )


def test_a_watching_ui_sees_each_event_as_it_is_written(tmp_path):
    """The UI follows a running run through a file watch on the run's database: every write must reach that
    file, not only the write-ahead log that a kept connection leaves it in."""
    base = tmp_path / "runs"
    writer = PooledSqliteEventLogStorage(str(base))
    reader = SqliteEventLogStorage(str(base))  # the webserver's storage, in its own process as far as SQLite goes
    run_id = "0f5e8c52-3b7a-4a53-9d3c-1f0c0c1f2a01"
    seen, arrived = [], threading.Event()

    def callback(event, _cursor):
        seen.append(event.user_message)
        if len(seen) == 3:
            arrived.set()

    try:
        writer.store_event(_entry(run_id, "first"))
        reader.watch(run_id, None, callback)
        time.sleep(0.5)  # the watch starts on its own thread
        writer.store_event(_entry(run_id, "second"))
        writer.store_event(_entry(run_id, "third"))
        assert arrived.wait(20), f"the watch saw {seen}"
        assert seen == ["first", "second", "third"]
    finally:
        reader.end_watch(run_id, callback)
        reader.dispose()
        writer.dispose()


def test_a_wiped_instance_writes_its_next_runs_into_new_files(tmp_path):
    base = tmp_path / "runs"
    storage = PooledSqliteEventLogStorage(str(base))
    run_id = "5d0b0a57-0c3e-4c1e-8f5e-2a6f3c9b7e11"
    try:
        storage.store_event(_entry(run_id, "before"))
        storage.wipe()
        assert not (base / f"{run_id}.db").exists()
        storage.store_event(_entry(run_id, "after"))
        assert (base / f"{run_id}.db").exists()
        assert [e.user_message for e in SqliteEventLogStorage(str(base)).get_logs_for_run(run_id)] == ["after"]
    finally:
        storage.dispose()


def test_a_long_lived_reader_keeps_the_connections_of_the_last_runs_only(tmp_path):
    """The webserver reads the events of every run a user opens: it must not hold a file open for each."""
    base = tmp_path / "runs"
    storage = PooledSqliteEventLogStorage(str(base))
    run_ids = [f"00000000-0000-4000-8000-{n:012d}" for n in range(PooledSqliteEventLogStorage.KEPT_RUN_DATABASES + 4)]
    try:
        for run_id in run_ids:
            storage.store_event(_entry(run_id, run_id[-2:]))
        kept = [name for name in storage._engines if name != "index"]
        assert kept == run_ids[-PooledSqliteEventLogStorage.KEPT_RUN_DATABASES :]
        # a run whose connection was let go is read, and written, as before
        storage.store_event(_entry(run_ids[0], "again"))
        assert [e.user_message for e in storage.get_logs_for_run(run_ids[0])] == ["00", "again"]
    finally:
        storage.dispose()
