"""Batches of cables run in parallel on several processes or a Dask cluster, and the warehouse rows do not
depend on how many workers there are or how big the batches are."""

from __future__ import annotations

import re
import shutil

import dagster as dg
import duckdb
import pytest

from orchestration.ingest.assets import OUTPUTS
from orchestration.reload.definitions import reload_config
from orchestration.warehouse.publish import build_path
from tests import parallel_jobs
from tests.conftest import FIXTURE_CABLES, ROOT, SEEDS

# three whole builds (one process, two, a Dask cluster): run by make test-stress, not make test
pytestmark = [pytest.mark.slow, pytest.mark.stress]

CABLES = [
    SEEDS / "07PHNOMPENH351.txt",
    *(FIXTURE_CABLES / f"{c}.txt" for c in ("08LAPAZ435", "09CAIRO386", "08PHNOMPENH179")),
]
# the graph that parallelises: ingest and extraction (dbt and the checks read what it loads)
CABLE_ASSETS = [dg.AssetKey([schema, name]) for schema, name, _ in OUTPUTS.values()]
COMPARED = {
    "raw.cables": "cable_id, subject, sent_at, tags, signer, section_count",
    "raw.paragraphs": "cable_id, ordinal, label, section, text, char_start, char_end",
    "extracted.metrics": "cable_id, metric_index, value, measure, source_org, period_start, char_start, char_end",
    "extracted.events": "cable_id, event_index, event_date, event_type, char_start, char_end",
    "extracted.organization_mentions": "cable_id, mention_index, name, org_type, char_start",
    "extracted.law_mentions": "cable_id, mention_index, name, char_start",
}


@pytest.fixture
def environment(tmp_path, monkeypatch):
    folder = tmp_path / "cables"
    folder.mkdir()
    for path in CABLES:
        shutil.copy(path, folder)
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("CABLES_DIR", str(folder))
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("REPORTS_DIR", str(tmp_path / "reports"))
    return tmp_path


def _build(tmp_path, monkeypatch, name: str, job, run_config: dict) -> dict[str, list]:
    warehouse = tmp_path / f"{name}.duckdb"
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    with dg.DagsterInstance.get() as instance:
        result = dg.execute_job(
            dg.reconstructable(job), instance=instance, run_config=run_config, asset_selection=CABLE_ASSETS
        )
        assert result.success
        # each batch logs its progress from the step (on whichever worker) that processed it
        messages = [e.message or "" for e in instance.all_logs(result.run_id)]
        batches = {re.search(r"progress: (batch-\d+)", m).group(1) for m in messages if "progress: batch-" in m}
        # a batch's last progress line (n/n) is logged once by the one shard that claimed it
        finished = [m for m in messages if re.search(r"progress: batch-\d+ (\d+)/\1 ", m)]
        assert len(finished) == len(batches)
        workers = {e.step_key for e in instance.all_logs(result.run_id) if "progress: batch-" in (e.message or "")}
        run_id = result.run_id
    with duckdb.connect(str(build_path(warehouse, run_id)), read_only=True) as con:
        rows = {
            table: con.execute(f"select {columns} from {table} order by all").fetchall()
            for table, columns in COMPARED.items()
        }
    rows["batches"] = len(batches)
    rows["shards"] = len(workers)
    return rows


def test_the_same_rows_from_one_process_two_processes_and_a_two_worker_dask_cluster(environment, monkeypatch):
    one = _build(environment, monkeypatch, "one", parallel_jobs.reload_warehouse, reload_config(workers=1))
    config = reload_config(workers=2)
    config["ops"]["cables"]["ops"]["plan_cables"]["config"]["batch_size"] = 1
    two = _build(environment, monkeypatch, "two", parallel_jobs.reload_warehouse, config)
    dask_config = {
        "ops": config["ops"] | {"cables": {"ops": {"plan_cables": {"config": {"force": False, "batch_size": 3}}}}},
        "execution": {"config": {"cluster": {"local": {"n_workers": 2, "threads_per_worker": 1, "processes": True}}}},
    }
    dask = _build(environment, monkeypatch, "dask", parallel_jobs.reload_warehouse_on_dask, dask_config)
    # one batch; four batches; two batches, each claimed by one of the shard steps (which ones, and how many
    # of them got a batch, depends on which started first)
    assert (one.pop("batches"), two.pop("batches"), dask.pop("batches")) == (1, 4, 2)
    assert one.pop("shards") == 1 and 1 <= two.pop("shards") <= 4 and 1 <= dask.pop("shards") <= 2
    assert one["extracted.metrics"] and one["extracted.events"]
    assert two == one
    assert dask == one
