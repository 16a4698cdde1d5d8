"""Asset metadata helpers: row counts and small previews shown in the Dagster UI."""

from __future__ import annotations

import dagster as dg
import duckdb


def table_metadata(con: duckdb.DuckDBPyConnection, table: str, preview_columns: str = "*", limit: int = 5) -> dict:
    """Row count and a markdown preview of a warehouse table."""
    rows = con.execute(f"select count(*) from {table}").fetchone()[0]
    preview = con.execute(f"select {preview_columns} from {table} limit {limit}").df()
    for column in preview.columns:
        if preview[column].dtype == object:
            preview[column] = preview[column].astype(str).str.slice(0, 80)
    return {
        "dagster/row_count": dg.MetadataValue.int(int(rows)),
        "preview": dg.MetadataValue.md(preview.to_markdown(index=False) if len(preview) else "_empty_"),
    }
