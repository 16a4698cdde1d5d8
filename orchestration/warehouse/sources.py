"""The inputs of a build: every cable source under CABLES_DIR, read as bytes with a hash, streamed.

A source is one file, or one row of a release CSV file. What cannot be a cable source (a link
leading out of the folder, a file far larger than any cable) is listed with the reason it is
refused, so that every input is accounted for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from orchestration.cables.model import CableParseError
from orchestration.cables.parser import MAX_CABLE_BYTES, decode_cable

SUFFIXES = {".txt": "txt"}


@dataclass
class SourceItem:
    """One input: its key and bytes, or the reason it was refused."""

    source_key: str
    source_file: str
    source_row: int | None
    source_format: str
    content_sha256: str
    raw_bytes: bytes | None = None
    refused: str | None = None  # why the input cannot be read as a cable


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in blocks (a release CSV is 1.7 GB)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def source_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """(key, path) of every input file under `folder`, in a stable order; hidden files and folders are skipped."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.suffix.lower() not in SUFFIXES:
            continue
        if path.is_file():
            yield relative.as_posix(), path


def list_sources(folder: Path) -> Iterator[SourceItem]:
    """Every input under `folder`, in a stable order, with its bytes and hash or the reason it is refused."""
    root = folder.resolve()
    for key, path in source_files(folder):
        try:
            if path.is_symlink() and not _inside(path, root):
                yield SourceItem(
                    key, key, None, "link", file_sha256(path), refused="a link to a file outside CABLES_DIR"
                )
                continue
            size = path.stat().st_size
            if size > MAX_CABLE_BYTES:
                reason = f"file is {size} bytes, larger than a cable can be ({MAX_CABLE_BYTES})"
                yield SourceItem(key, key, None, SUFFIXES[path.suffix.lower()], file_sha256(path), refused=reason)
                continue
            data = path.read_bytes()
        except OSError:  # vanished or unreadable between listing and reading: the next build sees it again
            continue
        yield SourceItem(key, key, None, SUFFIXES[path.suffix.lower()], hashlib.sha256(data).hexdigest(), data)


def source_text(source_format: str, raw_bytes: bytes) -> tuple[str, str]:
    """The cable text of a source's bytes and the encoding it was read in; CableParseError when it is none."""
    if source_format == "txt":
        return decode_cable(raw_bytes), "utf-8"
    raise CableParseError(f"unknown source format {source_format!r}")
