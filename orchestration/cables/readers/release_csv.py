"""Reader for the 2011 full release's CSV (`cables.csv`), streamed one record at a time in constant memory.

Layout: no header row; eight fields (row number, created `M/D/YYYY H:MM`, reference id, origin, classification,
references, header, body); every field double-quoted, `\\"` escapes a quote, line breaks inside fields. The real
file is 1.7 GB, so records are cut from the byte stream line by line: a record ends at a line end outside quotes.
A malformed record becomes an error record with its row number and the stream goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

from orchestration.cables.decoding import MAX_CABLE_BYTES
from orchestration.cables.readers.record import CableRecord, cable_text, error_record, sha256

FIELD_COUNT = 8
# a record longer than any cable is a quote left open: give it up and start again at the next record's first line
_MAX_RECORD_BYTES = 2 * MAX_CABLE_BYTES
_RECORD_START = re.compile(rb'^"\d+","\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}","')
# the subject is read from the body's first lines; a SUBJECT field is never further down
_SUBJECT_SEARCH_LINES = 60
_SUBJECT_LINE = re.compile(r"^\s*SUBJECT\s*:\s*(?P<subject>.*)$", re.IGNORECASE)


def _open_quotes(line: bytes) -> int:
    """Parity of the unescaped quotes in a line: 1 when the line opens or closes a quoted field."""
    return (line.count(b'"') - line.count(b'\\"')) % 2


def iter_raw_records(handle: io.BufferedIOBase) -> Iterator[tuple[int, bytes, str | None]]:
    """Yield (record number, exact bytes, None) per record, or (number, bytes, reason) for a record given up."""
    number, pending, inside = 0, bytearray(), 0
    for line in handle:
        if inside and len(pending) > _MAX_RECORD_BYTES and _RECORD_START.match(line):
            number += 1
            yield number, bytes(pending), f"record {number} is unterminated: a quote is never closed"
            pending, inside = bytearray(), 0
        pending += line
        inside ^= _open_quotes(line)
        if not inside:
            if pending.strip():
                number += 1
                yield number, bytes(pending), None
            pending = bytearray()
    if pending.strip():
        number += 1
        yield number, bytes(pending), "the file ends inside a quoted field"


def body_subject(body: str) -> str:
    """The rest of the body's first SUBJECT line, as the viewer shows it in the header, or an empty string."""
    for line in body.split("\n", _SUBJECT_SEARCH_LINES)[:_SUBJECT_SEARCH_LINES]:
        match = _SUBJECT_LINE.match(line)
        if match:
            return match["subject"].strip()
    return ""


def record_text(raw: bytes, number: int | None = None) -> tuple[str, str, str]:
    """(cable id, cable text, encoding) of one CSV record's exact bytes; ValueError when it is not a release row."""
    try:
        text = raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = raw.decode("cp1252", errors="replace"), "cp1252"
    where = f"row {number}: " if number is not None else ""
    rows = list(csv.reader(io.StringIO(text, newline=""), escapechar="\\"))
    if len(rows) != 1 or len(rows[0]) != FIELD_COUNT:
        fields = len(rows[0]) if len(rows) == 1 else sum(len(row) for row in rows)
        raise ValueError(f"{where}{fields} fields, expected {FIELD_COUNT}")
    _, created, cable_id, origin, classification, _references, header, body = rows[0]
    try:
        created_at = dt.datetime.strptime(created.strip(), "%m/%d/%Y %H:%M")
    except ValueError:
        raise ValueError(f"{where}created {created[:30]!r} is not M/D/YYYY H:MM") from None
    return (
        cable_id,
        cable_text(cable_id, body_subject(body), created_at, classification, origin, f"{header}\n{body}"),
        encoding,
    )


def _record(path: Path, number: int, raw: bytes) -> CableRecord:
    try:
        cable_id, text, encoding = record_text(raw, number)
    except ValueError as error:
        return error_record(path, str(error), raw, number)
    return CableRecord(cable_id, text, raw, path, number, encoding, sha256(raw))


def raw_records(path: Path) -> Iterator[tuple[int, bytes, str | None]]:
    """(row number, exact bytes, problem) of every record of a release CSV file, streamed."""
    with path.open("rb") as handle:
        yield from iter_raw_records(handle)


def read_release_csv(path: Path) -> Iterator[CableRecord]:
    """Yield one record per CSV row, in file order; a malformed row yields an error record with its row number.

    A CSV whose first record is not in the release layout (another CSV, such as a header row of column names) yields
    one error record and is not read further.
    """
    with path.open("rb") as handle:
        for number, raw, problem in iter_raw_records(handle):
            record = error_record(path, problem, raw, number) if problem else _record(path, number, raw)
            if number == 1 and not record.ok:
                yield error_record(path, f"not in the 2011 release layout: {record.error}", raw, number)
                return
            yield record
