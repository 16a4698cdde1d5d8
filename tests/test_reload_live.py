"""Reloads against the real Dagster webserver and daemon: the folder sensor, the run queue, readers.

The tests run in file order on one shared deployment (`tests.live.live_dagster`): each one starts
from the warehouse the previous one left.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURE_CABLES
from tests.live import INGEST_ASSETS, LiveDagster

pytest_plugins = ["tests.live"]
pytestmark = pytest.mark.live

NEW_CABLE = "08PHNOMPENH179"
SIGNER = "MUSSOMELI"
NEW_PARAGRAPH = "\n¶4. (U) Police arrested 12 traffickers in 2008.\n"
PARAGRAPHS_SQL = "select section from raw.paragraphs where cable_id = ? order by char_start"
NEW_CABLE_FILE = FIXTURE_CABLES / f"{NEW_CABLE}.txt"


def drop(folder: Path, name: str, data: bytes) -> Path:
    """Put a file into the folder in one step (written beside it under a dot name, then renamed), so
    that a sensor tick never sees it half-written."""
    target = folder / name
    partial = folder / f".{name}.partial"
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


def cable_rows(live: LiveDagster, cable_id: str) -> tuple[int, int]:
    """Rows of the cable in marts.dim_cable and marts.fct_metric."""
    dim = live.query("select count(*) from marts.dim_cable where cable_id = ?", [cable_id])[0][0]
    metrics = live.query("select count(*) from marts.fct_metric where cable_id = ?", [cable_id])[0][0]
    return dim, metrics


def test_initial_load_by_the_sensor_loads_the_seed_cables(live_dagster: LiveDagster):
    run = live_dagster.initial_run
    assert run.from_sensor and run.status == "SUCCESS"
    assert run.tags["cables/changes"].startswith("2 added")
    loaded = {row[0] for row in live_dagster.query("select cable_id from marts.dim_cable")}
    assert loaded == {"07PHNOMPENH351", "09PHNOMPENH114"}


def test_a_new_cable_in_the_folder_launches_a_run_that_adds_its_rows(live_dagster: LiveDagster):
    known = {run.run_id for run in live_dagster.runs()}
    assert cable_rows(live_dagster, NEW_CABLE) == (0, 0)
    # a reader holds the published file open all along: the run never waits for it, and its open
    # session keeps the snapshot it opened (the build writes a private copy, published by one rename)
    published = live_dagster.warehouse
    reader = duckdb.connect(str(published), read_only=True)
    try:
        opened = published.stat().st_ino
        dropped = time.monotonic()
        drop(live_dagster.cables_dir, NEW_CABLE_FILE.name, NEW_CABLE_FILE.read_bytes())
        run = live_dagster.wait_for_new_run(known)
        live_dagster.timings["drop_to_sensor_run_s"] = time.monotonic() - dropped
        assert run.tags["cables/changes"] == f"1 added, 0 changed, 0 removed: {NEW_CABLE}.txt"
        run = live_dagster.wait_for_run(run.run_id)
        live_dagster.timings["drop_to_run_done_s"] = time.monotonic() - dropped
        live_dagster.assert_success(run)
        assert "warehouse__published" in run.steps, sorted(run.steps)
        seen = reader.execute("select count(*) from marts.dim_cable where cable_id = ?", [NEW_CABLE]).fetchone()
        assert seen == (0,), "the open session saw the new build"
    finally:
        reader.close()
    assert published.stat().st_ino != opened, "the run did not publish a new warehouse file"
    dim, metrics = cable_rows(live_dagster, NEW_CABLE)
    assert dim == 1
    assert metrics >= 1
    assert live_dagster.query("select signer from marts.dim_cable where cable_id = ?", [NEW_CABLE]) == [(SIGNER,)]


def test_the_same_file_dropped_again_launches_nothing(live_dagster: LiveDagster):
    target = live_dagster.cables_dir / f"{NEW_CABLE}.txt"
    known = {run.run_id for run in live_dagster.runs()}
    before = cable_rows(live_dagster, NEW_CABLE)
    rewritten = time.time()
    drop(live_dagster.cables_dir, target.name, NEW_CABLE_FILE.read_bytes())  # same bytes, new mtime
    mtime_ns = target.stat().st_mtime_ns
    # the first tick evaluated after the rewrite has seen the new mtime (its cursor records it)...
    tick = live_dagster.wait_for_sensor_tick_after(rewritten)
    assert str(mtime_ns) in (tick["cursor"] or ""), tick
    assert tick["status"] == "SKIPPED" and not tick["runIds"], tick
    # ...and one more tick for good measure, then no run may have been created
    live_dagster.wait_for_sensor_tick_after(tick["timestamp"])
    assert {run.run_id for run in live_dagster.runs()} == known
    assert cable_rows(live_dagster, NEW_CABLE) == before


def test_an_edited_cable_replaces_its_rows(live_dagster: LiveDagster):
    target = live_dagster.cables_dir / f"{NEW_CABLE}.txt"
    known = {run.run_id for run in live_dagster.runs()}
    dim_before, metrics_before = cable_rows(live_dagster, NEW_CABLE)
    assert dim_before == 1
    paragraphs_before = live_dagster.query(PARAGRAPHS_SQL, [NEW_CABLE])
    assert "4" not in [row[0] for row in paragraphs_before]
    text = target.read_bytes().decode("utf-8")
    at = text.rindex(SIGNER)
    drop(live_dagster.cables_dir, target.name, (text[:at] + NEW_PARAGRAPH + text[at:]).encode("utf-8"))
    run = live_dagster.wait_for_new_run(known)
    assert run.tags["cables/changes"] == f"0 added, 1 changed, 0 removed: {NEW_CABLE}.txt"
    run = live_dagster.wait_for_run(run.run_id)
    live_dagster.assert_success(run)
    dim, metrics = cable_rows(live_dagster, NEW_CABLE)
    assert dim == 1
    assert metrics == metrics_before + 1
    new_metric = live_dagster.query(
        "select value, quote from marts.fct_metric where cable_id = ? and section = '4'", [NEW_CABLE]
    )
    assert len(new_metric) == 1 and new_metric[0][0] == 12, new_metric
    assert "12 traffickers" in new_metric[0][1]
    ids = live_dagster.query("select count(distinct metric_id) from marts.fct_metric where cable_id = ?", [NEW_CABLE])
    assert ids[0][0] == metrics  # replaced, not appended: no duplicate metric rows
    # the raw layer holds the new version only: one more paragraph, the new one once
    sections = [row[0] for row in live_dagster.query(PARAGRAPHS_SQL, [NEW_CABLE])]
    assert len(sections) == len(paragraphs_before) + 1 and sections.count("4") == 1, sections


def test_two_runs_launched_at_once_both_succeed_one_after_the_other(live_dagster: LiveDagster):
    # two writers of the warehouse (ingestion is enough to need the write lock; a full dbt build
    # would only make the test slower)
    first_id = live_dagster.launch_run(asset_selection=INGEST_ASSETS)
    second_id = live_dagster.launch_run(asset_selection=INGEST_ASSETS)
    first = live_dagster.wait_for_run(first_id)
    second = live_dagster.wait_for_run(second_id)
    live_dagster.assert_success(first)
    live_dagster.assert_success(second)
    earlier, later = sorted((first, second), key=lambda run: run.start_time)
    live_dagster.timings["two_runs_wall_s"] = later.end_time - earlier.creation_time
    # both were submitted before either finished, yet the queue ran them one at a time
    assert later.creation_time < earlier.end_time
    assert earlier.end_time <= later.start_time, (earlier, later)
    assert cable_rows(live_dagster, NEW_CABLE)[0] == 1
