"""Time expressions of a sentence resolved to the period a figure covers ("in 2008", "April to December 2008")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orchestration.cables.dates import MONTHS, month_end
from orchestration.cables.extract.numbers import UNITS, NumberMatch
from orchestration.cables.extract.text_scan import WORD_START, at_word_start, folded, holds_any_folded

if TYPE_CHECKING:
    from orchestration.cables.extract.metric_candidates import Candidate

_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"),
    *("December", r"Jan\.?", r"Feb\.?", r"Mar\.?", r"Apr\.?", r"Jun\.?", r"Jul\.?", r"Aug\.?", r"Sept\.?", r"Sep\.?"),
    *(r"Oct\.?", r"Nov\.?", r"Dec\.?"),
)
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
# "\b" opening a pattern makes the engine try it at every place of a sentence; a pattern opening on a character lets it
# skip to where that character stands, so the patterns below that begin a word say so after its first character
# (text_scan.WORD_START, at_word_start): "\b{_MONTH}" as _MONTH_AT_WORD, "\b\d{1,2}" as _DAY_AT_WORD
_MONTH_AT_WORD = at_word_start(_MONTHS)
_DAY_AT_WORD = rf"\d{WORD_START}\d?"
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


# "In July", "during July", "mid-July"
_MONTH_ONLY_BEFORE = at_word_start(
    ("In", "in", "During", "during", "By", "by", "Until", "until", "Early", "early", "Late", "late", "Mid-?", "mid-?")
)
# "to date", "so far", "thus far", "to this day"
_TO_DATE = at_word_start(
    (r"To\s+date", r"to\s+date", r"So\s+far", r"so\s+far", r"Thus\s+far", r"thus\s+far", r"To\s+this\s+day")
    + (r"to\s+this\s+day",)
)
_PATTERNS: list[tuple[str, re.Pattern]] = [
    # "since 2003", "Since its establishment in June 2005", "since the initiation of this project in June 1999",
    # "Since February of 2009", "Since the U.S. PROTECT Act was passed in 2003" (the dot of an initial ends nothing)
    (
        "since",
        re.compile(
            rf"[Ss]{WORD_START}ince\b(?:[^.;]|(?<=\b[A-Z])\.){{0,80}}?\b(?:(?P<m>{_MONTH})\s+(?:of\s+)?)?(?P<y>{_YEAR})\b"
            rf"(?![-–]\d)"
        ),
    ),
    # "between April 9 and November 17 in 2006", "December 3-4, 2008", "Between August 1, 2007, and January 31, 2008"
    (
        "dayrange",
        re.compile(
            rf"(?P<m1>{_MONTH_AT_WORD})\s+(?P<d1>\d{{1,2}})(?:,?\s*(?P<y1>{_YEAR}))?,?{_TO}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}})"
            rf"(?:(?:,|\s+in|\s+of)?\s*(?P<y2>{_YEAR}))?\b"
        ),
    ),
    # "September 7, 2005", "On May 30", "7 September 2005"
    ("day", re.compile(rf"(?P<m>{_MONTH_AT_WORD})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<y>{_YEAR})\b)?")),
    ("day2", re.compile(rf"(?P<d>{_DAY_AT_WORD})\s+(?P<m>{_MONTH})(?:,?\s*(?P<y>{_YEAR}))?\b")),
    # "the first two months of 2007", "the second half of 2008", "the first quarter of 2009"
    (
        "part",
        re.compile(
            rf"\b(?P<which>first|last|second|third|fourth)\s+(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|"
            rf"eleven|\d{{1,2}})\s+months|(?P<part>half|quarter))\s+of\s+(?P<y>{_YEAR})\b",
            re.I,
        ),
    ),
    # "02/05/2009"
    ("numeric", re.compile(rf"(?P<a>{_DAY_AT_WORD})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})\b")),
    # "March 2005 to January 2006", "April to December 2008", "January-December 2009", "January and February 2009"
    (
        "monthrange",
        re.compile(rf"\b{_PRE}(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?{_TO}{_PRE}(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})\b"),
    ),
    ("month", re.compile(rf"\b{_PRE}(?P<m>{_MONTH})\s*(?:of\s+)?(?P<y>{_YEAR})\b")),
    # "In July, two women ...": a month of the cable's year (or the year before, for a later month)
    (
        "monthonly",
        re.compile(rf"{_MONTH_ONLY_BEFORE}\s+(?P<m>{_MONTH})(?![\w.]|\s*\d)"),
    ),
    # "From 1996-1999", "the 2008-2009 time frame", "between 2000 and 2004"
    ("yearrange", re.compile(rf"(?<![\d,-])(?P<y1>{_YEAR})(?:{_TO}(?P<y2>{_YEAR})|[-/](?P<y3>\d\d))(?!\d|,\d)")),
    ("fiscal", re.compile(rf"{at_word_start(('FY', 'fiscal year'))}[\s-]*(?P<y>{_YEAR}|\d\d)\b")),
    ("year", re.compile(rf"(?<![\d,.$-])(?P<y>{_YEAR})(?!\d|,\d|\.\d|-\d)")),
    ("lastyear", re.compile(rf"{at_word_start(('Last', 'last', 'the past', 'the previous', 'the last'))}\s+year\b")),
    (
        "reporting",
        re.compile(r"\b(?:(?:reporting|rating|review)\s+period|period\s+covered\s+(?:in|by)\s+this\s+report)\b"),
    ),
    (
        "same",
        re.compile(
            r"\b(?:the\s+same\s+(?:period|time(?:\s+period)?|year|time\s+frame)|that\s+period|"
            r"during\s+the\s+year|the\s+year)\b",
            re.I,
        ),
    ),
    ("todate", re.compile(rf"{_TO_DATE}\b")),
]


_YEAR_MARKED = re.compile(r"(?<=[a-z,] )¶(?=(?:19|20)\d\d\b)")
_AS_OF = re.compile(r"\b[Aa]s\s+(?:of|at)\s+(?:the\s+end\s+of\s+)?$")
# what each pattern cannot match without: every feature of the first set (a digit, a year, a month name, as the
# patterns write them), and one of the words of the second in any case; most sentences name no time, and those
# that do name few kinds of it, so most patterns need not run
_NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "since": (("year",), ("ince",)),
    "dayrange": (("month", "digit"), ()),
    "day": (("month", "digit"), ()),
    "day2": (("month", "digit"), ()),
    "part": (("year",), ("first", "last", "second", "third", "fourth")),
    "numeric": (("year",), ("/",)),
    "monthrange": (("month", "year"), ()),
    "month": (("month", "year"), ()),
    "monthonly": (("month",), ()),
    "yearrange": (("year",), ()),
    "fiscal": (("digit",), ("fy", "fiscal year")),
    "year": (("year",), ()),
    "lastyear": ((), ("year",)),
    "reporting": ((), ("period",)),
    "same": ((), ("same", "period", "year")),
    "todate": ((), ("date", "far", "day")),
}
_FEATURES = {"digit": re.compile(r"\d"), "year": re.compile(_YEAR), "month": re.compile(_MONTH)}
_CHECKED_PATTERNS = [(kind, pattern, frozenset(_NEEDS[kind][0]), _NEEDS[kind][1]) for kind, pattern in _PATTERNS]


def find_periods(text: str, sent_at: dt.datetime, reporting: tuple[dt.date | None, dt.date | None]) -> list[Period]:
    """Time expressions of `text`, longest first at each place, not overlapping."""
    found: list[Period] = []
    # the release marks a wrapped line that opens with a year and a full stop as a numbered paragraph ("prosecutors
    # in December\n2008. He" -> "in December ¶2008. He"): inside a sentence the mark is blanked (offsets kept)
    text = _YEAR_MARKED.sub(" ", text) if "¶" in text else text
    features = {name for name, pattern in _FEATURES.items() if pattern.search(text)}
    lowered = folded(text)
    for kind, pattern, needs, words in _CHECKED_PATTERNS:
        if not needs <= features or (words and not holds_any_folded(text, words, lowered)):
            continue  # the cheap test: the pattern cannot match here
        for m in pattern.finditer(text):
            if any(not (m.end() <= p.start or m.start() >= p.end) for p in found):
                continue
            resolved = _resolve(kind, m.groupdict(), sent_at, reporting)
            if resolved is not None:
                if kind in ("day", "day2", "numeric") and _AS_OF.search(text, 0, m.start()):
                    resolved = (None, resolved[1], True, resolved[3])  # "As of February 11": a total up to that day
                elif kind in ("day", "day2", "numeric") and _published(text, m.start(), m.end()):
                    resolved = (None, None, False, "published")
                found.append(Period(m.start(), m.end(), *resolved))
    found.sort(key=lambda p: p.start)
    return found


_Resolved = tuple[dt.date | None, dt.date | None, bool, str]

# the day a text came out or a report was made, not the period of what it counts: "According to a January 12 article
# in the Jakarta Post", "(Veja, Sept. 10, 2008, pp. 60-62)", "On March 27, 2009, the Government reported it had
# repatriated a total of 5 victims"
_PUBLICATION_AFTER = re.compile(
    r"\s*(?:,\s*\d{4}\s*)?(?:article|report|story|edition|issue|press\s+(?:release|conference|report)|statement|"
    r"broadcast|interview|letter|newspaper)\b"
)
_CITATION_BEFORE = re.compile(r"\(\s*[A-Z][^()\d]{0,40},\s*$")
_REPORTED_EARLIER = re.compile(
    r",?\s+[^.;:]{0,60}?\b(?:reported|said|stated|announced|noted|claimed|confirmed|indicated|told)\s+"
    r"(?:that\s+)?[^.;:,]{0,40}?\bhad\s+(?:been\s+)?[a-z]+(?:ed|en|wn)\b"
)


def _published(text: str, start: int, end: int) -> bool:
    """Whether a day is the day of a publication or of a report of earlier deeds, not of the deeds themselves."""
    if re.search(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+$", text[max(0, start - 8) : start]):
        return bool(_PUBLICATION_AFTER.match(text, end))
    return bool(_CITATION_BEFORE.search(text, max(0, start - 50), start) or _REPORTED_EARLIER.match(text, end))


def _resolve(kind: str, g: dict, sent_at: dt.datetime, reporting: tuple) -> _Resolved | None:
    """Start, end, cumulative flag and kind of the period a matched time expression stands for."""
    if kind == "since":
        year = int(g["y"])
        return dt.date(year, _month(g["m"]), 1) if g["m"] else dt.date(year, 1, 1), None, True, "cumulative"
    if kind == "dayrange":
        y2 = int(g["y2"] or g["y1"] or _guess_year(sent_at, _month(g["m2"] or g["m1"])))
        y1 = int(g["y1"] or y2)
        m1, m2 = _month(g["m1"]), _month(g["m2"] or g["m1"])
        a, b = _safe_date(y1, m1, int(g["d1"])), _safe_date(y2, m2, int(g["d2"]))
        return (a, b, False, "date") if a and b and a <= b else None
    if kind in ("day", "day2", "numeric"):
        if kind == "numeric":
            a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
            day = _safe_date(year, a, b) or _safe_date(year, b, a)
        else:
            month = _month(g["m"])
            day = _safe_date(int(g["y"]) if g["y"] else _guess_year(sent_at, month), month, int(g["d"]))
        return (day, day, False, "date") if day else None
    if kind == "part":
        return _part_of_year(g)
    if kind == "monthrange":
        y2, m1, m2 = int(g["y2"]), _month(g["m1"]), _month(g["m2"])
        y1 = int(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
        return dt.date(y1, m1, 1), month_end(y2, m2), False, "date"
    if kind in ("month", "monthonly"):
        month = _month(g["m"])
        year = int(g["y"]) if g.get("y") else _guess_year(sent_at, month)
        return dt.date(year, month, 1), month_end(year, month), False, "date"
    if kind == "yearrange":
        y1 = int(g["y1"])
        y2 = int(g["y2"]) if g["y2"] else (y1 // 100) * 100 + int(g["y3"])
        return (dt.date(y1, 1, 1), dt.date(y2, 12, 31), False, "date") if y1 < y2 <= y1 + 30 else None
    if kind == "fiscal":
        # the cables' "FY" is the US government's fiscal year: FY-2004 ran from October 2003 to September 2004
        year = int(g["y"]) if len(g["y"]) == 4 else 2000 + int(g["y"])
        return dt.date(year - 1, 10, 1), dt.date(year, 9, 30), False, "date"
    if kind in ("year", "lastyear"):
        year = sent_at.year - 1 if kind == "lastyear" else int(g["y"]) if len(g["y"]) == 4 else 2000 + int(g["y"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), False, "date"
    if kind == "reporting":
        return reporting[0], reporting[1], False, "reporting"  # unknown dates when the cable states none
    if kind == "same":
        return None, None, False, "same"
    return None, None, True, "todate"


_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


def _part_of_year(g: dict) -> _Resolved | None:
    """ "the first two months of 2007" -> January to February; "the second half of 2008" -> July to December."""
    year, which = int(g["y"]), _ORDINAL[g["which"].lower()]
    if g["n"]:
        months = UNITS.get(g["n"].lower()) or int(g["n"])
        if which not in (1, -1) or not 0 < months <= 12:
            return None
        first, last = (1, months) if which == 1 else (13 - months, 12)
    else:
        size = 6 if g["part"].lower() == "half" else 3
        index = which if which > 0 else 12 // size
        if index * size > 12:
            return None
        first, last = (index - 1) * size + 1, index * size
    return dt.date(year, first, 1), month_end(year, last), False, "date"


def _guess_year(sent_at: dt.datetime, month: int) -> int:
    """Year of a date written without one: the cable's year, or the year before for a later month."""
    return sent_at.year if month <= sent_at.month else sent_at.year - 1


