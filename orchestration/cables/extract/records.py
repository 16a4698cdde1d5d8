"""Facts extracted from a cable. Spans are 0-based, end-exclusive offsets into the raw text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class OrganizationMention:
    """An organization named in a cable, resolved to a canonical name where possible."""

    cable_id: str
    name: str  # canonical full name ("Ministry of Interior")
    acronym: str | None  # "MOI"
    org_type: str  # government, police, court, ngo, international_org, foreign_government, company, other
    country: str | None
    surface: str  # the text as written at this mention
    section: str | None
    char_start: int
    char_end: int


@dataclass
class LawMention:
    """A law or legal instrument named in a cable, resolved to one canonical name."""

    cable_id: str
    name: str  # canonical name
    surface: str  # as written
    enacted_date: dt.date | None
    country: str | None
    articles: list[str]
    section: str | None
    char_start: int
    char_end: int


@dataclass
class MetricFact:
    """One numeric statistic with its measure, source, period and provenance."""

    cable_id: str
    section: str | None
    paragraph_ordinal: int
    value: float
    value_text: str  # the figure as written ("1,009", "nine")
    measure: str  # a name from the measure vocabulary
    unit: str | None
    source_org: str | None  # the institution as the cable names it ("MOI", "AFESIP")
    period_start: dt.date | None
    period_end: dt.date | None
    breakdown: list[str] = field(default_factory=list)
    is_cumulative: bool = False
    parent_index: int | None = None  # index, in the same cable's list, of the total this is a part of
    quote: str = ""  # the sentence, as clean text
    char_start: int = 0  # span of the figure itself in the raw text
    char_end: int = 0
    tip_context: bool = False  # stated where the cable speaks of trafficking in persons (extract/topic.py)


@dataclass
class EventFact:
    """A dated happening with its type, organizations and law."""

    cable_id: str
    section: str | None
    paragraph_ordinal: int
    event_date: dt.date
    date_precision: str  # day, month, year
    event_type: str
    actors: list[str]  # organization names or acronyms as written
    law: str | None  # canonical law name when the event concerns one
    quote: str
    char_start: int  # span of the sentence in the raw text
    char_end: int
    tip_context: bool = False  # stated where the cable speaks of trafficking in persons (extract/topic.py)
    # what a one-off event (law enacted or drafted, body established, agreement signed) is about, as written:
    # its dates are compared only with the same thing's ("the National Task Force", "Decree 81 of 2006")
    subject: str | None = None
    # the subject as compared: its proper name, an acronym the cable defines expanded, lower case
    subject_key: str | None = None
