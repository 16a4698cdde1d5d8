"""DuckDB's `fts` extension, installed from its PyPI package instead of DuckDB's download site."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb


def extension_path() -> Path:
    """The fts.duckdb_extension file shipped by the pinned duckdb-extension-fts package for this DuckDB."""
    spec = importlib.util.find_spec("duckdb_extension_fts")
    if spec is None or spec.origin is None:
        raise RuntimeError("duckdb-extension-fts is not installed (it is pinned in requirements.lock)")
    path = Path(spec.origin).parent / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    if not path.exists():
        raise RuntimeError(f"duckdb-extension-fts has no build for DuckDB {duckdb.__version__} ({path})")
    return path


def load_statements() -> str:
    """SQL that installs fts from the local file and loads it; the same lines work in the DuckDB CLI."""
    return f"install '{extension_path()}'; load fts;"


def load_fts(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Install (a file copy, no network) and load fts on a connection, read-only or not."""
    con.execute(load_statements())
    return con


if __name__ == "__main__":
    # `make sql` passes these statements to the DuckDB shell's -cmd
    print(load_statements())
