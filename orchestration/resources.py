"""Dagster resources: the DuckDB warehouse file and the folder of cable files."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
from pydantic import PrivateAttr

from orchestration.warehouse.connection import DEFAULT_TIMEOUT, connect, wait_until_writable, writer_lock
from orchestration.warehouse.publish import open_build, publish, stable_name, work_dir


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file. Inside a run, every step reads and writes the run's private copy
    (orchestration/warehouse/publish.py), which the `warehouse/published` asset publishes atomically;
    outside a run (tests, scripts) the file itself."""

    path: str
    lock_timeout_seconds: float = DEFAULT_TIMEOUT
    _build_id: str | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        run = context.dagster_run
        # a re-execution of a failed run shares its root run id, and so the copy the failed run wrote
        self._build_id = (run.root_run_id or run.run_id) if run is not None else None

    @property
    def published_path(self) -> Path:
        """The file readers open."""
        return Path(self.path)

    @property
    def build_id(self) -> str | None:
        """The build this resource writes for (None outside a Dagster run)."""
        return self._build_id

    def target_path(self) -> Path:
        """The file this run reads and writes: its private copy, or the file itself outside a run."""
        if self._build_id is None:
            return self.published_path
        return open_build(self.published_path, self._build_id, self.lock_timeout_seconds)

    def work_dir(self) -> Path:
        """A folder for this run's intermediate files, removed when the build is published."""
        folder = work_dir(self.published_path, self._build_id or "direct")
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    @contextlib.contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to this run's warehouse file; writers hold the project's write lock."""
        with connect(self.target_path(), read_only=read_only, timeout_seconds=self.lock_timeout_seconds) as con:
            yield con

    @contextlib.contextmanager
    def exclusive(self, link_folder: Path | None = None) -> Iterator[Path]:
        """Hold the write lock with the file free, for a subprocess (dbt) that writes it; yields a path
        to it that is the same for every build (so that dbt's profile, which names it, never changes): a link
        in `link_folder` (default: beside the warehouse)."""
        path = self.target_path()
        with writer_lock(path, self.lock_timeout_seconds):
            wait_until_writable(path, self.lock_timeout_seconds)
            if self._build_id is None:
                yield path
                return
            with stable_name(self.published_path, path, self.lock_timeout_seconds, link_folder) as link:
                yield link

    def publish(self) -> Path | None:
        """Publish this run's copy as the warehouse (a no-op outside a run)."""
        if self._build_id is None:
            return None
        self.target_path()  # a run that changed nothing still publishes a copy of what was there
        return publish(self.published_path, self._build_id, self.lock_timeout_seconds)

    def table_exists(self, con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
        """True when schema.table exists in the warehouse."""
        return bool(
            con.execute(
                "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                [schema, table],
            ).fetchone()[0]
        )


class CableSourceResource(dg.ConfigurableResource):
    """The input folder holding the cables (text files, release CSV files, viewer HTML pages)."""

    cables_dir: str

    @property
    def folder(self) -> Path:
        """The folder as a path."""
        return Path(self.cables_dir)
