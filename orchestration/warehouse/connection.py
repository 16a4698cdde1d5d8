"""Open the DuckDB warehouse, one writer at a time, waiting for locks instead of failing.

DuckDB lets one process write a file, or several read it. Writers of this project take an
advisory lock file beside the warehouse first, so two runs never write at once; any process
(including a user's read-only SQL session) still holding the file makes a writer wait and retry.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from orchestration.settings import duckdb_memory_limit

LOCK_MESSAGES = ("Could not set lock", "Conflicting lock", "database is locked")
DEFAULT_TIMEOUT = float(os.environ.get("WAREHOUSE_LOCK_TIMEOUT_SECONDS", "1800"))


class WarehouseBusyError(TimeoutError):
    """The warehouse stayed locked by another process for longer than the timeout."""


def is_lock_error(error: BaseException) -> bool:
    """True when DuckDB refused the file because another process holds its lock."""
    return any(message in str(error) for message in LOCK_MESSAGES)


@contextlib.contextmanager
def writer_lock(
    path: Path | str, timeout_seconds: float = DEFAULT_TIMEOUT, poll_seconds: float = 0.2
) -> Iterator[None]:
    """Hold the project's advisory write lock on the warehouse (re-entrant within a process)."""
    lock_path = Path(f"{path}.writer.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    key = str(lock_path.resolve())
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    deadline = time.monotonic() + timeout_seconds
    with open(lock_path, "a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WarehouseBusyError(f"another writer held {lock_path} for {timeout_seconds:.0f}s") from None
                time.sleep(poll_seconds)
        _held[key] = 1
        try:
            yield
        finally:
            _held.pop(key, None)
            fcntl.flock(handle, fcntl.LOCK_UN)


_held: dict[str, int] = {}


def _open(path: Path, read_only: bool, deadline: float, poll_seconds: float) -> duckdb.DuckDBPyConnection:
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            con.execute("set memory_limit = ?", [duckdb_memory_limit()])  # spill to disk beyond it
            return con
        except duckdb.IOException as error:
            if not is_lock_error(error) or time.monotonic() > deadline:
                if is_lock_error(error):
                    raise WarehouseBusyError(f"{path} stayed locked by another process: {error}") from error
                raise
            time.sleep(poll_seconds)


@contextlib.contextmanager
def connect(
    path: Path | str, read_only: bool = False, timeout_seconds: float = DEFAULT_TIMEOUT, poll_seconds: float = 0.5
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the warehouse: writers take the write lock, everyone waits out file locks."""
    path = Path(path)
    deadline = time.monotonic() + timeout_seconds
    if read_only:
        con = _open(path, True, deadline, poll_seconds)
        try:
            yield con
        finally:
            con.close()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(path, timeout_seconds):
        con = _open(path, False, deadline, poll_seconds)
        try:
            yield con
        finally:
            con.close()


def wait_until_writable(path: Path | str, timeout_seconds: float = DEFAULT_TIMEOUT) -> None:
    """Block until no other process holds the file (for tools such as dbt that do not retry)."""
    with connect(path, timeout_seconds=timeout_seconds):
        pass
