"""Dates as the cables write them: header stamps, date-time groups and month-year spans."""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_DTG = re.compile(r"\b(\d{2})(\d{2})(\d{2})Z\s+([A-Z]{3})\s+(\d{2})\b")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PERIOD = re.compile(
    rf"(?:covering|covers|for)\s+the\s+(?:reporting\s+)?period\s+(?:of\s+|from\s+)?"
    rf"(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})\s*(?:-|–|to|through|until)\s*"
    rf"(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}})",
    re.IGNORECASE,
)
# the cheap test first: every match of _PERIOD holds the word, and a paragraph seldom does
_PERIOD_WORD = re.compile("period", re.IGNORECASE)


def parse_header_date(text: str) -> dt.datetime:
    """Parse `Thu Feb 19 00:00:00 +0100 2009` into an aware datetime."""
    return dt.datetime.strptime(text.strip(), "%a %b %d %H:%M:%S %z %Y")


def parse_date_time_group(text: str) -> dt.datetime | None:
    """UTC datetime (naive) of a military date-time group such as `190606Z FEB 09`."""
    match = _DTG.search(text)
    if not match:
        return None
    day, hour, minute, month_name, year = match.groups()
    month = MONTHS.get(month_name.lower())
    if month is None:
        return None
    try:
        return dt.datetime(2000 + int(year), month, int(day), int(hour), int(minute))
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    """Last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def find_reporting_period(text: str) -> tuple[dt.date, dt.date] | None:
    """The period a text says it covers ("covering the period April 2008 - March 2009")."""
    match = _PERIOD.search(text) if _PERIOD_WORD.search(text) else None
    if not match:
        return None
    start = dt.date(int(match["y1"]), MONTHS[match["m1"].lower()], 1)
    end = month_end(int(match["y2"]), MONTHS[match["m2"].lower()])
    return (start, end) if start <= end else None
