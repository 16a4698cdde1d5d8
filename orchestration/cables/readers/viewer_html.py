"""Reader for the WikiLeaks cable viewer's pages (`cable/YYYY/MM/<ID>.html`), with the standard library's parser.

A page holds the cable in two `<code><pre>` blocks (routing header, then body) with HTML entities and links (tag
links, paragraph anchors `<a id='par1'>¶</a>`), the table with class `cable` (reference id, created, released,
classification, origin) and the subject in the heading `Viewing cable <ID>, <SUBJECT>`. Joined as the text format
does, they give the same text as the cable's `.txt` file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from orchestration.cables.decoding import MAX_CABLE_BYTES, decode_cable_bytes
from orchestration.cables.model import CableParseError
from orchestration.cables.readers.record import CableRecord, cable_text, error_record, sha256
from orchestration.cables.readers.release_csv import body_subject

_TABLE_COLUMNS = ("reference_id", "created", "released", "classification", "origin")
_HEADING_PREFIX = "Viewing cable "
# the viewer writes `2009-02-23 09:09`; copies saved by other tools may carry seconds or the date alone
_CREATED_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")


class _ViewerPage(HTMLParser):
    """Collects the heading, the `cable` table's cells and the text of the `<pre>` blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.heading = ""
        self.cells: list[str] = []
        self.blocks: list[str] = []
        self._in_heading = self._in_table = self._in_cell = self._in_pre = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h3":
            self._in_heading, self._heading_text = True, ""
        elif tag == "table" and ("class", "cable") in attrs:
            self._in_table = True
        elif tag == "td" and self._in_table:
            self._in_cell = True
            self.cells.append("")
        elif tag == "pre":
            self._in_pre = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3" and self._in_heading:
            self._in_heading = False
            if self._heading_text.startswith(_HEADING_PREFIX):
                self.heading = self._heading_text
        elif tag == "table":
            self._in_table = False
        elif tag == "td":
            self._in_cell = False
        elif tag == "pre":
            self._in_pre = False

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self._heading_text += data
        if self._in_cell:
            self.cells[-1] += data
        if self._in_pre:
            self.blocks[-1] += data


def page_to_text(page: str) -> tuple[str, str]:
    """(cable id, cable text) of a viewer page; raises ValueError when the page is not a cable page."""
    parser = _ViewerPage()
    # the cable comes after the viewer's long navigation lists: start at its heading when there is one
    start = page.find(f"<h3>{_HEADING_PREFIX}")
    parser.feed(page[start:] if start >= 0 else page)
    parser.close()
    if len(parser.cells) < len(_TABLE_COLUMNS) or not parser.blocks:
        raise ValueError("not a cable viewer page: no `cable` table or no `<pre>` block with the cable")
    table = dict(zip(_TABLE_COLUMNS, (cell.strip() for cell in parser.cells), strict=False))
    cable_id = table["reference_id"]
    created = _created(table["created"])
    prefix = f"{_HEADING_PREFIX}{cable_id}, "
    # the heading drops a subject's leading bracket (`S) DRUG RING` for `(S) DRUG RING`): the body's line is whole
    heading = parser.heading[len(prefix) :] if parser.heading.startswith(prefix) else ""
    # routing header and body in two blocks, or (a page saved by another tool) both in one
    body = parser.blocks[1] if len(parser.blocks) > 1 else parser.blocks[0]
    subject = body_subject(body) or heading
    rest = "\n".join(parser.blocks[:2])
    return cable_id, cable_text(cable_id, subject, created, table["classification"], table["origin"], rest)


def _created(cell: str) -> dt.datetime:
    """The `created` cell of the `cable` table as a time; ValueError naming the cell when it is none."""
    for layout in _CREATED_FORMATS:
        try:
            return dt.datetime.strptime(cell, layout)
        except ValueError:
            continue
    raise ValueError(f"created {cell[:30]!r} is not YYYY-MM-DD HH:MM")


def page_bytes_to_text(raw: bytes) -> tuple[str, str, str]:
    """(cable id, cable text, encoding) of a viewer page's bytes; CableParseError or ValueError when it is none."""
    decoded = decode_cable_bytes(raw)
    cable_id, text = page_to_text(decoded.text)
    return cable_id, text, decoded.encoding


def read_viewer_html(path: Path) -> Iterator[CableRecord]:
    """Yield the cable of one viewer page, or an error record saying why it cannot be read."""
    size = path.stat().st_size
    if size > MAX_CABLE_BYTES:
        yield error_record(path, f"file is {size} bytes, larger than a cable page can be ({MAX_CABLE_BYTES})")
        return
    raw = path.read_bytes()
    try:
        cable_id, text, encoding = page_bytes_to_text(raw)
    except (CableParseError, ValueError) as error:
        yield error_record(path, str(error), raw)
        return
    yield CableRecord(cable_id, text, raw, path, None, encoding, sha256(raw))
