"""The ingest graph called through Dagster on a temporary DuckDB file."""

from __future__ import annotations

import shutil

import dagster as dg
import duckdb

from orchestration.ingest.assets import SHARDS, cables
from orchestration.resources import CableSourceResource, WarehouseResource
from tests.conftest import SEEDS


def _materialize(warehouse, cable_folder, run_config=None):
    return dg.materialize(
        [cables],
        resources={
            "warehouse": WarehouseResource(path=str(warehouse)),
            "cable_source": CableSourceResource(cables_dir=str(cable_folder)),
        },
        run_config=run_config,
    )


def test_ingest_graph_writes_raw_and_extracted_tables_in_the_runs_copy_and_reports_row_counts(tmp_path, cable_folder):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, cable_folder)
    (cable_folder / "broken.txt").write_bytes(b"\x00\x00")
    warehouse = tmp_path / "w.duckdb"
    result = _materialize(warehouse, cable_folder)
    assert result.success
    materializations = {
        event.asset_key.to_user_string(): event.materialization.metadata
        for event in result.get_asset_materialization_events()
    }
    assert materializations["raw/cables"]["dagster/row_count"].value == 2
    assert materializations["raw/quarantine"]["dagster/row_count"].value == 1
    assert materializations["extracted/metrics"]["dagster/row_count"].value > 100
    assert sorted(materializations["raw/cables"]["changed_cable_ids"].value) == ["07PHNOMPENH351", "09PHNOMPENH114"]
    # a run writes its own copy; only the `warehouse/published` asset replaces the published file
    assert not warehouse.exists()
    copies = list(tmp_path.glob(".w.duckdb.build-*"))
    copy = next(path for path in copies if path.suffix == "" or path.name.endswith(result.run_id))
    with duckdb.connect(str(copy), read_only=True) as con:
        assert con.execute("select count(*) from raw.paragraphs").fetchone()[0] > 50


def test_batch_size_and_parallel_batches_give_the_same_rows(tmp_path, cable_folder):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, cable_folder)
    one = _materialize(tmp_path / "one.duckdb", cable_folder)
    many = _materialize(
        tmp_path / "many.duckdb",
        cable_folder,
        {"ops": {"cables": {"ops": {"plan_cables": {"config": {"batch_size": 1}}}}}},
    )
    assert one.success and many.success
    # two batches of one cable each, each processed by exactly one shard (the shards claim them as they go)
    processed = [many.output_for_node(f"cables.process_shard_{k}") for k in range(SHARDS)]
    results = [result for shard in processed for result in shard]
    assert len(results) == len(set(results)) == 2

    def rows(name: str, run) -> list:
        path = next(p for p in tmp_path.glob(f".{name}.duckdb.build-{run.run_id}"))
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute(
                "select cable_id, metric_index, value, measure, source_org, char_start "
                "from extracted.metrics order by all"
            ).fetchall()

    assert rows("one", one) == rows("many", many)