_BASE_BEFORE = re.compile(r"\b(?:over|than|compared\s+(?:to|with)|versus)\s+(?:in\s+|that\s+of\s+)?$")


def choose_period(
    n: NumberMatch, periods: list[Period], previous: Period | None, has_same: bool, text: str
) -> Period | None:
    """The period of a figure: the nearest date of its clause, else the period carried from the sentence before."""
    usable = [p for p in periods if p.kind in ("date", "reporting", "cumulative")]
    if not usable and any(p.kind == "published" for p in periods):
        return None  # dated only by its report: the figure's own period is unknown
    # "a 13 percent increase over 2007", "up from 142 in 2007": the base of a comparison is not the figure's period
    own = [p for p in usable if not _BASE_BEFORE.search(text, 0, p.start)]
    usable = own or usable
    if usable:

        def distance(p: Period) -> int:
            if p.start >= n.end and re.fullmatch(r"\s+(?:in|during)\s+", text[n.end : p.start]):
                return 0  # "from 142 in 2007 to 252 in 2008": the date right after a figure is its own
            if p.end <= n.start:
                gap, between = n.start - p.end, text[p.end : n.start]
            else:
                gap, between = p.start - n.end + 5, text[n.end : p.start]
            # another clause; a date after a comma belongs to what follows ("..., due to the formation on May 13")
            return gap + (200 if re.search(r"[:;]", between) else 0) + (40 if p.start > n.end and "," in between else 0)

        return min(usable, key=distance)
    if any(p.kind == "todate" for p in periods) and not has_same:
        return None
    return previous


