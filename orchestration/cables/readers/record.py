"""The one record every reader yields, whatever format the cable came in."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CableRecord:
    """One cable as read from a file (or one row of a file), or the reason it could not be read.

    `text` is the cable in the one-file-per-cable text format that `parse_cable` reads; `raw_bytes` are the exact
    source bytes (the file, or the CSV record) and `content_sha256` their hash, so a changed row is detected. A
    record with `error` set has no text; `cable_id` is then whatever could be read, or None.
    """

    cable_id: str | None
    text: str | None
    raw_bytes: bytes
    source_file: Path
    source_row: int | None
    encoding: str | None
    content_sha256: str
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the record holds a cable's text."""
        return self.error is None


def sha256(data: bytes) -> str:
    """Hex SHA-256 of the source bytes."""
    return hashlib.sha256(data).hexdigest()


def error_record(
    source_file: Path, reason: str, raw: bytes = b"", row: int | None = None, cable_id: str | None = None
) -> CableRecord:
    """A record saying why a file or row could not be read."""
    return CableRecord(cable_id, None, raw, source_file, row, None, sha256(raw), reason)


def header_date_line(created: dt.datetime) -> str:
    """The text format's third header line for a UTC creation time: `Tue Aug 22 09:09:00 +0000 1972`."""
    return created.strftime("%a %b %d %H:%M:%S +0000 %Y")


def cable_text(cable_id: str, subject: str, created: dt.datetime, classification: str, origin: str, rest: str) -> str:
    """The one-file-per-cable text: five header lines, then the routing header and body as given."""
    return "\n".join([cable_id, subject, header_date_line(created), classification, origin, rest])
