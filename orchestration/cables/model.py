"""Records produced by the cable parser: plain dataclasses, one per warehouse row kind."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class CableParseError(ValueError):
    """A cable file that cannot be parsed; the message is the quarantine reason."""


@dataclass(frozen=True)
class Recipient:
    """One addressee of the routing block (`TO` or `INFO`)."""

    role: str  # "to" or "info"
    position: int
    routing_indicator: str | None
    name: str
    precedence: str | None


@dataclass(frozen=True)
class GlossaryEntry:
    """One acronym of a cable's abbreviations glossary or of an inline definition."""

    acronym: str
    expansion: str
    origin: str  # "glossary" or "inline"


@dataclass
class Paragraph:
    """A numbered paragraph (or question answer) of the body, with offsets into the raw text.

    `text` is cleaned (page breaks removed, hyphenation rejoined, whitespace normalised);
    `offsets[i]` is the index in the raw text of `text[i]`, so any span of the clean text
    maps back to the untouched cable. `char_start`/`char_end` are 0-based, end exclusive.
    """

    ordinal: int
    label: str | None
    section: str | None
    classification_mark: str | None
    heading: str | None
    text: str
    char_start: int
    char_end: int
    offsets: list[int] = field(repr=False, default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text span (0-based, end exclusive) of the clean-text span `start:end`."""
        if not self.offsets or start >= end:
            raise ValueError("empty span")
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class Cable:
    """A parsed cable: header, routing block, body fields and paragraphs.

    A cable whose body was cut short right after its routing header has no paragraphs; a body without paragraph
    numbers has paragraphs whose label is None.
    """

    cable_id: str
    subject: str | None  # None when neither the header nor the body has a subject line
    header_date: dt.datetime
    classification: str
    origin: str
    sent_at: dt.datetime  # UTC, naive
    transmission_id: str | None = None
    precedence: str | None = None
    date_time_group: str | None = None
    from_station: str | None = None
    recipients: list[Recipient] = field(default_factory=list)
    section_count: int = 1
    caveats: list[str] = field(default_factory=list)
    eo_line: str | None = None
    tags: list[str] = field(default_factory=list)
    body_subject: str | None = None
    references: list[str] = field(default_factory=list)
    other_references: list[str] = field(default_factory=list)  # REF entries that cite no cable, as written
    signer: str | None = None  # the first of `signers`
    signers: list[str] = field(default_factory=list)
    encoding: str = "utf-8"  # how the file's bytes were decoded (`utf-8` or `cp1252`)
    reporting_period_start: dt.date | None = None
    reporting_period_end: dt.date | None = None
    glossary: list[GlossaryEntry] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def year(self) -> int:
        """Year the cable was sent."""
        return self.sent_at.year
