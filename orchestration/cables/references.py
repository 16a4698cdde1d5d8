"""Read a REF block: the cables it cites (canonical ids) and everything else it cites, kept as text.

Entries are lettered in every style (`A.`, `A)`, `(A)`, `[A]`, `¶B.`, `A. (A)`, `A: `), on one line or many, or
separated by semicolons. A cable citation is an optional year, a post and a serial (`07 BRASILIA 1868`,
`2007 MANAGUA 2135`, `ASUNCION 701 (08)`, `STATE (01) 201265`); the post must be a real post (see posts.py), so
`PARIS POINTS JULY 15`, e-mails, phone calls, OSC article numbers and date-time groups never become ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.cables.ids import is_cable_id
from orchestration.cables.posts import resolve_post

# `MADRID 00000869 001.2 OF 004`: a page marker, possibly broken over lines, is not a citation of the cable itself
_PAGE_MARKER = re.compile(r"[A-Z][A-Z .'-]*?\s+\d{8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}", re.IGNORECASE)
# `PAGE 02 ROME 01196 01 OF 02 082030Z`: the page header of older cables
_OLD_PAGE_HEADER = re.compile(r"PAGE\s+\d+\s+[A-Z][A-Z ]*?\s+\d{4,6}\s+(?:\d+\s+OF\s+\d+\s+)?\d{6}Z", re.IGNORECASE)
# an entry label: `A.`, `A)`, `(A)`, `[A]`, `A:`, optionally doubled (`A. (A)`, `A. A)`) or after a pilcrow
_ENTRY_LABEL = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[;,]))¶?\s*(?:\([A-Z]\)|\[[A-Z]\]|[A-Z]\)|[A-Z][.:](?=\s|$))(?:\s*(?:\([A-Z]\)|[A-Z]\)))?"
    r"|(?<=\s)REF\s+[A-Z]\)?(?=\s)",
)
_SEPARATOR = re.compile(r";")
_WORD = r"[A-Z][A-Z'-]*[A-Z]|[A-Z]"
# `07 BRASILIA 1868`, `2007 MANAGUA 2135`, `STATE (01) 201265`, `ASUNCION 701 (08)`, `BRASILIA 2799 AND 2764`
_CITATION = re.compile(
    rf"(?:(?<![\d/.-])(?P<year>\d{{4}}|\d{{2}})\s+)?(?P<post>(?:(?:{_WORD})\s+){{0,3}}(?:{_WORD}))\s+"
    r"(?:\((?P<year_before>\d{2})\)\s+)?(?P<serial>\d{1,8})(?![\d/-]|[.:]\d|[A-Z])"
    r"(?:\s*\((?P<year_after>\d{2})\))?(?P<also>(?:\s+AND\s+\d{1,8}(?![\d/:-]|\.\d|[A-Z]))*)"
)
_GLUED_CITATION = re.compile(r"(?<![A-Z0-9])(?P<post>[A-Z]{2,})(?P<serial>\d{1,7})(?![\d/-]|[.:]\d|[A-Z])")
_MAX_SERIAL = 9_999_999
_NOISE = re.compile(r"^(?:REF|REFTEL|AND PREVIOUS|AND|NOTAL)$")


@dataclass
class References:
    """What a REF block cites: cable ids (in order, without duplicates) and other references as written."""

    cables: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    text = text.replace("\\n", "\n").replace("\\", " ")
    text = _PAGE_MARKER.sub(" ", _OLD_PAGE_HEADER.sub(" ", text))
    return text.upper()


def _entries(text: str) -> list[str]:
    """Split a block into its entries at labels and semicolons."""
    pieces = []
    for chunk in _SEPARATOR.split(text):
        starts = [m.start() for m in _ENTRY_LABEL.finditer(chunk)] or [0]
        bounds = [0, *starts[1:], len(chunk)] if starts[0] > 0 else [*starts, len(chunk)]
        for begin, end in zip(bounds, bounds[1:], strict=False):
            pieces.append(_ENTRY_LABEL.sub(" ", chunk[begin:end], count=1) if begin in starts else chunk[begin:end])
    return [re.sub(r"\s+", " ", piece).strip(" ,.-") for piece in pieces if piece.strip(" ,.-\n")]


def _post_of(words: str) -> tuple[str, str] | None:
    """The longest run of trailing words that names a post: `PARIS POINTS JULY` -> None, `D. MADRID` -> MADRID."""
    split = words.split()
    for first in range(len(split)):
        post = resolve_post(" ".join(split[first:]))
        if post:
            return post, " ".join(split[first:])
    return None


def _year(match: re.Match, citing_year: int) -> str:
    year = match["year_before"] or match["year_after"] or match["year"]
    return year[-2:] if year else f"{citing_year % 100:02d}"


def _glued_citations(entry: str, citing_year: int) -> list[str]:
    """`ASHGABAT687`, `HK05511`: a post glued to its serial, accepted only when the letters name a post."""
    ids = []
    for match in _GLUED_CITATION.finditer(entry):
        post = resolve_post(match["post"])
        if post:
            ids.append(f"{citing_year % 100:02d}{post}{int(match['serial'])}")
    return ids


def _citations(entry: str, citing_year: int) -> list[str]:
    ids = _glued_citations(entry, citing_year)
    for match in _CITATION.finditer(entry):
        post = _post_of(match["post"])
        if post is None:
            continue
        # a year written before the post belongs to it only when nothing stands between them
        year_word_ok = match["year"] is None or match["post"].split()[0] == post[1].split()[0]
        year = _year(match, citing_year) if year_word_ok else _year_without_leading(match, citing_year)
        serials = [match["serial"], *re.findall(r"\d+", match["also"] or "")]
        for serial in serials:
            if 0 < int(serial) <= _MAX_SERIAL:
                ids.append(f"{year}{post[0]}{int(serial)}")
    return [cable_id for cable_id in ids if is_cable_id(cable_id)]


def _year_without_leading(match: re.Match, citing_year: int) -> str:
    year = match["year_before"] or match["year_after"]
    return year[-2:] if year else f"{citing_year % 100:02d}"


def parse_references(text: str, citing_year: int, cable_id: str | None = None) -> References:
    """Cable ids and other references of a REF block; the citing cable's year is the default year.

    A self-reference (the citing cable's own id) is dropped.
    """
    result = References()
    for entry in _entries(_clean(text)):
        ids = _citations(entry, citing_year)
        for reference in ids:
            if reference != cable_id and reference not in result.cables:
                result.cables.append(reference)
        if not ids and not _NOISE.match(entry) and re.search(r"[A-Z]{2}", entry):
            result.others.append(entry)
    return result
