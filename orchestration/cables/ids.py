"""Canonical cable ids: `08 PHNOM PENH 955` -> `08PHNOMPENH955`."""

from __future__ import annotations

import re

CABLE_ID = re.compile(r"^\d{2}[A-Z][A-Z]*\d+$")
# stations that appear under two spellings in reference blocks
_STATION_ALIASES = {"SECSTATE": "STATE"}
_REFERENCE = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2})\s+)?(?P<station>[A-Z][A-Z]*(?: [A-Z]+){0,3})\s+0*(?P<number>\d{1,7})\b"
)


def is_cable_id(text: str) -> bool:
    """True when `text` has the canonical cable-id shape (`09PHNOMPENH114`)."""
    return bool(CABLE_ID.match(text))


def canonical_reference(entry: str, citing_year: int) -> str | None:
    """Cable id cited by one reference entry, or None when the entry names no cable.

    The year defaults to the citing cable's year; four-digit years are shortened; leading
    zeros of the serial number are dropped; `SECSTATE` is the same station as `STATE`.
    """
    match = _REFERENCE.match(entry.strip())
    if not match:
        return None
    station = match["station"].replace(" ", "")
    station = _STATION_ALIASES.get(station, station)
    if len(station) < 3 or len(station) > 20:
        return None
    year = match["year"]
    year2 = f"{citing_year % 100:02d}" if year is None else year[-2:]
    return f"{year2}{station}{int(match['number'])}"
