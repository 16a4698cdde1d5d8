"""Ingestion as one plain function: plan, process every batch in this process, load.

The Dagster assets (orchestration/ingest/assets.py) run the same three steps, with the batches
spread over workers; this function is what tests and scripts call.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import duckdb

from orchestration.warehouse.batch import process_batch, result_dir
from orchestration.warehouse.extracted_store import extractor_version
from orchestration.warehouse.load import IngestReport, load_build
from orchestration.warehouse.plan import DEFAULT_BATCH_SIZE, plan_build
from orchestration.warehouse.sources import HashCache, list_sources
from orchestration.warehouse.tables import ensure_schema

__all__ = ["IngestReport", "ingest_folder"]


def ingest_folder(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    now: dt.datetime | None = None,
    force: bool = False,
    extract: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    build_id: str = "direct",
    cache: HashCache | None = None,
) -> IngestReport:
    """Bring the raw and extracted schemas in line with the cable sources under `folder`.

    A source already loaded with the same bytes (and extracted by the same code) is skipped; a changed
    one replaces its cable's rows; a removed one removes them; one that cannot be parsed gets a
    quarantine row and leaves what was loaded before; `force` re-parses and re-extracts everything. A `cache`
    spares reading files whose stat it recorded (sources.HashCache), as builds do.
    """
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    ensure_schema(con)
    with tempfile.TemporaryDirectory(prefix="cables-build-") as work:
        work_dir = Path(work)
        version = extractor_version() if extract else None
        plan = plan_build(con, list_sources(folder, cache), work_dir, build_id, version, force, batch_size)
        results = [process_batch(batch, result_dir(batch), version, now) for batch in plan.batches]
        return load_build(con, plan, results, now)
