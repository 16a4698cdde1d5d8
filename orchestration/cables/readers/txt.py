"""Reader for the one-file-per-cable text format (`<ID>.txt`): the file is the cable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from orchestration.cables.decoding import MAX_CABLE_BYTES, decode_cable_bytes
from orchestration.cables.model import CableParseError
from orchestration.cables.readers.record import CableRecord, error_record, sha256


def read_txt(path: Path) -> Iterator[CableRecord]:
    """Yield the one cable of a text file, or an error record saying why it cannot be read."""
    size = path.stat().st_size
    if size > MAX_CABLE_BYTES:
        yield error_record(path, f"file is {size} bytes, larger than a cable can be ({MAX_CABLE_BYTES})")
        return
    raw = path.read_bytes()
    try:
        decoded = decode_cable_bytes(raw)
    except CableParseError as error:
        yield error_record(path, str(error), raw)
        return
    first_line = decoded.text.split("\n", 1)[0].strip()
    yield CableRecord(first_line or None, decoded.text, raw, path, None, decoded.encoding, sha256(raw))
