"""A warehouse built once per test session by the real `dagster asset materialize` CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tests.conftest import ALL_CABLE_FILES, ROOT

COUNTED_SCHEMAS = ("raw", "extracted", "marts")


@dataclass
class BuiltWarehouse:
    """Paths and observations of the session's end-to-end build."""

    warehouse: Path
    dagster_home: Path
    reports: Path
    cables_dir: Path
    expected_cable_ids: set[str]
    counts_after_first_run: dict
    counts_after_second_run: dict
    second_run_log: str


def environment(tmp: Path, cables_dir: Path) -> dict[str, str]:
    """Environment of a build writing only below `tmp`."""
    env = dict(os.environ)
    env.update(
        CABLES_DIR=str(cables_dir),
        WAREHOUSE_PATH=str(tmp / "warehouse.duckdb"),
        DAGSTER_HOME=str(tmp / "dagster_home"),
        REPORTS_DIR=str(tmp / "reports"),
        DAGSTER_DISABLE_TELEMETRY="1",
    )
    (tmp / "dagster_home").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", tmp / "dagster_home" / "dagster.yaml")
    return env


def materialize_all(env: dict[str, str]) -> str:
    """Run the same command as `make run`; return its log."""
    dagster = Path(sys.executable).parent / "dagster"
    result = subprocess.run(
        [str(dagster), "asset", "materialize", "-m", "orchestration.definitions", "--select", "*"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    return log


def row_counts(path: Path) -> dict[str, int]:
    """Rows per table of the counted schemas."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables where table_schema in "
            "(select unnest(?::varchar[]))",
            [list(COUNTED_SCHEMAS)],
        ).fetchall()
        return {f"{s}.{t}": con.execute(f'select count(*) from {s}."{t}"').fetchone()[0] for s, t in tables}


def build_twice(tmp: Path) -> BuiltWarehouse:
    """Seeds plus the fixture cables, built twice through Dagster."""
    cables_dir = tmp / "cables"
    cables_dir.mkdir()
    for path in ALL_CABLE_FILES:
        shutil.copy(path, cables_dir)
    env = environment(tmp, cables_dir)
    materialize_all(env)
    first = row_counts(tmp / "warehouse.duckdb")
    second_log = materialize_all(env)
    second = row_counts(tmp / "warehouse.duckdb")
    return BuiltWarehouse(
        warehouse=tmp / "warehouse.duckdb",
        dagster_home=tmp / "dagster_home",
        reports=tmp / "reports",
        cables_dir=cables_dir,
        expected_cable_ids={path.stem for path in ALL_CABLE_FILES},
        counts_after_first_run=first,
        counts_after_second_run=second,
        second_run_log=second_log,
    )
