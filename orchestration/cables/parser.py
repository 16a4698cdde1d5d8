"""Parse one Cablegate text file: header, routing block, body fields, paragraphs, glossary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from orchestration.cables.cleantext import clean_lines, is_page_break
from orchestration.cables.dates import (
    find_reporting_period,
    parse_date_time_group,
    parse_header_date,
)
from orchestration.cables.decoding import MAX_CABLE_BYTES, decode_cable, decode_cable_bytes
from orchestration.cables.fields import reference_continues, split_fields
from orchestration.cables.ids import is_cable_id
from orchestration.cables.model import Cable, CableParseError, GlossaryEntry, Paragraph, Recipient
from orchestration.cables.references import parse_references
from orchestration.cables.signers import find_signers
from orchestration.cables.tags import parse_tags

__all__ = ["MAX_CABLE_BYTES", "decode_cable", "decode_cable_bytes", "parse_cable", "read_cable_file"]
_BODY_START = re.compile(
    r"(?P<class>UNCLAS|CONFIDENTIAL|SECRET|C O N F I D E N T I A L|S E C R E T)"
    r"(?:\s+SECTION\s+(?P<n>\d+)\s+OF\s+(?P<m>\d+))?\s+[A-Z][A-Z .'-]*?\s+\d{6}\b"
)
_DTG_LINE = re.compile(r"^(?P<prec>[OPRZ](?:\s+[OPRZ])?)\s+(?P<dtg>\d{6}Z\s+[A-Z]{3}\s+\d{2})\b")
_PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
_RECIPIENT = re.compile(
    r"^(?:(?P<ri>[A-Z0-9]{4,8})/)?(?P<name>.*?)"
    r"(?:\s+(?P<prec>NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH))?(?:\s+\d{3,5})?\s*$"
)
_CAVEATS = {"SENSITIVE", "SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "CORRECTED COPY"}
_CAVEAT_KEYS = {caveat.replace(" ", "") for caveat in _CAVEATS}


def _is_caveat(line: str) -> bool:
    return line.strip().upper().replace(" ", "") in _CAVEAT_KEYS


_FIELD = re.compile(
    r"^\s*(?P<name>E\.\s?O\.|EO(?=\s+\d)|TAGS?|SUBJECT|PROGRAM\s+REF|REFTELS?|REFS?|REF\(S\)|CLASSIFIED\s+BY)"
    r"(?![A-Za-z])\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# a field may follow free text in the head (a subject broken by a blank line): look this many lines ahead for one
_FIELD_LOOKAHEAD_LINES = 4
# `Â¶` is a pilcrow whose UTF-8 bytes were read as Windows-1252 and written again: it still starts a paragraph
# the number and the classification mark may touch ("4.(SBU) REFTEL Question 28"), or the number lose its period
# before one ("15 (SBU) He also called for")
_MARK = r"[A-Z]{1,3}(?:/[A-Z]{1,5})?"  # a classification mark: U, SBU, C, S//NF ...
_PARAGRAPH = re.compile(
    rf"^\s*(?:Â?¶\s*(?P<pilcrow>\d{{1,2}}[A-Z]?|[A-Z])\.|(?P<number>\d{{1,2}}[A-Z]?)(?:\.|(?=\s+\({_MARK}\)\s))|"
    r"--\s+(?P<dash>[A-Z])\.)"
    rf"(?:\s+|(?=\({_MARK}\)))(?:\((?P<mark>{_MARK})\)\s*)?"
)
_INLINE_QUESTION = re.compile(r"^(?P<number>\d{1,2})\.(?P<letter>[A-Z])\b")
_PART_NUMBER = re.compile(r"^\s*(?:PARA\s+)?(?P<number>\d{1,2})\s*[-.:)]?\s+\S")
_DASHES = re.compile(r"^\s*-{3,}[ -]*$")
_PARA_NUMBER = re.compile(r"^\s*PARA\s+(\d{1,2})\b")
_REFERENCE_ENTRY = re.compile(r"^\s*(?:Â?¶\s*)?(?:\([A-Z]\)|[A-Z][.)])\s")
_GLOSSARY_ENTRY = re.compile(r"^\s*(?P<acronym>[A-Za-z][A-Za-z0-9&/'-]{1,14}):\s+(?P<expansion>\S.*)$")
_GLOSSARY_HEADING = re.compile(r"\b(abbreviations|acronyms|glossary)\b", re.IGNORECASE)
_GLOSSARY_OPENING = re.compile(
    r"^(?:Following are|The following are)\s+(?:the\s+)?(?:abbreviations|acronyms)", re.IGNORECASE
)


@dataclass(slots=True)  # one per line of every cable: slots make them cheaper to build and read
class _Line:
    start: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def read_cable_file(path: Path) -> Cable:
    """Read and parse one cable file; a file larger than any cable is refused before it is read."""
    size = path.stat().st_size
    if size > MAX_CABLE_BYTES:
        raise CableParseError(f"file is {size} bytes, larger than a cable can be ({MAX_CABLE_BYTES})")
    decoded = decode_cable_bytes(path.read_bytes())
    cable = parse_cable(decoded.text)
    cable.encoding = decoded.encoding
    return cable


def _split_lines(raw: str) -> list[_Line]:
    pieces = raw.splitlines(keepends=True)
    if not pieces:
        return []
    starts = accumulate(map(len, pieces[:-1]), initial=0)  # where each piece starts: after those before it
    return [_Line(start, piece.rstrip("\r\n")) for start, piece in zip(starts, pieces, strict=True)]


def _parse_header(lines: list[_Line]) -> dict:
    if len(lines) < 5:
        raise CableParseError(f"truncated header: {len(lines)} line(s), a cable has at least 5")
    cable_id = lines[0].text.strip()
    if not is_cable_id(cable_id):
        raise CableParseError(f"line 1 is not a cable id: {cable_id[:40]!r}")
    try:
        header_date = parse_header_date(lines[2].text)
    except ValueError:
        raise CableParseError(f"line 3 is not a header date: {lines[2].text.strip()[:40]!r}") from None
    subject, classification, origin = (lines[i].text.strip() for i in (1, 3, 4))
    if not classification or not origin:
        raise CableParseError("truncated header: classification or origin is empty")
    return dict(
        cable_id=cable_id,
        subject=subject or None,  # several real cables have no subject line; the body's SUBJECT may give it
        header_date=header_date,
        classification=classification,
        origin=origin,
    )


def _parse_recipient(text: str, role: str, position: int) -> Recipient | None:
    text = text.strip()
    if not text:
        return None
    match = _RECIPIENT.match(text)
    name = (match["name"] if match else text).strip()
    return Recipient(role, position, match["ri"] if match else None, name or text, match["prec"] if match else None)


def _parse_routing(routing: list[str], cable: Cable) -> None:
    role = None
    for text in routing:
        stripped = text.strip()
        if stripped.startswith("VZCZC"):
            cable.transmission_id = stripped.split()[0]
            continue
        dtg = _DTG_LINE.match(stripped)
        if dtg and cable.date_time_group is None:
            cable.date_time_group = dtg["dtg"]
            cable.precedence = _PRECEDENCE[dtg["prec"][0]]
            continue
        if stripped.startswith("FM "):
            cable.from_station = stripped[3:].strip()
            role = None
            continue
        for keyword, new_role in (("TO ", "to"), ("INFO ", "info")):
            if stripped.startswith(keyword):
                role, stripped = new_role, stripped[len(keyword) :]
                break
        if role:
            position = sum(1 for r in cable.recipients if r.role == role) + 1
            recipient = _parse_recipient(stripped, role, position)
            if recipient:
                cable.recipients.append(recipient)


def _headings(body: list[_Line]) -> dict[int, str]:
    """Index of each heading line (underlined or boxed with dashes) -> heading text."""
    headings: dict[int, str] = {}
    dash_lines = {i for i, line in enumerate(body) if "---" in line.text and _DASHES.match(line.text)}
    for i in sorted(dash_lines):
        if i > 0 and not body[i - 1].blank and i - 1 not in dash_lines:
            headings[i - 1] = body[i - 1].text.strip()
            continue
        # boxed: dashes, blanks, one line of text, blanks, dashes
        between = []
        for j in range(i + 1, min(i + 6, len(body))):
            if j in dash_lines:
                if len(between) == 1:
                    headings[between[0]] = body[between[0]].text.strip()
                break
            if not body[j].blank:
                between.append(j)
    return {i: text for i, text in headings.items() if len(text) <= 100 and not _PARAGRAPH.match(body[i].text)}


def _parse_glossary(paragraph_lines: list[_Line]) -> list[GlossaryEntry]:
    entries: list[list[str]] = []
    for line in paragraph_lines:
        if is_page_break(line.text) or line.blank:
            continue
        match = _GLOSSARY_ENTRY.match(line.text)
        if match:
            entries.append([match["acronym"], match["expansion"].strip()])
        elif entries:
            entries[-1][1] += " " + line.text.strip()
    return [GlossaryEntry(acronym, re.sub(r"\s+", " ", expansion), "glossary") for acronym, expansion in entries]


def _split_signer(body: list[_Line]) -> tuple[list[_Line], list[str]]:
    """Body lines without the signature and the trailer lines after it, and the signers."""
    found = find_signers([line.text for line in body])
    text = body[: found.text_end_line]
    if found.text_end_column is not None and text:
        last = text[-1]
        text = [*text[:-1], _Line(last.start, last.text[: found.text_end_column].rstrip())]
    return text, found.signers


def _section_for(label: str | None, text: str, part: str | None) -> str | None:
    if label is None:
        return None
    if label.isdigit():
        inline = _INLINE_QUESTION.match(text)
        return f"{inline['number']}{inline['letter']}" if inline else label
    if label.isalpha():
        return f"{part}{label}" if part else label
    return label


def _numbered_again(marker: re.Match, last_number: int) -> bool:
    """A pilcrow number with a classification mark that repeats or continues the numbering is a paragraph, even after
    a list ("¶2. (U) Sexual exploitation ..." then "¶2. (U) Amb. Lagon's further discussions ...")."""
    return bool(marker["mark"]) and last_number > 0 and int(marker["pilcrow"]) in (last_number, last_number + 1)


def _wrapped_number(marker: re.Match, text: str, last_number: int) -> bool:
    """A number the viewer's re-flow turned into a pilcrow when it wrapped to a line of its own ("... before
    January" / "¶31."): nothing follows it, no classification mark, and it does not continue the numbering."""
    return not marker["mark"] and not text[marker.end() :].strip() and int(marker["pilcrow"]) != last_number + 1


