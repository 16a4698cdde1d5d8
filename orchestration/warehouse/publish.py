"""A build writes a private copy of the warehouse and publishes it with one atomic rename.

Readers (a SQL session, the UI's previews, a scorer) only ever open the published file: they
never see a half-built warehouse, and they never hold a lock a build waits for, because a build
does not write that file. A build killed at any point leaves the published file as it was; the
next build starts from it again, so nothing is half-done, lost or loaded twice.

The copy is named after the build (the Dagster run's root run id, shared by a re-execution of a
failed run), so every step of one run, in any process, writes the same copy. Its name starts with
the published file's name: DuckDB names a file's catalog after its name up to the first dot, and dbt
writes that catalog into every view it creates, so the copy's views still resolve once renamed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb

from orchestration.warehouse.connection import DEFAULT_TIMEOUT, writer_lock

BUILD_MARK = ".build-"


class PublishConflictError(RuntimeError):
    """The published warehouse changed after this build copied it: publishing would lose that change."""


def build_path(published: Path, build_id: str) -> Path:
    """The private copy of `published` that build `build_id` writes."""
    return published.with_name(f".{published.name}{BUILD_MARK}{build_id}")


@contextlib.contextmanager
def stable_name(
    published: Path, target: Path, timeout_seconds: float = DEFAULT_TIMEOUT, folder: Path | None = None
) -> Iterator[Path]:
    """A name that does not change from build to build (a link to `target`), held for the block.

    dbt re-parses the whole project when its profile changes, and the profile holds the file's path:
    through this link every build gives dbt the same path. Builds take turns holding it. The link is in
    `folder` (default: beside `published`): in dbt's target folder, every warehouse of the same name gives dbt
    the same path, so a build of another warehouse from this checkout does not re-parse either (3 s of 6.5).
    The link's name starts with the published file's, so DuckDB names its catalog the same."""
    link = (published.parent if folder is None else folder) / f".{published.name}.dbt"
    # DuckDB keeps a write-ahead log beside the name it opened: one left by a killed build belongs to
    # another copy and must never be replayed onto this one
    log = link.with_name(link.name + ".wal")
    with writer_lock(link, timeout_seconds):
        link.unlink(missing_ok=True)
        log.unlink(missing_ok=True)
        link.symlink_to(target)
        try:
            yield link
            if log.exists():  # fold what dbt left in the log into the copy itself
                with duckdb.connect(str(link)) as con:
                    con.execute("checkpoint")
        finally:
            link.unlink(missing_ok=True)
            log.unlink(missing_ok=True)


def work_dir(published: Path, build_id: str) -> Path:
    """A folder for build `build_id`'s intermediate files (batches), beside the warehouse."""
    return published.with_name(f".{published.name}{BUILD_MARK}{build_id}.work")


def _identity(path: Path) -> dict | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return {"inode": stat.st_ino, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _base_file(copy: Path) -> Path:
    return copy.with_name(copy.name + ".base")


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def discard_other_builds(published: Path, keep: str | None = None) -> list[Path]:
    """Delete what builds other than `keep` left behind (a build killed or failed before publishing)."""
    removed = []
    for path in published.parent.glob(f".{published.name}{BUILD_MARK}*"):
        if keep and path.name.startswith(build_path(published, keep).name):
            continue
        _remove(path)
        removed.append(path)
    return removed


def open_build(published: Path, build_id: str, timeout_seconds: float = DEFAULT_TIMEOUT) -> Path:
    """The build's private copy, made from the published file on first use (an empty warehouse if none)."""
    copy = build_path(published, build_id)
    if copy.exists():
        return copy
    published.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(published, timeout_seconds):
        if copy.exists():
            return copy
        discard_other_builds(published, keep=build_id)
        base = _identity(published)
        if base is not None:
            partial = copy.with_name(copy.name + ".copying")
            shutil.copyfile(published, partial)
            wal = published.with_name(published.name + ".wal")
            if wal.exists():  # a file last written in place: its log goes with it
                shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
            os.replace(partial, copy)
        _base_file(copy).write_text(json.dumps(base))
    return copy


def publish(published: Path, build_id: str, timeout_seconds: float = DEFAULT_TIMEOUT) -> Path:
    """Replace the published warehouse with the build's copy in one rename; return the published path.

    The copy must be closed (no write-ahead log left). Raises PublishConflictError when the published
    file is no longer the one the build started from.
    """
    copy = build_path(published, build_id)
    if not copy.exists():
        raise FileNotFoundError(f"build {build_id} has no warehouse copy at {copy}")
    if copy.with_name(copy.name + ".wal").exists():
        raise RuntimeError(f"{copy} still has a write-ahead log: a connection to it is open")
    with writer_lock(published, timeout_seconds):
        base_file = _base_file(copy)
        base = json.loads(base_file.read_text()) if base_file.exists() else None
        if _identity(published) != base:
            raise PublishConflictError(
                f"{published} was published by another build after build {build_id} started; "
                "run the build again to include both"
            )
        with open(copy, "rb") as handle:
            os.fsync(handle.fileno())
        # the log of a file last written in place was copied into the build; left here it would be
        # replayed onto the new file
        published.with_name(published.name + ".wal").unlink(missing_ok=True)
        os.replace(copy, published)
        directory = os.open(published.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        base_file.unlink(missing_ok=True)
        copy.with_name(copy.name + ".writer.lock").unlink(missing_ok=True)
        _remove(work_dir(published, build_id))
    return published
