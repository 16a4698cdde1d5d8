"""The inputs of a build: every cable source under CABLES_DIR as exact bytes and a hash, streamed.

A source is one text file, one viewer page, or one row of a release CSV file (orchestration/cables/
readers). Turning its bytes into cable text is left to the parallel workers (`source_text`); what
cannot be a cable source (a link leading out of the folder, a file far larger than any cable, a
malformed CSV row) is listed with the reason it is refused, so that every input is accounted for.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
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
    raw_bytes: bytes | None = None  # None for a refused input, or a file whose hash came from the HashCache
    refused: str | None = None  # why the input cannot be read as a cable
    path: Path | None = None  # the file of a one-file source, to read its bytes when they were not

    def with_bytes(self) -> SourceItem:
        """This item with its bytes, read now when the listing took its hash from the cache (and hashed again, so
        that hash and bytes agree even if the file changed since). OSError when the file is gone."""
        if self.raw_bytes is not None or self.refused or self.path is None:
            return self
        data = self.path.read_bytes()
        return replace(self, raw_bytes=data, content_sha256=hashlib.sha256(data).hexdigest())


# a file modified this close to the moment it was hashed is hashed again next time: a second write within the same
# tick of the file system's clock can leave its size and times as they were (git calls such entries "racily clean")
RACY_NANOSECONDS = 2_000_000_000


class HashCache:
    """The content hash of every one-file source by its stat (size, modification and change times, inode), kept
    beside the warehouse between builds, as git's index keeps them: a file whose stat is the one recorded is not
    read again to learn that it did not change (the build's wrapper and its plan step each read a 25,000-cable
    folder, 300 MB, to hash it). Its change time moves on every write and cannot be set back, so a file rewritten
    with the same size and modification time is read again. A lost or unreadable cache only costs the reading."""

    def __init__(self, path: Path | None) -> None:
        self.path, self.changed = path, False
        self.entries: dict[str, list] = {}
        if path is not None:
            try:
                self.entries = json.loads(path.read_text(encoding="utf-8"))["files"]
            except (OSError, ValueError, KeyError, TypeError):
                self.entries = {}

    @staticmethod
    def _stat(stat: os.stat_result) -> list:
        return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]

    def get(self, key: str, stat: os.stat_result) -> str | None:
        """The recorded hash of the file at `key`, when its stat is the one recorded and it was not racily clean."""
        entry = self.entries.get(key)
        if not entry or len(entry) != 6 or entry[:4] != self._stat(stat):
            return None
        digest, hashed_at = entry[4], entry[5]
        return digest if stat.st_mtime_ns <= hashed_at - RACY_NANOSECONDS else None

    def put(self, key: str, stat: os.stat_result, digest: str, hashed_at: int) -> None:
        """Record the hash of the file at `key` as read at `hashed_at` (ns since the epoch), with its stat then."""
        self.entries[key] = [*self._stat(stat), digest, hashed_at]
        self.changed = True

    def save(self, keys: set[str] | None = None) -> None:
        """Write the cache (only the entries of `keys`, the files listed, when given), replacing the file at once."""
        if self.path is None:
            return
        if keys is not None and set(self.entries) - keys:
            self.entries = {key: entry for key, entry in self.entries.items() if key in keys}
            self.changed = True
        if not self.changed:
            return
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            partial.write_text(json.dumps({"files": self.entries}), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError:  # a cache that cannot be written is only a cache
            partial.unlink(missing_ok=True)
        self.changed = False


def hash_cache_path(warehouse: Path) -> Path:
    """Where the HashCache of the builds of `warehouse` is kept: beside it."""
    return warehouse.with_name(warehouse.name + ".hashes.json")


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


def list_sources(folder: Path, cache: HashCache | None = None) -> Iterator[SourceItem]:
    """Every input under `folder`, in a stable order, with its bytes and hash or the reason it is refused.

    With a cache, a file whose stat is the one recorded comes with its recorded hash and without its bytes
    (SourceItem.with_bytes reads them); every file read is recorded, and the cache is saved when the listing ends."""
    listed: set[str] = set()
    for item in _list_sources(folder, cache):
        listed.add(item.source_file)
        yield item
    if cache is not None:
        cache.save(listed)


def _list_sources(folder: Path, cache: HashCache | None) -> Iterator[SourceItem]:
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
            elif (stat := path.stat()).st_size > MAX_CABLE_BYTES:
                reason = f"file is {stat.st_size} bytes, larger than a cable can be ({MAX_CABLE_BYTES})"
                yield _refused(key, source_format, file_sha256(path), reason)
            else:
                known = cache.get(key, stat) if cache is not None else None
                if known:
                    yield SourceItem(key, key, None, source_format, known, None, path=path)
                    continue
                hashed_at = time.time_ns()
                data = path.read_bytes()
                digest = hashlib.sha256(data).hexdigest()
                if cache is not None and len(data) == stat.st_size:  # not written to while read
                    cache.put(key, stat, digest, hashed_at)
                yield SourceItem(key, key, None, source_format, digest, data, path=path)
        except OSError:  # vanished or unreadable between listing and reading: the next build sees it again
            continue


def source_text(source_format: str, raw_bytes: bytes) -> tuple[str, str]:
    """The cable text of a source's bytes and the encoding it was read in; CableParseError when it holds none."""
    _, text, encoding = text_of(source_format, raw_bytes)
    return text, encoding