def _starts_reference_entry(line: str) -> bool:
    return bool(_REFERENCE_ENTRY.match(line))


def _field_follows(body: list[_Line], index: int) -> bool:
    """True when a field label comes within a few non-blank lines, before any paragraph marker."""
    following = [line.text for line in body[index + 1 :] if not line.blank][:_FIELD_LOOKAHEAD_LINES]
    for text in following:
        if _PARAGRAPH.match(text):
            return False
        if _FIELD.match(text):
            return True
    return False


def _head_end(body: list[_Line], headings: dict[int, str]) -> int:
    """Index of the first body line after the head (caveats, E.O., TAGS, SUBJECT, REF and their continuations)."""
    current_field, last_field_line, seen_field = None, -1, False
    for index, line in enumerate(body):
        stripped = line.text.strip()
        marker = _PARAGRAPH.match(line.text)
        if marker and not (current_field == "REF" and _starts_reference_entry(line.text)):
            return index
        field = _FIELD.match(line.text)
        if field:
            name = field["name"].upper()
            current_field = "REF" if "REF" in name else name
            last_field_line, seen_field = index, True
        elif line.blank:
            following = next((b.text for b in body[index + 1 :] if not b.blank), "")
            previous = next((b.text for b in reversed(body[:index]) if not b.blank), "")
            if current_field != "REF" or not reference_continues(previous, following):
                current_field = None
        elif _is_caveat(stripped):
            continue
        elif current_field is not None:
            last_field_line = index
        elif index in headings or _DASHES.match(line.text):
            continue
        elif seen_field and not _field_follows(body, index):
            return index  # free text after the fields: the body has unnumbered paragraphs
    return last_field_line + 1 if seen_field else 0