_STUDY_NOUN = re.compile(r"\b(?:study|survey|research|assessment|census|questionnaire)\b", re.I)


def _purpose_between(period: Period, n: NumberMatch, text: str) -> bool:
    """A purpose or make-up clause between a date and a count of institutions: the date is of the deed, the count
    describes what it concerns ("launched the NTF to coordinate 11 ministries", "composed of 16 agencies")."""
    between = text[period.end : n.start] if period.end <= n.start else text[n.end : period.start]
    return bool(re.search(r"\bto\s+(?!date\b)[a-z]+\b|\b(?:composed|comprised|consisting|made\s+up)\s+of\b", between))


_STOCKS = ("population_estimate", "share")


def _day_of_a_stock(c: Candidate, previous: Period | None) -> bool:
    day = previous is not None and previous.period_start is not None and previous.period_start == previous.period_end
    return day and c.measure in _STOCKS


_COMMON_STEMS = {"gover", "minis", "polic", "count", "embas", "peopl", "presi", "offic", "natio", "trafi", "traff"}


def _stems(text: str) -> set[str]:
    return {w[:5].lower() for w in re.findall(r"[A-Za-z]{5,}", text)} - _COMMON_STEMS


def _refers_back(text: str, stems: set[str]) -> bool:
    """Whether a sentence names again, with "the", something the sentence before named: "the amnesty", "the prizes"."""
    return any(w[:5] in stems for w in re.findall(r"\b[Tt]he\s+([a-z]{5,})\b", text))


