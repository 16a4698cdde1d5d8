"""Figures of a sentence that may be statistics: the noun each counts, and why a figure is not one (a date, a year,
an identifier, an age, a duration, an enumeration mark)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from orchestration.cables.extract.currencies import demonyms
from orchestration.cables.extract.metric_lexicon import (
    AGE_AFTER,
    AGE_BEFORE,
    CASE_NOUNS,
    EVENT_NOUNS,
    ID_PREFIX,
    MODIFIER_STOP,
    ORG_NOUNS,
    PERSON_NOUNS,
    TIME_UNIT_AFTER,
)
from orchestration.cables.extract.metric_money import MoneyReader
from orchestration.cables.extract.metric_periods import Period
from orchestration.cables.extract.numbers import TENS, UNITS, NumberMatch
from orchestration.cables.model import Paragraph

PERSON_MEASURES = {
    "arrests",
    "perpetrators",
    "victims_identified",
    "victims_rescued",
    "victims_referred",
    "victims_assisted",
    "victims_repatriated",
    "migrants_returned",
    "persons_trained",
    "population_estimate",
    "convictions",
    "prosecutions",
}


_WORD_RE = re.compile(r"[A-Za-z][\w'’./-]*|[(),;:]|\d[\d,.]*")
_ONE_NOT = {"of", "another", "or", "side", "hand", "way", "such", "who", "which", "that", "is", "was", "has", "had"}


@dataclass
class Candidate:
    number: NumberMatch
    paragraph: Paragraph
    sentence_text: str
    sentence_start: int
    measure: str = "other"
    unit: str | None = None
    noun: str | None = None
    basis: str = "none"  # money, percent, noun, cue, inherit, none
    currency: str | None = None
    breakdown: list[str] = field(default_factory=list)
    source: str | None = None
    period: Period | None = None
    cumulative: bool = False
    parent: Candidate | None = None
    index: int = -1
    total_at: int = -1  # "seven of the 12 women": where the total this figure is a part of starts
    change_from: bool = False  # the first end of a change: "rose from 142 to 252"
    row: str | None = None  # the row label of a table cell ("Chiang Mai")
    column_year: int | None = None  # the year of a table cell's column
    row_total: bool = False  # a cell of a table's "Total" row


def _norm_noun(word: str) -> str:
    return re.sub(r"(?:'s|’s|')$", "", word.lower()).strip(".")


_PLURAL = re.compile(r"[a-z-]{3,}[^s]s")
_NOT_PLURAL = {
    "various",
    "previous",
    "dangerous",
    "numerous",
    "anonymous",
    "indigenous",
    "serious",
    "hazardous",
    "famous",
    "analysis",
    "this",
    "its",
    "thus",
    "religious",
    "vicious",
    "nervous",
    "vulnerable",
    "illegal",
    "homeless",
    "less",
    "unless",
    "cross-border",
    "gross",
    "miscellaneous",
    "simultaneous",
}
SUBGROUP_NOUNS = {
    "girls",
    "girl",
    "boys",
    "boy",
    "women",
    "woman",
    "men",
    "man",
    "children",
    "child",
    "minors",
    "minor",
    "females",
    "males",
    "adults",
    "citizens",
    "citizen",
    "nationals",
    "foreigners",
}


def head_noun(after: str) -> tuple[str | None, int]:
    """The noun a figure counts: the last known noun of the words right after it; and the end of that phrase."""
    noun, noun_end, plain, plain_end, count = None, 0, None, 0, 0
    adjective = False  # the noun found so far is a capitalised adjective: "South Korean visas", "Cambodian men"
    for m in _WORD_RE.finditer(after):
        token = m.group(0)
        low = _norm_noun(token)
        if count and low in ("and", "or", ","):
            if noun is None:
                continue  # "13 provincial and municipal courts", "200 international and local NGOs"
            # "122 government and NGO participants": the coordinated noun heads the phrase
            nxt = re.match(r"\s*(?:[A-Za-z][\w/-]*\s+)?([A-Za-z][\w/-]*)", after[m.end() :])
            if low != "," and nxt and _norm_noun(nxt.group(1)) in PERSON_NOUNS and noun not in PERSON_NOUNS:
                continue
            break
        if token in "(),;:" or token[0].isdigit() or low in MODIFIER_STOP:
            break
        if (
            token[0].islower()
            and low.endswith("ed")
            and low not in ("armed", "unaccompanied", "registered", "suspected", "alleged", "licensed", "related")
        ):
            break  # a verb: "Two received death sentences"
        count += 1
        if count > 8:
            break
        parts = [_norm_noun(x) for x in low.split("/")] if "/" in low else [low]
        known = [
            x
            for x in parts
            if x in ORG_NOUNS
            or x in PERSON_NOUNS
            or x in CASE_NOUNS
            or x in EVENT_NOUNS
            or x.rstrip("s") in PERSON_NOUNS
            or x + "s" in PERSON_NOUNS
            or x in _nationalities()
            or _nationality_noun(x)
        ]
        if known:
            noun, noun_end = known[0], m.end()
            people = low in PERSON_NOUNS or _nationality_noun(low)  # "Cambodians", "Vietnamese"; not "Cambodian"
            adjective = token[0].isupper() and not people and low not in ORG_NOUNS
        elif noun is not None and adjective and token[0].islower():
            if _PLURAL.fullmatch(low) and low not in _NOT_PLURAL:
                return low, m.end()  # "74 South Korean visas"
            continue  # "Three French secondary schools": a modifier after the nationality
        elif noun is not None:
            break
        elif noun is None and token[0].islower() and re.fullmatch(r"[a-z-]+", low):
            plain, plain_end = low, m.end()
            if _PLURAL.fullmatch(low) and low not in _NOT_PLURAL:
                break  # "56 instances of", "32 instances male": the first plural noun heads the phrase
    if noun is None and plain and plain.endswith("s") and len(plain) > 3:
        return plain, plain_end
    return noun, noun_end


def noun_class(noun: str | None) -> str | None:
    if noun is None:
        return None
    for cls, words in (("event", EVENT_NOUNS), ("case", CASE_NOUNS), ("person", PERSON_NOUNS), ("org", ORG_NOUNS)):
        if noun in words:
            return cls
    if noun.rstrip("s") in PERSON_NOUNS or noun + "s" in PERSON_NOUNS or noun in _nationalities():
        return "person"
    return "person" if _nationality_noun(noun) else "thing"


@functools.cache
def _nationalities() -> frozenset[str]:
    """Adjectives of nationality in lower case ("cambodian", "vietnamese"), from the library."""
    return frozenset(d.lower() for d in demonyms() if " " not in d) | {"american"}


def _nationality_noun(word: str) -> bool:
    """A nationality used as a noun of people: "cambodians", "vietnamese", "swiss"."""
    return (word.endswith("s") and word[:-1] in _nationalities()) or (
        word in _nationalities() and word.endswith(("ese", "ss"))
    )


def is_year(n: NumberMatch) -> bool:
    return (
        not n.is_word
        and "," not in n.text
        and "." not in n.text
        and n.scale is None
        and 1950 <= n.value <= 2049
        and n.value == int(n.value)
    )


def skip_reason(
    text: str, n: NumberMatch, periods: list[Period], previous_skipped: NumberMatch | None, money: MoneyReader
) -> str | None:
    """Why a figure is not a statistic (date, year, identifier, age, duration, enumeration mark), or None.

    "chain" marks identifiers and ages, whose list goes on: "Articles 8 and 9", "between the ages of 10 and 12".
    """
    if is_year(n) and money.heading(text[: n.start]) is not None and head_noun(text[n.end :])[0] is None:
        return None  # "USD equivalent value ...: 2000 for third": an amount of a list under its currency
    if any(p.start <= n.start < p.end and p.kind in ("date", "cumulative") for p in periods):
        return "date"
    before, after = text[: n.start], text[n.end :]
    if is_year(n) and money.currency(before, after, n) is None:
        return "year"
    if ID_PREFIX.search(before[-40:]):
        return "chain"
    if previous_skipped and re.fullmatch(
        r"\s*(?:,|and|or|to|-|–|through|&|,\s*and)\s*", text[previous_skipped.end : n.start]
    ):
        return "chain"
    if TIME_UNIT_AFTER.search(after) or AGE_AFTER.search(after):
        return "duration"
    if (
        re.match(r"\s*(?:to|-|–|and|or)\s*(?:\d+|[a-z]+)\s+(?:years?|months?|weeks?|days?)\b", after)
        and money.currency(before, after, n) is None
    ):
        return "duration"  # "ranging from one to 18 years"
    if AGE_BEFORE.search(before[-30:]):
        noun, _ = head_noun(after)
        if noun_class(noun) not in ("person", "org", "case", "event"):
            return "chain"
    if re.match(r"\s*\)", after) and re.search(r"(?:^|[;:.,]\s*)$", before) and not n.is_word and n.value < 50:
        return "mark"  # "1)" enumeration
    if re.match(r"\)\s*[A-Za-z]", after) and re.search(r"\($", before) and not n.is_word and n.value < 50:
        return "mark"  # "include: (1) working and living conditions ..., (2) ..."
    if re.match(r"-[A-Za-z]", after) and not re.match(r"-(?:thirds?|halves|quarters?)", after):
        word = re.match(r"-([A-Za-z]+)", after).group(1).lower()
        if word not in UNITS and word not in TENS:
            return "mark"  # "two-year", "13-year-old", "one-stop"
    if re.match(r"\s*(?:st|nd|rd|th)\b", after):
        return "mark"
    if n.text.lower() == "one":
        nxt = re.match(r"\s*([A-Za-z]+)", after)
        if (
            not nxt
            or nxt.group(1).lower() in _ONE_NOT
            or re.search(
                r"\b(?:no|any|every|each|the|this|that|which|than|were|was|is|are|be|at|as|in)\s*$", before, re.I
            )
        ):
            return "pronoun"
    return None