def _parse_body(body: list[_Line], cable: Cable) -> None:
    headings = _headings(body)
    body, cable.signers = _split_signer(body)
    cable.signer = cable.signers[0] if cable.signers else None
    index = _head_end(body, headings)
    for line in body[:index]:
        if _is_caveat(line.text) and line.text.strip() not in cable.caveats:
            cable.caveats.append(line.text.strip())
    fields = split_fields("\n".join(line.text for line in body[:index]))
    if "E.O." in fields:
        cable.eo_line = re.sub(r"\s+", " ", "E.O. " + fields["E.O."]).strip()
    cable.tags = parse_tags(fields.get("TAGS", ""))
    cable.body_subject = re.sub(r"\s+", " ", fields.get("SUBJECT", "")).strip() or None
    if cable.subject is None:
        cable.subject = cable.body_subject
    references = parse_references(fields.get("REF", ""), cable.header_date.year, cable.cable_id)
    cable.references, cable.other_references = references.cables, references.others
    _parse_paragraphs(body[index:], headings, index, cable)


@dataclass
class _Group:
    marker: re.Match | None
    heading: str | None
    part: str | None
    lines: list[_Line]


def _group_paragraphs(lines: list[_Line], headings: dict[int, str], offset: int) -> list[_Group]:
    """Split body lines at paragraph markers, tracking headings and the question part number."""
    # in a cable numbered with pilcrows, "1. MFA -- Chair" is a list item, not a paragraph
    uses_pilcrows = any(line.text.lstrip().lstrip("Â").startswith("¶") for line in lines)
    groups: list[_Group] = []
    heading, part, last_letter, letter_groups = None, None, None, 0
    part_seen_since_restart = heading_since_marker = False
    last_number, in_list = 0, False
    for position, line in enumerate(lines, start=offset):
        if position in headings:
            heading, heading_since_marker = headings[position], True
            number = _PART_NUMBER.match(heading)
            if number:
                part, part_seen_since_restart = number["number"], True
            continue
        # the cheap tests first: a rule of dashes holds three, a "PARA 3" line the word
        if "---" in line.text and _DASHES.match(line.text):
            continue
        para_number = _PARA_NUMBER.match(line.text) if "PARA" in line.text else None
        if para_number:
            part, part_seen_since_restart = para_number[1], True
        marker = _PARAGRAPH.match(line.text)
        if marker and uses_pilcrows and marker["number"] and marker["number"].isdigit():
            # in a cable of pilcrows a bare number is a list item, unless it carries a classification mark and
            # continues the numbering ("¶3. (SBU) ..." then "4.(SBU) REFTEL Question 28")
            if marker["mark"] and int(marker["number"]) == last_number + 1 and not in_list:
                last_number = int(marker["number"])
            else:
                marker = None
        if marker and marker["pilcrow"] and marker["pilcrow"].isdigit():
            # a pilcrow number going backwards without a new heading starts a list inside
            # the current paragraph ("¶1. MFA -- Chair of the National Taskforce")
            if _numbered_again(marker, last_number):
                last_number = int(marker["pilcrow"])
            elif (in_list or int(marker["pilcrow"]) <= last_number) and not heading_since_marker and groups:
                marker, in_list = None, True
            elif _wrapped_number(marker, line.text, last_number) and groups:
                marker = None
            elif marker["mark"] or int(marker["pilcrow"]) == last_number + 1 or not last_number:
                last_number = int(marker["pilcrow"])
            # else a number that jumps ahead with no mark ("¶2. (C) ..." then "¶12. In each of these"): a paragraph,
            # but not where the numbering now stands
        if marker:
            heading_since_marker = in_list = False
            label = marker["pilcrow"] or marker["number"] or marker["dash"]
            if label.isalpha():
                # lettered answers restart at A under each numbered question
                if last_letter is None or label <= last_letter:
                    letter_groups += 1
                    if not part_seen_since_restart:
                        part = str(letter_groups)
                    part_seen_since_restart = False
                last_letter = label
            groups.append(_Group(marker, heading, part, [line]))
        elif groups:
            groups[-1].lines.append(line)
        elif not line.blank:
            groups.append(_Group(None, None, None, [line]))
    return groups


