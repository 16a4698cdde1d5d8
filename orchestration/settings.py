"""Environment settings with their defaults, resolved once so Dagster, dbt and tests agree."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULTS = {
    "CABLES_DIR": PROJECT_ROOT / "seeds",
    "WAREHOUSE_PATH": PROJECT_ROOT / "data" / "warehouse.duckdb",
    "DAGSTER_HOME": PROJECT_ROOT / ".dagster_home",
    "REPORTS_DIR": PROJECT_ROOT / "build",
}


def apply_defaults() -> None:
    """Set each unset variable to its default, as an absolute path (dbt runs in another cwd)."""
    for name, default in DEFAULTS.items():
        value = os.environ.get(name) or str(default)
        os.environ[name] = str(Path(value).expanduser().resolve())


def setting(name: str) -> Path:
    """The resolved path held by an environment variable of this project."""
    apply_defaults()
    return Path(os.environ[name])


# DuckDB's own default takes 80% of the machine's memory for its buffers; a build holds a few processes at once.
# At 25,000 cables a process takes about 450 MB more than this limit (dbt's own objects, DuckDB's memory outside
# its buffers): 512MB keeps every phase of a build under 2 GB summed over its processes (1GB: 2.4 GB in dbt)
DEFAULT_DUCKDB_MEMORY_BYTES = 512_000_000
DEFAULT_DUCKDB_MEMORY_LIMIT = f"{DEFAULT_DUCKDB_MEMORY_BYTES // 1_000_000}MB"  # DuckDB's MB: 10^6 bytes


def duckdb_memory_limit() -> str:
    """The memory DuckDB may use per process before it spills to disk (DUCKDB_MEMORY_LIMIT, e.g. "1GB")."""
    return os.environ.get("DUCKDB_MEMORY_LIMIT") or DEFAULT_DUCKDB_MEMORY_LIMIT
