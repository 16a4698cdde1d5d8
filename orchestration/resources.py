"""Dagster resources: the DuckDB warehouse file and the folder of cable files."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.warehouse.connection import DEFAULT_TIMEOUT, connect, wait_until_writable, writer_lock


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file; writers wait for another process's lock instead of failing."""

    path: str
    lock_timeout_seconds: float = DEFAULT_TIMEOUT

    @contextlib.contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection; writers hold the project's write lock, readers open read-only."""
        with connect(self.path, read_only=read_only, timeout_seconds=self.lock_timeout_seconds) as con:
            yield con

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the write lock with the file free, for a subprocess (dbt) that writes it."""
        with writer_lock(self.path, self.lock_timeout_seconds):
            wait_until_writable(self.path, self.lock_timeout_seconds)
            yield

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
