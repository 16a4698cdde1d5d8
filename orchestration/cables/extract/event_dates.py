"""Date expressions of cable prose ("On May 30, 2008", "In late 2006", "the March 2007 law") and their resolution.

A mention knows its precision (`day`, `month`, `year`; its date is the first day of that span). A mention
written without a year ("on May 30", "In February") takes the year last written before it in its sentence
("In 2006 the court met on March 3"), or the year of the range it starts ("From June to September 2008"),
else the cable's year, stepping back a year when the month lies after the month the cable was sent (forward
instead for what is still to come: "is expected to be finalized in May"). Relative expressions ("last year",
"this week") count from the cable's date; "earlier in the year" takes the paragraph's last written year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from orchestration.cables.dates import MONTHS
from orchestration.cables.extract.text_scan import WORD_START, at_word_start, folded, holds_any_folded

# the cables' English names, whatever the locale (calendar.month_name follows it)
_FULL_MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June", "July", "August", "September", "October"),
    *("November", "December"),
)
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept?", "Oct", "Nov", "Dec")
_MONTH = rf"(?:{'|'.join(_FULL_MONTH_NAMES)}|(?:{'|'.join(_MONTH_ABBREVIATIONS)})\.?(?=\s+\d))"
# _MONTH with the abbreviations' group spread into the alternation (the same matches): every alternative opens on a
# literal, so the engine skips to the capitals they begin with
_MONTH_ALTERNATIVES = [*_FULL_MONTH_NAMES, *(rf"{abbreviation}\.?(?=\s+\d)" for abbreviation in _MONTH_ABBREVIATIONS)]
# "\b{_MONTH}", with "\b" after each name's capital (text_scan.at_word_start)
_MONTH_AT_WORD = at_word_start(_MONTH_ALTERNATIVES)
_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"
# "the 1990's", "the mid-1980,s" (the cables' apostrophe is often a comma): a decade, not a year
_NOT_A_DECADE = r"(?![’',]s\b)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


def _year_after(behind: str) -> str:
    """_YEAR where the look-behinds `behind` hold before it, each written for the place after the year's first digit
    (one character wider, as text_scan.WORD_START is "\b"): the pattern then opens on "1" or "2", and the engine skips
    to where they stand instead of trying every place of the text."""
    return rf"(?:1{behind}9[4-9]\d|2{behind}0[0-4]\d)"


# for `_year_after`: not after a digit, a separator or a sign ("(?<![\d,.$/-])"); not after "USD ", "US$ "
_NOT_AFTER_SIGN = r"(?<![\d,.$/-].)"
_NOT_AFTER_DOLLARS = r"(?<!USD\s.)(?<!US\$\s.)"


_QUAL = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+last\s+week\s+of)[\s-]+)?"

# dates relative to the cable's date or the narrative's year; they never become the context year themselves
_RELATIVE = {"last_year", "this_year", "that_year", "this_month"}

# a four-digit number that counts something is no year: "2000 victims", "1998 cases"
_NOT_A_COUNT = (
    r"(?!\s+(?:victims|people|persons|cases|children|women|girls|boys|men|workers|migrants|arrests|returnees|"
    r"traffickers|suspects|prostitutes|brothels|visas|copies|participants|officials|officers|troops|households|"
    r"families|dollars|riels?|USD|percent|km|kilometers|miles)\b)"
)

# ordered: the first alternative that matches at a position wins
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("numeric", re.compile(rf"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>{_YEAR})\b")),
    (
        "day",
        re.compile(
            rf"(?P<mon>{_MONTH_AT_WORD})\s+(?P<d>{_DAY})(?:\s*(?:-|–|and|to)\s*{_DAY})?(?:,?\s+(?:¶\s*)?(?P<y>{_YEAR}))?\b"
            rf"(?![-/]\d)"
        ),
    ),
    ("day_first", re.compile(rf"\b(?P<d>{_DAY})\s+(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    # "in December ¶2008": a page break's paragraph mark can stand between a month and its year
    ("month", re.compile(rf"\b{_QUAL}(?P<mon>{_MONTH})(?:\s+of)?,?\s+(?:¶\s*)?(?P<y>{_YEAR})\b")),
    (
        "year_range",
        re.compile(rf"(?P<y>{_year_after(WORD_START)})\s*(?:-|–|/)\s*(?P<y2>{_YEAR}|\d{{2}})\b"),
    ),
    (
        "season",
        re.compile(
            rf"\b(?:(?:early|mid|late)[\s-]+)?(?:the\s+)?(?:spring|summer|fall|autumn|winter)(?:\s+of)?\s+(?P<y>{_YEAR})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "qualified_year",
        re.compile(rf"\b(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+(?P<y>{_YEAR})\b{_NOT_A_DECADE}"),
    ),
    (
        "year",
        re.compile(
            # "(?<![\d,.$/-])(?<!USD\s)(?<!US\$\s)\b(?P<y>{_YEAR})", opening on the year's first digit
            rf"(?P<y>{_year_after(_NOT_AFTER_SIGN + _NOT_AFTER_DOLLARS + WORD_START)})"
            rf"\b(?![\d,]\d|/\d|-\d){_NOT_A_DECADE}{_NOT_A_COUNT}"
        ),
    ),
    ("last_year", re.compile(r"\b(?:last\s+year|the\s+(?:last|past)\s+year|the\s+previous\s+year)\b", re.IGNORECASE)),
    ("this_year", re.compile(r"\b(?:(?:earlier|later)\s+)?this\s+year\b", re.IGNORECASE)),
    ("that_year", re.compile(r"\b(?:(?:earlier|later)\s+(?:in\s+)?(?:the|that)\s+year)\b", re.IGNORECASE)),
    ("this_month", re.compile(r"\b(?:this|last)\s+(?:week|month)\b", re.IGNORECASE)),
    ("month_alone", re.compile(rf"(?P<mon>{at_word_start(_FULL_MONTH_NAMES)})\b(?!\s+\d)")),
]

# what each pattern cannot match without: every feature of the first set (a year, a month name, as the patterns write
# them), and one of the words of the second in any case; most sentences name few kinds of date, so most patterns need
# not run (as in metric_periods)
_NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "numeric": (("year",), ("/",)),
    "day": (("month",), ()),
    "day_first": (("month",), ()),
    "month": (("month", "year"), ()),
    "year_range": (("year",), ()),
    "season": (("year",), ("spring", "summer", "fall", "autumn", "winter")),
    "qualified_year": (("year",), ("early", "mid", "late", "the")),
    "year": (("year",), ()),
    "last_year": ((), ("year",)),
    "this_year": ((), ("year",)),
    "that_year": ((), ("year",)),
    "this_month": ((), ("week", "month")),
    "month_alone": (("month",), ()),
}
# whether a text holds a match of _MONTH
_FEATURES = {"year": re.compile(_YEAR), "month": re.compile("|".join(_MONTH_ALTERNATIVES))}
_CHECKED_PATTERNS = [(kind, pattern, frozenset(_NEEDS[kind][0]), _NEEDS[kind][1]) for kind, pattern in _PATTERNS]

# a month name alone is a date only after one of these words ("In February", "since June"), never "May victims"
_MONTH_ALONE_LEAD = re.compile(
    r"(?:\b(?:in|In|on|On|since|Since|during|During|until|by|By|from|From|of|and|to|through|last|Last|early|mid|late|"
    r"the|The|a|an|its|this|This|that|next)[\s-]+(?:the\s+(?:month\s+of\s+)?)?)$"
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: span, the date it denotes, its precision and whether a year was written."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: str  # day, month, year
    kind: str  # which pattern found it
    explicit_year: bool


def _month_number(name: str) -> int | None:
    return MONTHS.get(name.rstrip(".").lower())


def resolve_year(month: int, sent: dt.date, future: bool = False) -> int:
    """Year of a month written without one and without a year earlier in its sentence.

    The most recent such month up to the month the cable was sent, or, for what is still to come (`future`),
    the next one from that month on. A year written in an earlier sentence of the paragraph is not used: the
    cables' habit is "On February 26 the Minister said" for the latest February 26, even after a sentence
    about 2006.
    """
    if future:
        return sent.year if month >= sent.month else sent.year + 1
    return sent.year - 1 if month > sent.month else sent.year


def find_dates(
    text: str, sent: dt.date, context_year: int | None = None, future: Callable[[int], bool] | None = None
) -> list[DateMention]:
    """Non-overlapping date mentions of a text, left to right.

    `context_year` is the most recent explicit year before the text (in its paragraph): the year of "earlier in
    the year". A month or day without a year takes the last year written before it in the text, else
    `resolve_year`.
    `future(offset)` tells whether a mention at that offset is still to come ("is expected to be finalized in May").
    """
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, re.Match[str]]] = []
    features = {name for name, pattern in _FEATURES.items() if pattern.search(text)}
    lowered = folded(text)
    for kind, pattern, needs, words in _CHECKED_PATTERNS:
        if not needs <= features or (words and not holds_any_folded(text, words, lowered)):
            continue  # the cheap test: the pattern cannot match here
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if kind == "month_alone" and not _MONTH_ALONE_LEAD.search(text[:start]):
                continue
            taken.append((start, end))
            found.append((start, end, kind, match))
    found.sort()
    mentions: list[DateMention] = []
    year_ctx, year_in_sentence = context_year, False
    for index, (start, end, kind, match) in enumerate(found):
        ctx, in_sentence = year_ctx, year_in_sentence
        # "From June to September 2008", "In January and February 2009": the year of the range's end
        if (
            kind in ("month_alone", "day", "day_first")
            and not match.groupdict().get("y")
            and index + 1 < len(found)
            and _JOIN.fullmatch(text[end : found[index + 1][0]])
        ):
            following = found[index + 1][3].groupdict()
            month, end_month = _month_number(match["mon"]), _month_number(following.get("mon") or "")
            if following.get("y") and month:
                later = end_month is not None and month > end_month
                ctx, in_sentence = int(following["y"]) - (1 if later else 0), True
        ahead = future(start) if future else False
        mention = _mention(kind, match, text[start:end], start, end, sent, ctx, in_sentence, ahead)
        if mention is None:
            continue
        if mention.explicit_year and kind not in _RELATIVE:
            year_ctx, year_in_sentence = mention.date.year, True
        mentions.append(mention)
    return mentions


_JOIN = re.compile(r"\s*(?:-|–|to|through|until|and|or)\s*(?:early\s+|late\s+|mid-?)?", re.IGNORECASE)


def _mention(
    kind: str,
    match: re.Match[str],
    surface: str,
    start: int,
    end: int,
    sent: dt.date,
    year_ctx: int | None,
    in_sentence: bool,
    future: bool,
) -> DateMention | None:
    """The mention a pattern match denotes; `year_ctx` is a sentence year when `in_sentence`."""

    def year_of(month: int) -> int:
        if in_sentence and year_ctx is not None:
            return year_ctx
        return resolve_year(month, sent, future)

    groups = match.groupdict()
    try:
        if kind == "numeric":
            date = dt.date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
            return DateMention(start, end, surface, date, "day", kind, True)
        if kind in ("day", "day_first"):
            month = _month_number(groups["mon"])
            if month is None:
                return None
            day = int(re.match(r"\d+", groups["d"]).group())
            explicit = bool(groups.get("y"))
            year = int(groups["y"]) if explicit else year_of(month)
            return DateMention(start, end, surface, dt.date(year, month, day), "day", kind, explicit)
        if kind == "month":
            month = _month_number(groups["mon"])
            if month is None:
                return None
            return DateMention(start, end, surface, dt.date(int(groups["y"]), month, 1), "month", kind, True)
        if kind == "month_alone":
            month = _month_number(groups["mon"])
            if month is None:
                return None
            return DateMention(start, end, surface, dt.date(year_of(month), month, 1), "month", kind, False)
        if kind in ("year", "qualified_year", "season", "year_range"):
            return DateMention(start, end, surface, dt.date(int(groups["y"]), 1, 1), "year", kind, True)
        if kind == "this_year":
            return DateMention(start, end, surface, dt.date(sent.year, 1, 1), "year", kind, True)
        if kind == "that_year":
            year = year_ctx if year_ctx is not None else sent.year
            return DateMention(start, end, surface, dt.date(year, 1, 1), "year", kind, True)
        if kind == "this_month":
            day = (
                sent - dt.timedelta(days=7 if surface.lower().endswith("week") else 30)
                if "last" in surface.lower()
                else sent
            )
            return DateMention(start, end, surface, dt.date(day.year, day.month, 1), "month", kind, True)
        if kind == "last_year":
            return DateMention(start, end, surface, dt.date(sent.year - 1, 1, 1), "year", kind, True)
    except ValueError:
        return None
    return None


# "(?<![\d,.$/-])\b{_YEAR}\b(?![\d,]\d){_NOT_A_DECADE}", opening on the year's first digit
_EXPLICIT_YEAR = re.compile(rf"{_year_after(_NOT_AFTER_SIGN + WORD_START)}\b(?![\d,]\d){_NOT_A_DECADE}")


def last_explicit_year(text: str) -> int | None:
    """The last four-digit year written in a text, if any."""
    years = _EXPLICIT_YEAR.findall(text)
    return int(years[-1]) if years else None
