"""A build killed at any stage leaves the published warehouse as it was; the next build finishes the job
with no row missing or twice, while a reader keeps its answers until the new warehouse is published."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURE_CABLES, ROOT, SEEDS
from tests.e2e import environment, materialize_all

FIRST = [SEEDS / "07PHNOMPENH351.txt", FIXTURE_CABLES / "08LAPAZ435.txt"]
ADDED = [FIXTURE_CABLES / "09CAIRO386.txt", FIXTURE_CABLES / "08PHNOMPENH179.txt"]
# what must come out the same from a build interrupted and resumed as from a clean one
CONTENT = {
    "raw.cables": "cable_id, subject, sent_at, signer",
    "raw.paragraphs": "cable_id, ordinal, text",
    "raw.cable_versions": "source_key, cable_id, content_sha256, is_published",
    "extracted.metrics": "cable_id, metric_index, value, measure, char_start",
    "extracted.events": "cable_id, event_index, event_date, event_type",
    "marts.dim_cable": "cable_id, subject, paragraph_count",
    "marts.fct_metric": "metric_id, value, measure, source_org, period_start, overlap_group, is_restatement",
    "marts.fct_event": "event_id, event_date, event_type",
    "marts.dim_organization": "org_key, name",
    "quality.findings": "finding_id, check_name",
}


def _content(path: Path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            table: con.execute(f"select {cols} from {table} order by all").fetchall() for table, cols in CONTENT.items()
        }


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _start_build(env: dict, log: Path | None = None) -> subprocess.Popen:
    """A build in its own process group; its log is read as it comes, or goes to `log`."""
    dagster = Path(sys.executable).parent / "dagster"
    return subprocess.Popen(
        [str(dagster), "asset", "materialize", "-m", "orchestration.definitions", "--select", "*"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w") if log else subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _kill_at(env: dict, marker: str) -> str:
    """Start a build and SIGKILL its whole process group when its log shows `marker`."""
    build = _start_build(env)
    seen = []
    for line in build.stdout:
        seen.append(line)
        if marker in line:
            os.killpg(build.pid, signal.SIGKILL)
            break
    build.wait(timeout=60)
    assert build.returncode == -signal.SIGKILL, "".join(seen[-20:])
    return "".join(seen)


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory) -> dict[str, list]:
    tmp = tmp_path_factory.mktemp("clean")
    folder = tmp / "cables"
    folder.mkdir()
    for path in FIRST + ADDED:
        shutil.copy(path, folder)
    materialize_all(environment(tmp, folder))
    return _content(tmp / "warehouse.duckdb")


@pytest.mark.slow
def test_a_build_killed_in_extraction_the_writer_or_dbt_leaves_the_old_warehouse_and_the_next_finishes_it(
    tmp_path, clean_build
):
    """Killed three times, then a build that finishes while a reader holds the published file open all
    along: the reader keeps the old answers, the new file holds what a clean build of the same cables does."""
    folder = tmp_path / "cables"
    folder.mkdir()
    for path in FIRST:
        shutil.copy(path, folder)
    env = environment(tmp_path, folder)
    materialize_all(env)
    published = tmp_path / "warehouse.duckdb"
    before, digest = _content(published), _digest(published)
    for path in ADDED:
        shutil.copy(path, folder)
    for marker in (
        "progress: batch-00001",  # extraction under way
        "load_cables - STEP_START",  # the writer
        "ASSET_MATERIALIZATION - Materialized value intermediate",  # dbt half way
    ):
        _kill_at(env, marker)
        assert _digest(published) == digest, f"killed at {marker!r}: the published warehouse changed"
        assert _content(published) == before

    reader = duckdb.connect(str(published), read_only=True)
    counts = "select (select count(*) from marts.dim_cable), (select count(*) from marts.fct_metric)"
    old = reader.execute(counts).fetchone()
    log = tmp_path / "build.log"
    build = _start_build(env, log)
    answers = []
    while build.poll() is None:
        answers.append(reader.execute(counts).fetchone())
        time.sleep(0.5)
    assert build.returncode == 0, log.read_text()[-3000:]
    assert len(answers) > 10 and set(answers) == {old}  # the open session saw the old warehouse throughout
    reader.close()

    assert _content(published) == clean_build
    with duckdb.connect(str(published), read_only=True) as fresh:
        new = fresh.execute(counts).fetchone()
    assert new[0] == old[0] + len(ADDED) and new[1] > old[1]
    leftovers = [p.name for p in tmp_path.glob(".warehouse.duckdb.build-*")]
    assert leftovers == []
