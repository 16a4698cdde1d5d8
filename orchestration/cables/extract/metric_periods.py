"""Time expressions of a sentence resolved to the period a figure covers ("in 2008", "April to December 2008")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from orchestration.cables.dates import MONTHS, month_end

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_TO = r"\s*(?:-|–|to|and|through|until|till)\s*"
_PRE = r"(?:(?:early|late|mid|mid-|the end of|end of|the beginning of)\s*)?"


@dataclass(frozen=True)
class Period:
    """A time expression of a sentence: its span and the period it stands for."""

    start: int
    end: int
    period_start: dt.date | None
    period_end: dt.date | None
    cumulative: bool = False
    kind: str = "date"  # date, same (carry the previous period), reporting, cumulative


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_PATTERNS: list[tuple[str, re.Pattern]] = [
    # "since 2003", "Since its establishment in June 2005", "since the initiation of this project in June 1999"
    ("since", re.compile(rf"\b[Ss]ince\b[^.;]{{0,80}}?\b(?:(?P<m>{_MONTH})\s+)?(?P<y>{_YEAR})\b(?![-–]\d)")),
    # "between April 9 and November 17 in 2006", "December 3-4, 2008"
    (
        "dayrange",
        re.compile(
            rf"\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:,?\s*(?P<y1>{_YEAR}))?{_TO}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}})"
            rf"(?:(?:,|\s+in|\s+of)?\s*(?P<y2>{_YEAR}))?\b"
        ),
    ),
    # "September 7, 2005", "On May 30", "7 September 2005"
    ("day", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<y>{_YEAR})\b)?")),
    ("day2", re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})(?:,?\s*(?P<y>{_YEAR}))?\b")),
    # "02/05/2009"
    ("numeric", re.compile(rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})\b")),
    # "March 2005 to January 2006", "April to December 2008", "January-December 2009", "January and February 2009"
    (
        "monthrange",
        re.compile(rf"\b{_PRE}(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_TO}{_PRE}(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})\b"),
    ),
    ("month", re.compile(rf"\b{_PRE}(?P<m>{_MONTH})\s*(?:of\s+)?(?P<y>{_YEAR})\b")),
    # "From 1996-1999", "the 2008-2009 time frame", "between 2000 and 2004"
    ("yearrange", re.compile(rf"(?<![\d,-])(?P<y1>{_YEAR})(?:{_TO}(?P<y2>{_YEAR})|[-/](?P<y3>\d\d))(?!\d|,\d)")),
    ("fiscal", re.compile(rf"\b(?:FY|fiscal year)\s*(?P<y>{_YEAR}|\d\d)\b")),
    ("year", re.compile(rf"(?<![\d,.$-])(?P<y>{_YEAR})(?!\d|,\d|\.\d|-\d)")),
    ("lastyear", re.compile(r"\b(?:[Ll]ast|the past|the previous|the last)\s+year\b")),
    ("reporting", re.compile(r"\b(?:reporting|rating|review)\s+period\b")),
    (
        "same",
        re.compile(
            r"\b(?:the\s+same\s+(?:period|time(?:\s+period)?|year|time\s+frame)|that\s+period|"
            r"during\s+the\s+year|the\s+year)\b",
            re.I,
        ),
    ),
    ("todate", re.compile(r"\b(?:[Tt]o\s+date|[Ss]o\s+far|[Tt]hus\s+far|[Tt]o\s+this\s+day)\b")),
]


def find_periods(text: str, sent_at: dt.datetime, reporting: tuple[dt.date | None, dt.date | None]) -> list[Period]:
    """Time expressions of `text`, longest first at each place, not overlapping."""
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: re.Match, start, end, cumulative=False, kind="date"):
        found.append(Period(m.start(), m.end(), start, end, cumulative, kind))
        taken.append((m.start(), m.end()))

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            if kind == "since":
                year = int(g["y"])
                start = dt.date(year, _month(g["m"]), 1) if g["m"] else dt.date(year, 1, 1)
                add(m, start, None, True, "cumulative")
            elif kind == "dayrange":
                y2 = int(g["y2"] or g["y1"] or _guess_year(sent_at, _month(g["m2"] or g["m1"])))
                y1 = int(g["y1"] or y2)
                m1, m2 = _month(g["m1"]), _month(g["m2"] or g["m1"])
                a, b = _safe_date(y1, m1, int(g["d1"])), _safe_date(y2, m2, int(g["d2"]))
                if a and b and a <= b:
                    add(m, a, b)
            elif kind in ("day", "day2"):
                month = _month(g["m"])
                year = int(g["y"]) if g["y"] else _guess_year(sent_at, month)
                day = _safe_date(year, month, int(g["d"]))
                if day:
                    add(m, day, day)
            elif kind == "numeric":
                a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
                day = _safe_date(year, a, b) or _safe_date(year, b, a)
                if day:
                    add(m, day, day)
            elif kind == "monthrange":
                y2 = int(g["y2"])
                m1, m2 = _month(g["m1"]), _month(g["m2"])
                y1 = int(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
                add(m, dt.date(y1, m1, 1), month_end(y2, m2))
            elif kind == "month":
                year, month = int(g["y"]), _month(g["m"])
                add(m, dt.date(year, month, 1), month_end(year, month))
            elif kind == "yearrange":
                y1 = int(g["y1"])
                y2 = int(g["y2"]) if g["y2"] else (y1 // 100) * 100 + int(g["y3"])
                if y1 < y2 <= y1 + 30:
                    add(m, dt.date(y1, 1, 1), dt.date(y2, 12, 31))
            elif kind in ("year", "fiscal"):
                year = int(g["y"]) if len(g["y"]) == 4 else 2000 + int(g["y"])
                add(m, dt.date(year, 1, 1), dt.date(year, 12, 31))
            elif kind == "lastyear":
                year = sent_at.year - 1
                add(m, dt.date(year, 1, 1), dt.date(year, 12, 31))
            elif kind == "reporting":
                add(m, reporting[0], reporting[1], False, "reporting")  # unknown dates when the cable states none
            elif kind == "same":
                add(m, None, None, False, "same")
            elif kind == "todate":
                add(m, None, None, True, "todate")
    found.sort(key=lambda p: p.start)
    return found


def _guess_year(sent_at: dt.datetime, month: int) -> int:
    """Year of a date written without one: the cable's year, or the year before for a later month."""
    return sent_at.year if month <= sent_at.month else sent_at.year - 1
