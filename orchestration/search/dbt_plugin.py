"""dbt-duckdb plugin: every dbt connection loads fts offline, so models can build and query the search index."""

from __future__ import annotations

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection

from orchestration.search.fts import load_fts


class Plugin(BasePlugin):
    """Loads DuckDB's fts extension from its PyPI package on each connection dbt opens."""

    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        load_fts(conn)
