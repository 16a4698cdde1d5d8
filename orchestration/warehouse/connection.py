"""Open the DuckDB warehouse, waiting for another process's write lock instead of failing."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

LOCK_MESSAGES = ("Could not set lock", "Conflicting lock", "database is locked")


def is_lock_error(error: BaseException) -> bool:
    """True when DuckDB refused the file because another process holds its lock."""
    return any(message in str(error) for message in LOCK_MESSAGES)


@contextlib.contextmanager
def connect(
    path: Path | str, read_only: bool = False, timeout_seconds: float = 300.0, poll_seconds: float = 0.5
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the warehouse file, retried while another process holds the lock."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as error:
            if not is_lock_error(error) or time.monotonic() > deadline:
                raise
            time.sleep(poll_seconds)
    try:
        yield con
    finally:
        con.close()
