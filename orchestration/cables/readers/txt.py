"""Reader for the one-file-per-cable text format (`<ID>.txt`): the file is the cable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from orchestration.cables.decoding import MAX_CABLE_BYTES, decode_cable_bytes
from orchestration.cables.model import CableParseError
from orchestration.cables.readers.record import CableRecord, error_record, sha256


def file_text(raw: bytes) -> tuple[str | None, str, str]:
    """(cable id as the first line gives it, text, encoding) of a text file's bytes; CableParseError when none."""
    decoded = decode_cable_bytes(raw)
    first_line = decoded.text.split("\n", 1)[0].strip()
    return first_line or None, decoded.text, decoded.encoding


def read_txt(path: Path) -> Iterator[CableRecord]:
    """Yield the one cable of a text file, or an error record saying why it cannot be read."""
    size = path.stat().st_size
    if size > MAX_CABLE_BYTES:
        yield error_record(path, f"file is {size} bytes, larger than a cable can be ({MAX_CABLE_BYTES})")
        return
    raw = path.read_bytes()
    try:
        cable_id, text, encoding = file_text(raw)
    except CableParseError as error:
        yield error_record(path, str(error), raw)
        return
    yield CableRecord(cable_id, text, raw, path, None, encoding, sha256(raw))
