"""The ingest asset called through Dagster on a temporary DuckDB file."""

from __future__ import annotations

import shutil

import dagster as dg
import duckdb

from orchestration.ingest.assets import raw_cables
from orchestration.resources import CableSourceResource, WarehouseResource
from tests.conftest import SEEDS


def test_ingest_asset_writes_raw_tables_and_reports_row_counts(tmp_path, cable_folder):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, cable_folder)
    (cable_folder / "broken.txt").write_bytes(b"\x00\x00")
    warehouse = tmp_path / "w.duckdb"
    result = dg.materialize(
        [raw_cables],
        resources={
            "warehouse": WarehouseResource(path=str(warehouse)),
            "cable_source": CableSourceResource(cables_dir=str(cable_folder)),
        },
    )
    assert result.success
    materializations = {
        event.asset_key.to_user_string(): event.materialization.metadata
        for event in result.get_asset_materialization_events()
    }
    assert materializations["raw/cables"]["dagster/row_count"].value == 2
    assert materializations["raw/quarantine"]["dagster/row_count"].value == 1
    assert sorted(materializations["raw/cables"]["changed_cable_ids"].value) == ["07PHNOMPENH351", "09PHNOMPENH114"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from raw.paragraphs").fetchone()[0] > 50
