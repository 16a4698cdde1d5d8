"""Which dates of a sentence can date a happening, and which dated sentences report none.

A date is not an event's date when it only ends a range ("April to December 2008"), bounds what a plan covers
("the period 2006-2010"), is a comparison base ("compared to 2007"), a status date ("as of February 2009"), a
deadline ("by the March 1 deadline"), a reference point ("prior to January 9"), a span ("over the past year",
"funds through July"), an annual day ("the National Day against Sexual Exploitation (May 18)"), the year of a
cable reference ("B. 2008 BRASILIA 775"), or the year of the cable's own report. A sentence reports no event when
it only counts people or cases over a year or a span of months ("In 2008, IOM identified 160 victims"), plans
something for the cable's year or later, or says that something did not happen ("did not provide data by ...").
"""

from __future__ import annotations

import datetime as dt
import re

from orchestration.cables.extract.event_dates import DateMention
from orchestration.cables.extract.event_types import STRONG_TYPES, Trigger
from orchestration.cables.extract.text_scan import holds_any_folded, required_words

_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|"
    r"hundreds|thousands|no|several)"
)
_COUNT = re.compile(
    rf"\b(?:\d[\d,.]*|{_NUMBER_WORD})\s*(?:%|(?:[\w-]+\s+){{0,4}}?(?:victims?|cases?|perpetrators?|offenders?|"
    r"suspects?|traffickers?|persons|people|individuals|children|women|girls|boys|men|returnees|migrants|arrests?|"
    r"convictions?|prosecutions?|investigations?|detentions?|deportees|visas|tourists|companies|workers|"
    r"civilians|foreigners|foreign\s+nationals|percent|prostitutes|revenue|incidents|calls|complaints|"
    r"applications|residents)\b)",
    re.IGNORECASE,
)
_STATS_CUE = re.compile(
    r"\b(?:total|statistics|revenue|estimated|estimates?|compared\s+(?:to|with)|increase|decrease|trend|"
    r"number\s+of|per\s+(?:day|month|year)|there\s+(?:were|was|have\s+been|has\s+been)\s+\d)\b",
    re.IGNORECASE,
)
# an amount of money over a year: "arms sales totaling approximately USD 6.7 billion in 2006", "the trade deficit
# rose to USD 17 billion, up from USD 11 billion last year", "In 2005, the airport turned a euro 2.9 million profit"
_MONEY = re.compile(r"(?:\$|€|£|\b(?:USD|EUR|GBP|euros?|million|billion)\b)")
_MONEY_STATS_CUE = re.compile(
    r"\b(?:total(?:s|ed|led|ing|ling)|amount(?:ed|ing)\s+to|(?:up|down)\s+from|"
    r"(?:rose|fell|grew|declined|dropped)\s+(?:by|to|from|over|\d)|"
    r"(?<!-)(?:deficits?|surplus(?:es)?|profits?|sales|exports|imports|revenues?))\b",
    re.IGNORECASE,
)
_RANGE_NEXT = re.compile(
    rf"\s*(?:-|–|to|through|until|and)\s*(?:early\s+|late\s+|mid-?)?(?:{_MONTH_NAME}|\d{{4}})", re.IGNORECASE
)
_RANGE_PREVIOUS = re.compile(
    rf"\b(?:from|between)\s+(?:{_MONTH_NAME}|\d{{4}})(?:\s+\d{{4}})?\s*(?:-|–|to|through|until|and)\s*$",
    re.IGNORECASE,
)
_COMPARISON_BEFORE = re.compile(
    r"(?:compared\s+(?:to|with)|similar\s+to|increase\s+over|decrease\s+from|change\s+from|than|as\s+in)\s+"
    r"(?:in\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_RANGE_END_BEFORE = re.compile(r"(?:\bto|\bthrough|\buntil|\band|\bor|-|–|/)\s*(?:early\s+|late\s+|mid-?)?$", re.I)
_COVER_BEFORE = re.compile(
    r"(?:\bperiod|\bcover(?:s|ing)?|\bcovered|\bfor\s+the\s+years?|\bduring\s+the\s+period)\s*(?:of\s+|from\s+)?$",
    re.IGNORECASE,
)
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
_PAREN_RANGE_BEFORE = re.compile(r"\(\s*$")
_AS_OF_BEFORE = re.compile(r"\b(?:as\s+of|by)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
# "prior to January 9", "funds through July", "until June": a point things are measured from or to
_REFERENCE_POINT_BEFORE = re.compile(r"\b(?:prior\s+to|before|through|until|till|up\s+to)\s+(?:the\s+)?$", re.I)
# "by the March 1 deadline", "the reporting deadline of March 1"
_DEADLINE_AFTER = re.compile(r"^\s+(?:reporting\s+|submission\s+)?deadlines?\b", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(r"\bdeadlines?\s+(?:of|on)\s+$", re.IGNORECASE)
# "over the past year", "during the last year": a span, not a date
_SPAN_BEFORE = re.compile(r"\b(?:over|during|throughout|within|in|for)\s+$", re.IGNORECASE)
# "the National Day against Sexual Exploitation (May 18)": a day observed every year
_ANNUAL_DAY_BEFORE = re.compile(r"\bDay\b[^.;()]{0,60}\(\s*$")
# "B. 2008 BRASILIA 775": the year of a cable reference
_CABLE_REFERENCE_AFTER = re.compile(r"^\s+[A-Z]{3,}(?:\s+[A-Z]{2,})*\s+\d+\b")
_OWN_REPORT_AFTER = re.compile(r"^\s*(?:TIP|Trafficking\s+in\s+Persons)\s+(?:\(TIP\)\s+)?Report\b", re.IGNORECASE)
_REFERENCE_LAW_AFTER = re.compile(r"^\s+law\b")  # "a general 1996 law": the law referred to, not its enactment
_ARTICLE_BEFORE = re.compile(r"(?:\bno\.?|\bnumber|\bNo\.?)\s*$")
_LAW_WORD = r"(?:Law|law|Decree|decree|Act|Code|Sub-[Dd]ecree|Resolution|Ordinance|Prakas)"
# a year that names a law: "Decree 81 of 2006", "Law 10 (1961)", "law number 126 of 2008", "The Labor Code of 1949"
_DESIGNATION_BEFORE = re.compile(rf"\b{_LAW_WORD}(?:\s+(?:no\.?|number|No\.?))?\s*\d*\s*(?:of\s+|\(\s*)$")
# "the 2004 Naturalization and Immigration Law", "a 1961 anti-prostitution law", "The March 2007 Organic Law"
_DESIGNATION_AFTER = re.compile(
    rf"^\s+(?:(?:[A-Z][\w'’-]*\s+|(?:anti|counter)-[\w-]+\s+|and\s+){{1,6}}{_LAW_WORD}|"
    rf"(?:Law|Decree|Act|Code|Sub-[Dd]ecree)\s+(?:on|of|for|against|to|No|no|number|\d))\b"
)
FUTURE = re.compile(
    r"\b(?:will|expects?|expected|plans?\s+to|planning|intends?\s+to|would|hopes?\s+to|next\s+year|upcoming|"
    r"is\s+scheduled|are\s+scheduled|to\s+be\s+(?:completed|finalized|held|approved))\b",
    re.IGNORECASE,
)
# "may" is left out: it is also the month
_MODAL = re.compile(r"\b(?:should|could|might|must|ought\s+to)\b", re.IGNORECASE)
_NOUN_DATE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$|['’]s\s+$", re.IGNORECASE)
_MODAL_REACH = 70  # how far after a modal a date is still governed by it
_CLAUSE_MARK = re.compile(r"[;:,.()]|\s--\s")
_RELATIVE_END = re.compile(r"\b(?:that|which|who)\s+$", re.IGNORECASE)
# "did not provide", "has not yet passed", "failed to": what did not happen is no happening
_NEGATED = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|was|were|is|are|could|can)(?:\s+not|n't)|never|failed\s+to|"
    r"neither|no\s+longer)\b",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(r"\b(?:Classified\s+By|Declassify\s+on|Reasons?:?\s+1\.[45]|E\.\s?O\.\s+12958)\b", re.I)

_SERIES_NUMBER = re.compile(r"(?<![\w.,$-])\d{1,3}(?:,\d{3})+(?![\w.,]\d)|(?<![\w.,$-])\d{3,}(?![\w.,]\d)")
# the words every match of these patterns holds one of: the cheap tests before them
_HEADER_WORDS = required_words(_HEADER_LINE)
_STATS_CUE_WORDS = required_words(_STATS_CUE)
_NEGATED_WORDS = required_words(_NEGATED)

OWN_NOUN_REACH = 15  # how near a noun must be to the date it carries ("a 2003 study")


def is_designation(text: str, mention: DateMention) -> bool:
    """A date that is part of a law's name or citation ("Decree 81 of 2006", "the 2004 Immigration Law")."""
    if mention.precision == "day":
        return False
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 80]
    return bool(_DESIGNATION_BEFORE.search(before) or _DESIGNATION_AFTER.match(after))


def is_header(text: str) -> bool:
    """A classification or declassification line of the cable's header, not prose."""
    return holds_any_folded(text, _HEADER_WORDS) and bool(_HEADER_LINE.search(text))


def primary_dates(text: str, mentions: list[DateMention], sent: dt.date) -> list[DateMention]:
    """Mentions that can date an event of the sentence."""
    primary: list[DateMention] = []
    previous_end = None
    for mention in mentions:
        before = text[max(0, mention.start - 80) : mention.start]
        after = text[mention.end : mention.end + 40]
        adjacent = previous_end is not None and mention.start - previous_end <= 12
        previous_end = mention.end
        if adjacent and _RANGE_END_BEFORE.search(before):
            continue
        if mention.date > sent + dt.timedelta(days=400):
            continue
        if is_designation(text, mention):
            primary.append(mention)
        elif not _is_not_a_date_of_happening(mention, text, before, after, sent):
            primary.append(mention)
    return primary


def _in_a_series_of_counts(mention: DateMention, text: str) -> bool:
    """ "4000 for first place, 2800 for second, 2000 for third": a number among counts, not a year."""
    start = max(text.rfind(";", 0, mention.start), text.rfind(":", 0, mention.start)) + 1
    ends = [i for i in (text.find(";", mention.end), text.find(":", mention.end)) if i >= 0]
    segment = text[start : min(ends) if ends else len(text)]
    others = [int(n.replace(",", "")) for n in _SERIES_NUMBER.findall(segment) if n != mention.text]
    return sum(1 for n in others if not 1940 <= n <= 2049) >= 2


def _is_not_a_date_of_happening(mention: DateMention, text: str, before: str, after: str, sent: dt.date) -> bool:
    """A date that bounds, compares, cites or observes rather than dates something that happened."""
    if _COVER_BEFORE.search(before) or _COMPARISON_BEFORE.search(before) or _AS_OF_BEFORE.search(before):
        return True
    if _REFERENCE_POINT_BEFORE.search(before) or _DEADLINE_AFTER.match(after) or _DEADLINE_BEFORE.search(before):
        return True
    if _ANNUAL_DAY_BEFORE.search(before) or (mention.kind == "year" and _CABLE_REFERENCE_AFTER.match(after)):
        return True
    if mention.kind == "last_year" and mention.text.lower().startswith("the") and _SPAN_BEFORE.search(before):
        return True  # "over the past year"
    if mention.precision == "year" and _FOR_BEFORE.search(before):
        return True  # "the plan for 2009", "for 2007 Tier 2 Watch List countries"
    if mention.kind == "year_range" and (
        not re.search(r"\b(?:in|In|during|During)\s+$", before) or _PAREN_RANGE_BEFORE.search(before)
    ):
        return True
    if _OWN_REPORT_AFTER.match(after) and mention.date.year >= sent.year:
        return True
    if mention.kind == "year" and _REFERENCE_LAW_AFTER.match(after):
        return True
    if mention.kind == "year" and _in_a_series_of_counts(mention, text):
        return True
    return mention.kind == "year" and bool(_ARTICLE_BEFORE.search(before)) and not re.match(r"^\s+of\b", after)


def is_statistic(text: str, mention: DateMention, event_type: str, trigger: Trigger | None) -> bool:
    """A sentence that states a count over a year or a range rather than a happening.

    A count of people or cases ("identified 160 victims", "there were 53 children") or a statistics cue,
    dated by a whole year or a span of months. An arrest of a number of people is a count by year, an
    operation by month or day ("In March 2009, the INP arrested twelve suspects").
    """
    if event_type in STRONG_TYPES:
        return False
    if event_type == "report_published" and trigger is not None and trigger.distance <= OWN_NOUN_REACH:
        return False  # "a 2007 IOM study reported that 1,000 children ...": the study is the event
    if mention.precision != "year" and not _is_range(text, mention):
        return False
    return bool(
        (holds_any_folded(text, _STATS_CUE_WORDS) and _STATS_CUE.search(text))
        or _COUNT.search(text)
        or (_MONEY.search(text) and _MONEY_STATS_CUE.search(text))
    )


def _is_range(text: str, mention: DateMention) -> bool:
    """Whether a mention starts or ends a span ("from April to December 2008", "between April and December")."""
    before = text[max(0, mention.start - 40) : mention.start]
    return bool(_RANGE_NEXT.match(text, mention.end) or _RANGE_PREVIOUS.search(before))


def is_plan(text: str, mention: DateMention, sent: dt.date) -> bool:
    """Something still to happen, dated only by a year (or a season) from the cable's year on, or what only
    might happen at a date not yet past ("might travel to Cuba in May 2009", "could survive this year")."""
    if is_hypothetical(text, mention, sent):
        return True
    if mention.precision != "year" or mention.date.year < sent.year:
        return False
    # "a campaign that will run for years" describes the campaign, unless it governs the date itself
    # ("a video that will be distributed in mid-2009")
    return any(
        not _RELATIVE_END.search(text[: cue.start()]) or 0 <= mention.start - cue.end() <= 40
        for cue in FUTURE.finditer(text)
    )


def is_hypothetical(text: str, mention: DateMention, sent: dt.date) -> bool:
    """A date not yet past that a modal verb just before it governs, in the same clause ("should lead the charge
    in engaging this year", "who might replace her as the candidate in 2010"): a possibility, not a happening."""
    start = {"day": sent, "month": sent.replace(day=1)}.get(mention.precision, sent.replace(month=1, day=1))
    if mention.date < start:
        return False  # "police could identify the suspects in 2008": what could be done then
    before = text[max(0, mention.start - _MODAL_REACH) : mention.start]
    if _NOUN_DATE_BEFORE.search(before):
        return False  # "might try to attend the January 25 Lebanon Conference": the conference is scheduled
    return any(not _CLAUSE_MARK.search(before[cue.end() :]) for cue in _MODAL.finditer(before))


def is_negated(clause: str, event_type: str) -> bool:
    """A clause without a trigger that says something did not happen ("The GOB did not provide data by ...").

    A clause with a trigger keeps its event: "the law, passed in 2008, has not been implemented" dates a passage,
    and "no changes since the 2007 TIP report" a report.
    """
    return event_type == "other" and holds_any_folded(clause, _NEGATED_WORDS) and bool(_NEGATED.search(clause))
