"""The labelled fields at the head of a cable body (E.O., TAGS, SUBJECT, REF), on their own lines or run together.

Cables write each field on its own line (`TAGS: PREL PGOV`), but the viewer's re-flowed text and damaged cables run
them into one line (`SUBJECT: ENERGY INSTALLATIONS REF: BRASILIA 861`, `E.O. 12958: N/A TAGS: AMGT`). A field runs
from its label to the next label; each kind of field has its own rule for where it stops otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a label at the start of a line, with or without a colon: `TAGS PREL`, `REF A) LONDON 2351`, `EO 12958`
_LINE_LABEL = re.compile(
    r"^[ \t]*(?:¶\s*)?(?P<name>E\.\s?O\.|EO(?=\s+\d)|TAGS?|SUBJECT|SUBJ(?=:)|PROGRAM\s+REF|REFTELS?|REFS?|REF\(S\)"
    r"|CLASSIFIED\s+BY|SENSITIVE\s+BUT\s+UNCLASSIFIED)(?![A-Za-z(])[ \t]*:?",
    re.IGNORECASE | re.MULTILINE,
)
# a label inside a line needs its colon: `... TNK-BP AND BP REF: A. MOSCOW 816`, `Tags: prel`
_INLINE_LABEL = re.compile(
    r"(?:(?<=\s)|(?<=[A-Z]))(?P<name>REF\(S\)|REFS?|PROGRAM\s+REF)\s*:"
    r"|(?<=\s)(?P<name2>TAGS\s*:|SUBJECT\s*:|CLASSIFIED\s+BY\s*:?|E\.O\.(?=\s+\d{5}))(?=\s)"
    r"|(?<=\s)(?P<damaged>AGS|UBJECT)\s*:"  # a label that lost its first letter in transmission
    r"|(?<=\s)(?P<caveat>SENSITIVE\s+BUT\s+UNCLASSIFIED)",
    re.IGNORECASE,
)
_NUMBERED_PARAGRAPH = re.compile(r"^[ \t]*¶?\s*\d{1,2}\s*\.", re.MULTILINE)
_REFERENCE_LABEL_START = re.compile(r"^\s*(?:¶\s*)?(?:\(?\[?[A-Z]\]?[.):]|\([A-Z]\))", re.IGNORECASE)
_CANONICAL = {"TAG": "TAGS", "AGS": "TAGS", "SUBJ": "SUBJECT", "UBJECT": "SUBJECT", "EO": "E.O."}


@dataclass(frozen=True)
class _Label:
    name: str
    start: int
    end: int


def _canonical_name(raw: str) -> str:
    name = re.sub(r"\s+", " ", raw.upper()).rstrip(" :")
    if name.startswith("E.") or name == "EO":
        return "E.O."
    if name in ("PROGRAM REF", "REF", "REFS", "REF(S)") or name.startswith("REFTEL"):
        return "REF"
    return _CANONICAL.get(name, name)


def _labels(text: str) -> list[_Label]:
    found: dict[int, _Label] = {}
    for match in _LINE_LABEL.finditer(text):
        found[match.start("name")] = _Label(_canonical_name(match["name"]), match.start("name"), match.end())
    for match in _INLINE_LABEL.finditer(text):
        group = next(g for g in ("name", "name2", "damaged", "caveat") if match[g])
        start = match.start(group)
        if not any(label.start <= start < label.end for label in found.values()):
            found[start] = _Label(_canonical_name(match[group]), start, match.end())
    for match in _NUMBERED_PARAGRAPH.finditer(text):
        found.setdefault(match.start(), _Label("PARAGRAPH", match.start(), match.end()))
    return [found[start] for start in sorted(found)]


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def _until_blank_line(text: str) -> str:
    return re.split(r"\n[ \t]*\n", text, maxsplit=1)[0]


def _tags_extent(text: str, followed_by_label: bool) -> str:
    """TAGS: its line, plus continuation lines when the line ends with a comma or the lines run into the next field."""
    lines = _until_blank_line(text).split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        if kept[-1].rstrip().endswith(",") or followed_by_label:
            kept.append(line)
        else:
            break
    return "\n".join(kept)


def _ends_incomplete(text: str) -> bool:
    """A reference entry cut by a blank line: it ends on a label or a post name, not a serial number."""
    tail = text.rstrip()
    if re.search(r"(?:^|[\s,])\(?[A-Z][.):]$", tail):
        return True
    return bool(tail) and not re.search(r"(?:\d|\)|PREVIOUS|NOTAL)$", tail, re.IGNORECASE)


def reference_continues(before: str, after: str) -> bool:
    """True when a REF block goes on after a blank line: the next line starts a lettered entry (`¶B. BOGOTA 3422`)
    or finishes an entry the blank line cut (`C) RIO` / `DE JANEIRO 1291`, `(C) SECSTATE` / `36633`)."""
    if _REFERENCE_LABEL_START.match(after):
        return True
    finishes = re.match(r"^\s*(?:\d|\S+(?:\s+\S+){0,2}\s+0*\d)", after)
    return bool(finishes) and _ends_incomplete(before)


def _reference_extent(text: str) -> str:
    """REF: across blank lines while the block goes on (see `reference_continues`)."""
    blocks = re.split(r"\n[ \t]*\n", text)
    kept = [blocks[0]]
    for block in blocks[1:]:
        if not block.strip():
            continue
        if not reference_continues(kept[-1], block):
            break
        kept.append(block)
    return "\n".join(kept)


def split_fields(head: str) -> dict[str, str]:
    """Field name (`E.O.`, `TAGS`, `SUBJECT`, `REF`) -> its text, for the head of a cable body or any fragment of it.

    Several REF labels (`REF: A. REF: KATHMANDU 2282`) are one block; text outside any field is not returned.
    """
    labels = _labels(head)
    fields: dict[str, str] = {}
    for index, label in enumerate(labels):
        if label.name in ("PARAGRAPH", "CLASSIFIED BY", "SENSITIVE BUT UNCLASSIFIED"):
            continue
        end = labels[index + 1].start if index + 1 < len(labels) else len(head)
        text = head[label.end : end]
        if label.name == "TAGS":
            next_is_field = index + 1 < len(labels) and not re.search(r"\n[ \t]*\n", text)
            text = _tags_extent(text, next_is_field)
        elif label.name == "E.O.":
            text = _first_line(text)
        elif label.name == "SUBJECT":
            text = _until_blank_line(text)
        elif label.name == "REF":
            text = _reference_extent(text)
        if label.name == "REF" and "REF" in fields:
            fields["REF"] += "\n" + text
        elif not fields.get(label.name, "").strip():  # `SUBJECT: SUBJECT: X` is the subject X
            fields[label.name] = text
    return fields
