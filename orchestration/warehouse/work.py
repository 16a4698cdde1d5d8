"""What a build has to do: the sources whose bytes, or whose cable's extraction, differ from the warehouse's.

Only DuckDB and the standard library: `make run`'s wrapper (orchestration/build.py) counts the work
to choose its workers without importing pyarrow, Dagster, dbt or GX (every process of a build counts
towards its memory).
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from orchestration.warehouse.sources import SourceItem


def stored_versions(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str, bool]]:
    """Every stored source: its key -> (content hash, cable id, whether it is the cable's published version)."""
    rows = con.execute("select source_key, content_sha256, cable_id, is_published from raw.cable_versions").fetchall()
    return {key: (digest, cable_id, published) for key, digest, cable_id, published in rows}


def count_work(con: duckdb.DuckDBPyConnection | None, sources: Iterable[SourceItem], extractor_version: str) -> int:
    """How many sources a build would process (a dry run of plan_build, for choosing workers)."""
    stored = stored_versions(con) if con is not None else {}
    extracted = (
        dict(con.execute("select cable_id, extractor_version from extracted.extraction_state").fetchall())
        if con is not None
        else {}
    )
    work = 0
    for item in sources:
        previous = stored.get(item.source_key)
        unchanged = previous and previous[0] == item.content_sha256
        current = previous and (not previous[2] or extracted.get(previous[1]) == extractor_version)
        work += not item.refused and not (unchanged and current)
    return work
