"""Issue 10's memory target counts every process of a build: none may carry imports it does not use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("dagster", "dagster_dbt", "dbt", "great_expectations", "pyarrow", "pandas", "dask")


def _imported(code: str) -> list[str]:
    """The heavy top-level packages a fresh interpreter holds after running `code`."""
    probe = f"{code}\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env={"PYTHONPATH": str(ROOT)}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return [name for name in result.stdout.strip().split(",") if name]


def test_make_runs_wrapper_plans_without_dagster_dbt_or_gx():
    # the wrapper lives as long as the build: it plans with DuckDB and the standard library only
    assert _imported("import orchestration.build") == []


def test_the_code_location_imports_neither_gx_nor_pandas_nor_dask():
    # every process of a build loads it (run coordinator, forkserver, each step): GX and pandas are imported by
    # the checks that run, Dask by the Dask job
    assert _imported("import orchestration.definitions") == ["dagster", "dagster_dbt", "dbt", "pyarrow"]


def test_forked_steps_do_not_inherit_gx():
    from orchestration.reload.executors import PRELOADED

    assert "great_expectations" not in PRELOADED


def _warehouse_with(path: Path, cables: int, changed: int) -> Path:
    import duckdb

    with duckdb.connect(str(path)) as con:
        con.execute("create schema raw")
        con.execute("create table raw.cable_texts as select 'C' || range as cable_id from range(?)", [cables])
        con.execute("create table raw.cables_changed as select 'C' || range as cable_id from range(?)", [changed])
    return path


def test_dbt_threads_follow_the_size_of_the_build(tmp_path, monkeypatch):
    """4 dbt threads for a build of a few thousand cables (dbt's own work dominates); 2, the cores, for a whole
    build of a big warehouse, where 4 were slower; DBT_THREADS, when set, always wins."""
    from orchestration.dbt.assets import SMALL_BUILD_CABLES, _threads, build_state

    monkeypatch.delenv("DBT_THREADS", raising=False)
    big = _warehouse_with(tmp_path / "big.duckdb", SMALL_BUILD_CABLES + 1, 1)
    assert _threads(build_state(big), full_refresh=True) == ["--threads", "2"]
    assert _threads(build_state(big), full_refresh=False) == ["--threads", "4"]
    many_changed = _warehouse_with(tmp_path / "many.duckdb", 3 * SMALL_BUILD_CABLES, SMALL_BUILD_CABLES + 1)
    assert _threads(build_state(many_changed), full_refresh=False) == ["--threads", "2"]
    small = _warehouse_with(tmp_path / "small.duckdb", 100, 100)
    assert _threads(build_state(small), full_refresh=True) == ["--threads", "4"]
    monkeypatch.setenv("DBT_THREADS", "3")
    assert _threads(build_state(small), full_refresh=True) == []


def test_dbt_memory_follows_the_size_of_the_warehouse(tmp_path, monkeypatch):
    """The default 512MB up to 51,200 cables, then 10 KB a cable (250,030 cables ran out of 1GB in dbt and passed at
    2GB), at most half the machine's memory; DUCKDB_MEMORY_LIMIT, when set, always wins."""
    from orchestration.dbt import assets

    monkeypatch.delenv("DUCKDB_MEMORY_LIMIT", raising=False)
    monkeypatch.setattr(assets, "_physical_memory", lambda: 24_000_000_000)
    assert assets._memory_limit(assets.build_state(_warehouse_with(tmp_path / "bench.duckdb", 25_000, 1))) == {}
    big = _warehouse_with(tmp_path / "release.duckdb", 251_287, 1)
    assert assets._memory_limit(assets.build_state(big)) == {"DUCKDB_MEMORY_LIMIT": "2512MB"}
    monkeypatch.setattr(assets, "_physical_memory", lambda: 4_000_000_000)
    assert assets._memory_limit(assets.build_state(big)) == {"DUCKDB_MEMORY_LIMIT": "2000MB"}
    assert assets._memory_limit(assets.build_state(tmp_path / "missing.duckdb")) == {}
    monkeypatch.setenv("DUCKDB_MEMORY_LIMIT", "1GB")
    assert assets._memory_limit(assets.build_state(big)) == {}