def _parse_paragraphs(lines: list[_Line], headings: dict[int, str], offset: int, cable: Cable) -> None:
    groups = _group_paragraphs(lines, headings, offset)
    for ordinal, group in enumerate(groups, start=1):
        marker, group_heading, group_part, group_lines = group.marker, group.heading, group.part, group.lines
        first = group_lines[0]
        skip = marker.end() if marker else 0
        pieces = [(first.start + skip, first.text[skip:])] + [(line.start, line.text) for line in group_lines[1:]]
        text, offsets = clean_lines(pieces)
        if not text:
            continue
        label = (marker["pilcrow"] or marker["number"] or marker["dash"]) if marker else None
        # the last line with text: lines are in text order, and a paragraph with text has one
        last = next(line for line in reversed(group_lines) if not line.blank)
        paragraph = Paragraph(
            ordinal=ordinal,
            label=label,
            section=_section_for(label, text, group_part),
            classification_mark=marker["mark"] if marker else None,
            heading=group_heading,
            text=text,
            char_start=first.start + (len(first.text) - len(first.text.lstrip())),
            char_end=last.start + len(last.text.rstrip()),
            offsets=offsets,
        )
        cable.paragraphs.append(paragraph)
        is_glossary = (group_heading and _GLOSSARY_HEADING.search(group_heading)) or _GLOSSARY_OPENING.match(text)
        if is_glossary:
            cable.glossary.extend(_parse_glossary(group_lines[1:]))
    for paragraph in cable.paragraphs[:3]:
        period = find_reporting_period(paragraph.text)
        if period:
            cable.reporting_period_start, cable.reporting_period_end = period
            break


