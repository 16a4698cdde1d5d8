"""Curated known laws (the `known_laws` seed), name normalisation and date parsing for law extraction."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from orchestration.cables.extract.reference import KNOWN_LAWS_CSV

SEED_PATH = KNOWN_LAWS_CSV

MONTH_NUMBERS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}|\d{{1,2}}\s+{MONTH}\s+(?:19|20)\d{{2}}"
    rf"|{MONTH},?\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}})"
)


@dataclass(frozen=True)
class KnownLaw:
    """One row of the curated seed."""

    name: str
    country: str | None
    enacted_date: dt.date | None
    aliases: tuple[str, ...]


def parse_date(text: str) -> dt.date | None:
    """'February 29, 1996', '29 February 1996', 'March 2007', '2005', '2008-06-07', '2007-03' -> a date
    (the first day of the month or year when only those are given)."""
    text = text.strip()
    match = re.fullmatch(r"((?:19|20)\d{2})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if match:
        return dt.date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    match = re.fullmatch(rf"({MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})", text)
    if match:
        return _safe_date(int(match.group(3)), MONTH_NUMBERS[match.group(1).lower()], int(match.group(2)))
    match = re.fullmatch(rf"(\d{{1,2}})\s+({MONTH})\s+(\d{{4}})", text)
    if match:
        return _safe_date(int(match.group(3)), MONTH_NUMBERS[match.group(2).lower()], int(match.group(1)))
    match = re.fullmatch(rf"({MONTH}),?\s+(\d{{4}})", text)
    if match:
        return dt.date(int(match.group(2)), MONTH_NUMBERS[match.group(1).lower()], 1)
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=65536)  # a pure function of a name, asked for the same names again across a cable's mentions
def law_key(text: str) -> str:
    """Comparison key for law names: lower case, no articles, common spelling variants merged."""
    key = text.lower().replace("’", "'")
    key = re.sub(r"'s\b", "", key)
    key = re.sub(r"\bhuman beings\b|\bhuman persons\b", "humans", key)
    key = re.sub(r"\blabour\b", "labor", key)
    key = re.sub(r"\bno\.?\s*(?=\d)|\bnumber\s+(?=\d)", "", key)
    # "Protocols to Prevent ...", "the labor laws": a plural head names the same instrument
    key = re.sub(r"\b(law|act|code|convention|protocol|decree|agreement|regulation)s\b", r"\1", key)
    key = re.sub(r"[^a-z0-9]+", " ", key)
    key = re.sub(r"\b(?:the|a|an)\b", " ", key)
    return re.sub(r"\s+", " ", key).strip()


@lru_cache(maxsize=4)
def load_known_laws(path: str | None = None) -> tuple[KnownLaw, ...]:
    """Rows of the seed CSV (`name,country,enacted_date,aliases`)."""
    rows = []
    with open(path or SEED_PATH, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
            enacted = parse_date(row["enacted_date"]) if (row["enacted_date"] or "").strip() else None
            rows.append(KnownLaw(row["name"].strip(), (row["country"] or "").strip() or None, enacted, aliases))
    return tuple(rows)