class PeriodCarry:
    """Dates the figures of a paragraph's sentences, carrying the period of one sentence to the figures of the next
    until a dated sentence without figures ends it."""

    def __init__(self, sent: dt.date | None = None) -> None:
        self.sent = sent  # a period after the day the cable was sent is a target, carried to no other sentence
        self.previous: Period | None = None
        # the date of a sentence without figures, and the words it names a happening with ("granted an amnesty")
        self.happening: tuple[Period, set[str]] | None = None

    def date(self, candidates: list[Candidate], periods: list[Period], text: str) -> None:
        """Set the period and cumulative flag of each figure of a sentence, then remember what the next may carry."""
        happening, self.happening = self.happening, None
        goes_on = bool(happening and candidates and _refers_back(text, happening[1]))
        if goes_on:
            # "Between August 1, 2007, and January 31, 2008, the government granted an amnesty ... at the end of the
            # amnesty, 12,897 workers returned": the sentence goes on about the dated happening
            self.previous = happening[0]
        has_same = any(p.kind == "same" for p in periods)
        cumulative_sentence = any(p.cumulative for p in periods)
        for c in candidates:
            # counts of organizations are structural: no period carried over from another sentence; nor is the day of
            # an event, or of a happening, the period of a stock or a proportion stated after it ("There are
            # approximately 517,000 expatriates in Bahrain.")
            stock = c.measure in _STOCKS and goes_on or _day_of_a_stock(c, self.previous)
            carried = None if c.measure == "organizations_count" or stock else self.previous
            c.period = choose_period(c.number, periods, carried, has_same, text)
            if c.measure == "organizations_count" and c.period and _purpose_between(c.period, c.number, text):
                c.period = None  # "In April 2007, the government launched the NTF to coordinate 11 ministries"
            c.cumulative = cumulative_sentence or bool(c.period and c.period.cumulative)
        if candidates:
            dated = [c.period for c in candidates if c.period is not None]
            if dated:
                future = self.sent and dated[-1].period_start and dated[-1].period_start > self.sent
                # "... to dedicate 0.7 percent of GDP to aid by 2015": the next sentence is not about 2015
                self.previous = None if future else dated[-1]
        elif any(p.kind in ("date", "reporting") for p in periods):
            dates = [p for p in periods if p.kind == "date"]
            if dates and _STUDY_NOUN.search(text):
                # "The 2008 UNIAP report detailed a July-August 2008 study of ...": the period of the study, for the
                # figures the next sentences report from it
                self.previous = dates[-1]
            else:
                self.previous = None  # a dated sentence without figures ends the carried period
                self.happening = (dates[-1], _stems(text)) if dates else None
