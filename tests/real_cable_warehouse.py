"""A warehouse of real cable files, ingested and built by the real dbt project, without extraction.

For the models that read only the raw schema and the reference seeds (countries, paragraphs and
their search index, the reference graph): the extracted tables exist but stay empty.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from orchestration.warehouse.raw_store import ingest_folder
from tests.conftest import ROOT


def dbt_build(warehouse: Path, tmp: Path, select: str | None = None) -> None:
    """`dbt build` of the project (or of the `select`ed models) on `warehouse`, as Dagster runs it."""
    dbt_dir = ROOT / "dbt_project"
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            "build",
            "--quiet",
            "--project-dir",
            str(dbt_dir),
            "--profiles-dir",
            str(dbt_dir),
            "--target-path",
            str(tmp / "dbt_target"),
            "--log-path",
            str(tmp / "dbt_logs"),
            *(["--select", select] if select else []),
        ],
        cwd=dbt_dir,
        env={**os.environ, "WAREHOUSE_PATH": str(warehouse)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def build_real_cable_warehouse(tmp: Path, files: list[Path]) -> Path:
    """Ingest the cable files and build every dbt model; return the warehouse path."""
    folder = tmp / "cables"
    folder.mkdir(parents=True)
    for path in files:
        shutil.copy(path, folder)
    warehouse = tmp / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        ingest_folder(con, folder, extract=False)
    dbt_build(warehouse, tmp)
    return warehouse
