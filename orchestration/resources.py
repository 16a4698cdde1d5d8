"""Dagster resources: the DuckDB warehouse file and the folder of cable files."""


import contextlib
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.warehouse.connection import connect


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file; writers wait for another process's lock instead of failing."""

    path: str
    lock_timeout_seconds: float = 600.0

    @contextlib.contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection, read-only for readers so they never block the single writer."""
        with connect(self.path, read_only=read_only, timeout_seconds=self.lock_timeout_seconds) as con:
            yield con

    def table_exists(self, con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
        """True when schema.table exists in the warehouse."""
        return bool(
            con.execute(
                "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                [schema, table],
            ).fetchone()[0]
        )


class CableSourceResource(dg.ConfigurableResource):
    """The input folder holding one text file per cable."""

    cables_dir: str

    @property
    def folder(self) -> Path:
        """The folder as a path."""
        return Path(self.cables_dir)
