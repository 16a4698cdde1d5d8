"""The inputs of a build: every cable source under CABLES_DIR as exact bytes and a hash, streamed.

A source is one text file, one viewer page, or one row of a release CSV file (orchestration/cables/
readers). Turning its bytes into cable text is left to the parallel workers (`source_text`); what
cannot be a cable source (a link leading out of the folder, a file far larger than any cable, a
malformed CSV row) is listed with the reason it is refused, so that every input is accounted for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from orchestration.cables.decoding import MAX_CABLE_BYTES
from orchestration.cables.readers import FORMATS, raw_records, source_files, text_of


@dataclass
class SourceItem:
    """One input: its key and bytes, or the reason it was refused."""

    source_key: str  # the file's path under CABLES_DIR, with `#<row>` for a row of a release CSV file
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


def _refused(key: str, source_format: str, digest: str, reason: str, row: int | None = None) -> SourceItem:
    source_key = f"{key}#{row}" if row is not None else key
    return SourceItem(source_key, key, row, source_format, digest, refused=reason)


def list_sources(folder: Path) -> Iterator[SourceItem]:
    """Every input under `folder`, in a stable order, with its bytes and hash or the reason it is refused."""
    for key, path, reason in source_files(folder):
        source_format = FORMATS[path.suffix.lower()]
        try:
            if reason:  # a link out of the folder: named by where it points, never read
                yield _refused(key, source_format, hashlib.sha256(str(path.resolve()).encode()).hexdigest(), reason)
            elif source_format == "release_csv":
                for row, raw, problem in raw_records(path):
                    digest = hashlib.sha256(raw).hexdigest()
                    if problem:
                        yield _refused(key, source_format, digest, problem, row)
                    else:
                        yield SourceItem(f"{key}#{row}", key, row, source_format, digest, raw)
            elif path.stat().st_size > MAX_CABLE_BYTES:
                size = path.stat().st_size
                reason = f"file is {size} bytes, larger than a cable can be ({MAX_CABLE_BYTES})"
                yield _refused(key, source_format, file_sha256(path), reason)
            else:
                data = path.read_bytes()
                yield SourceItem(key, key, None, source_format, hashlib.sha256(data).hexdigest(), data)
        except OSError:  # vanished or unreadable between listing and reading: the next build sees it again
            continue


def source_text(source_format: str, raw_bytes: bytes) -> tuple[str, str]:
    """The cable text of a source's bytes and the encoding it was read in; CableParseError when it holds none."""
    _, text, encoding = text_of(source_format, raw_bytes)
    return text, encoding