def parse_cable(raw: str) -> Cable:
    """Parse the text of one cable; raises CableParseError with a clear reason.

    Only a truncated header or a header-only stub (nothing after the five header lines) is refused; a cable cut
    short after its routing header loads with no paragraphs.
    """
    lines = _split_lines(raw)
    header = _parse_header(lines)
    header_end = lines[4].start + len(lines[4].text)
    if not raw[header_end:].strip():
        raise CableParseError("header-only stub: nothing after the five header lines")
    marker = _BODY_START.search(raw, header_end)
    routing_end = marker.start() if marker else header_end
    cable = Cable(**header, sent_at=header["header_date"].replace(tzinfo=None))
    _parse_routing(raw[header_end:routing_end].splitlines(), cable)
    dtg = parse_date_time_group(cable.date_time_group or "")
    if dtg:
        cable.sent_at = dtg
    else:
        utc = header["header_date"].utcoffset()
        cable.sent_at = (header["header_date"] - utc).replace(tzinfo=None) if utc else cable.sent_at
    if marker and marker["m"]:
        cable.section_count = int(marker["m"])
    body_start = (raw.find("\n", marker.end()) + 1 or len(raw)) if marker else header_end
    body = [line for line in lines if line.start >= body_start]
    if any(not line.blank for line in body):
        _parse_body(body, cable)
    return cable
