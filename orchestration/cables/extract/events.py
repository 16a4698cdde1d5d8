"""Dated happenings of a cable: one event per dated clause that reports something happening.

Policy (mimicking how the cables' events are annotated, in general terms):

- a sentence with a date expression reports an event dated by its first *primary* date. A date is not
  primary when it only ends a range ("April to December 2008") or is coordinated with an earlier one
  ("December 2007 and January 2008"), bounds what a plan covers ("the period 2006-2010"), is a comparison
  base ("compared to 2007"), a status date ("as of February 2009"), or the year of the cable's own report;
- a later primary date of the sentence gives another event when it names a law ("Law 10 of 1961"), is a
  second exact day ("on March 27, 2009, and to post on December 3, 2009"), repeats the first's verb by
  ellipsis ("moved to the Council in August 2007 and to the Assembly in November 2007"), or has a trigger
  of its own in another clause, of another kind, or as a noun it dates ("a 1997 report and a 2003 study");
- a sentence that only counts people or cases over a year or a span of months ("In 2008, IOM identified
  160 victims"), and a plan for the cable's year or later, are not events;
- the type is that of the trigger nearest to the date within its clause (see `event_types`), else `other`.

Past-dated context ("enacted in 1996", "established in 1999") is an event like any other: the cables'
annotations date background history too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from orchestration.cables.extract.event_dates import DateMention, find_dates, last_explicit_year
from orchestration.cables.extract.event_parts import find_actors, find_law
from orchestration.cables.extract.event_types import STRONG_TYPES, Trigger, nearest_trigger
from orchestration.cables.extract.records import EventFact
from orchestration.cables.extract.sentences import Sentence, split_sentences
from orchestration.cables.model import Cable, Paragraph

_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|"
    r"hundreds|thousands|no|several)"
)
_COUNT = re.compile(
    rf"\b(?:\d[\d,.]*|{_NUMBER_WORD})\s+(?:[\w-]+\s+){{0,4}}?(?:victims?|cases?|perpetrators?|offenders?|suspects?|"
    r"traffickers?|persons|people|individuals|children|women|girls|boys|men|returnees|migrants|arrests?|"
    r"convictions?|prosecutions?|investigations?|detentions?|deportees|visas|tourists|companies|workers|"
    r"civilians|foreigners|foreign\s+nationals|percent|prostitutes|revenue|incidents)\b",
    re.IGNORECASE,
)
_STATS_CUE = re.compile(
    r"\b(?:total\s+of|statistics|revenue|estimated|compared\s+(?:to|with)|increase|decrease|trend|number\s+of|"
    r"there\s+(?:were|was)\s+\d)\b",
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
    r"(?:compared\s+(?:to|with)|similar\s+to|increase\s+over|decrease\s+from|change\s+from|than|as\s+in)\s+(?:in\s+)?$",
    re.IGNORECASE,
)
_RANGE_END_BEFORE = re.compile(r"(?:\bto|\bthrough|\buntil|\band|\bor|-|–|/)\s*(?:early\s+|late\s+|mid-?)?$", re.I)
_COVER_BEFORE = re.compile(
    r"(?:\bperiod|\bcover(?:s|ing)?|\bcovered|\bfor\s+the\s+years?|\bduring\s+the\s+period)\s*"
    r"(?:of\s+|from\s+)?$",
    re.IGNORECASE,
)
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
_PAREN_RANGE_BEFORE = re.compile(r"\(\s*$")
_AS_OF_BEFORE = re.compile(r"\b(?:as\s+of|by)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|expects?|expected|plans?\s+to|planning|intends?\s+to|would|hopes?\s+to|next\s+year|"
    r"is\s+scheduled|are\s+scheduled|to\s+be\s+(?:completed|finalized|held|approved))\b",
    re.IGNORECASE,
)
_RELATIVE_END = re.compile(r"\b(?:that|which|who)\s+$", re.IGNORECASE)
_PAST_BETWEEN = re.compile(r"\b(?:it|he|she|they|we|who|which|that)\s+(?:had\s+)?\w+|[;.]", re.IGNORECASE)
_OWN_REPORT_AFTER = re.compile(r"^\s*(?:TIP|Trafficking\s+in\s+Persons)\s+(?:\(TIP\)\s+)?Report\b", re.IGNORECASE)
_REFERENCE_LAW_AFTER = re.compile(r"^\s+law\b")  # "a general 1996 law": the law referred to, not its enactment
_ARTICLE_BEFORE = re.compile(r"(?:\bno\.?|\bnumber|\bNo\.?)\s*$")
_NO_SPLIT = re.compile(r"\b(?:no|nos|art|arts)\.$", re.IGNORECASE)
_LAW_WORD = r"(?:Law|law|Decree|decree|Act|Code|Sub-[Dd]ecree|Resolution|Ordinance|Prakas)"
# a year that names a law: "Decree 81 of 2006", "Law 10 (1961)", "law number 126 of 2008", "The Labor Code of 1949"
_DESIGNATION_BEFORE = re.compile(rf"\b{_LAW_WORD}(?:\s+(?:no\.?|number|No\.?))?\s*\d*\s*(?:of\s+|\(\s*)$")
# "the 2004 Naturalization and Immigration Law", "a 1961 anti-prostitution law", "The March 2007 Organic Law"
_DESIGNATION_AFTER = re.compile(
    rf"^\s+(?:(?:[A-Z][\w'’-]*\s+|(?:anti|counter)-[\w-]+\s+|and\s+){{1,6}}{_LAW_WORD}|"
    rf"(?:Law|Decree|Act|Code|Sub-[Dd]ecree)\s+(?:on|of|for|against|to|No|no|number|\d))\b"
)
_BARE_ENACT = re.compile(r"\b(?:passed|enacted|promulgated|amended|revised|adopted|issued)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|while|but|whereas|however|although|though|which|who)\b|\s+--\s+", re.IGNORECASE
)

_OWN_NOUN_REACH = 15  # how near a noun must be to the date it carries ("a 2003 study")
_LIST_ITEM_WORDS = 4  # the longest list item before a list-closing ", and"
# a second date in a clause that repeats the first's verb by ellipsis: "... in August 2007 and to the Assembly in"
_GAPPED_BEFORE = re.compile(r"^\s+and\s+(?:to|into|in|on|by|with|from)\s+[^,;]{0,60}?\b(?:in|on)\s+$")
_ELIDED_SUBJECT = re.compile(r"\s*(?:was|were|is|are|has|have|had|later|then|subsequently|also|[a-z]+ed)\b")


def extract_events(cable: Cable) -> list[EventFact]:
    """Dated events of a cable, in text order."""
    sent = cable.sent_at.date()
    events: list[EventFact] = []
    for paragraph in cable.paragraphs:
        context_year: int | None = None
        for sentence in _sentences(paragraph):
            mentions = find_dates(sentence.text, sent, context_year, _future_test(sentence.text))
            for mention, event_type in _events_of(sentence.text, mentions, sent):
                events.append(_fact(cable, paragraph, sentence, mention, event_type))
            context_year = last_explicit_year(sentence.text) or context_year
    return events


def _future_test(text: str) -> Callable[[int], bool]:
    """Whether a date at an offset is governed by a future cue just before it ("will meet in April")."""
    cues = [match.end() for match in _FUTURE.finditer(text)]

    def is_future(offset: int) -> bool:
        for cue in cues:
            between = text[cue:offset]
            if 0 <= offset - cue <= 40 and not _PAST_BETWEEN.search(between):
                return True
        return False

    return is_future


def _sentences(paragraph: Paragraph) -> list[Sentence]:
    """The splitter's sentences, rejoining those cut after "no." ("law no. 12 of 1996")."""
    merged: list[Sentence] = []
    for sentence in split_sentences(paragraph):
        if merged and _NO_SPLIT.search(merged[-1].text):
            previous = merged.pop()
            sentence = Sentence(paragraph.text[previous.start : sentence.end], previous.start, sentence.end)
        merged.append(sentence)
    return merged


def _is_designation(text: str, mention: DateMention) -> bool:
    """A date that is part of a law's name or citation ("Decree 81 of 2006", "the 2004 Immigration Law")."""
    before = text[max(0, mention.start - 40) : mention.start]
    after = text[mention.end : mention.end + 80]
    if mention.precision == "day":
        return False
    return bool(_DESIGNATION_BEFORE.search(before) or _DESIGNATION_AFTER.match(after))


def _primary(text: str, mentions: list[DateMention], sent: dt.date) -> list[DateMention]:
    """Mentions that can date an event of the sentence."""
    primary: list[DateMention] = []
    previous_end = None
    for mention in mentions:
        before = text[max(0, mention.start - 40) : mention.start]
        after = text[mention.end : mention.end + 40]
        adjacent = previous_end is not None and mention.start - previous_end <= 12
        previous_end = mention.end
        if adjacent and _RANGE_END_BEFORE.search(before):
            continue
        if mention.date > sent + dt.timedelta(days=400):
            continue
        if _is_designation(text, mention):
            primary.append(mention)
            continue
        if _COVER_BEFORE.search(before) or _COMPARISON_BEFORE.search(before) or _AS_OF_BEFORE.search(before):
            continue
        if mention.precision == "year" and _FOR_BEFORE.search(before):
            continue  # "the plan for 2009", "for 2007 Tier 2 Watch List countries"
        if mention.kind == "year_range" and not re.search(r"\b(?:in|In|during|During)\s+$", before):
            continue
        if mention.kind == "year_range" and _PAREN_RANGE_BEFORE.search(before):
            continue
        if _OWN_REPORT_AFTER.match(after) and mention.date.year >= sent.year:
            continue
        if mention.kind == "year" and _REFERENCE_LAW_AFTER.match(after):
            continue
        if mention.kind == "year" and _ARTICLE_BEFORE.search(before) and not re.match(r"^\s+of\b", after):
            continue
        primary.append(mention)
    return primary


def _type_of(text: str, mention: DateMention) -> tuple[str, Trigger | None]:
    """Event type of a mention and the trigger of its own clause that gave it (None: the sentence's or none)."""
    if _is_designation(text, mention):
        return "law_enacted", Trigger("law_enacted", 0, mention.start)
    clause_start, clause_end = _clause(text, mention)
    clause = text[clause_start:clause_end]
    trigger = nearest_trigger(clause, mention.start - clause_start, mention.end - clause_start)
    if trigger is None and _BARE_ENACT.search(clause) and find_law(text):
        return "law_enacted", Trigger("law_enacted", 0, mention.start)
    if trigger is not None:
        return trigger.event_type, Trigger(trigger.event_type, trigger.distance, trigger.start + clause_start)
    return "other", None


def _events_of(text: str, mentions: list[DateMention], sent: dt.date) -> list[tuple[DateMention, str]]:
    """(date, type) of each event a sentence reports."""
    primary = _primary(text, mentions, sent)
    if not primary:
        return []
    first = primary[0]
    first_type, first_trigger = _type_of(text, first)
    if _is_statistic(text, first, first_type, first_trigger) or _is_plan(text, first, sent):
        return []
    results: list[tuple[DateMention, str]] = [(first, first_type)]
    triggers = {first_trigger.start} if first_trigger else set()
    for mention in primary[1:]:
        if any(mention.date == seen.date for seen, _ in results):
            continue
        event_type, trigger = _type_of(text, mention)
        if _is_designation(text, mention):
            if first_type == "law_enacted":
                results.append((mention, event_type))
            continue
        if mention.precision == "day" and first.precision == "day":
            results.append((mention, event_type))  # "on March 27, 2009, and to post on December 3, 2009"
            continue
        if trigger is None or _is_statistic(text, mention, event_type, trigger):
            continue
        if first_type != "other" and _GAPPED_BEFORE.search(text[results[-1][0].end : mention.start]):
            results.append((mention, results[-1][1]))  # "had moved to the Council in August and to the Assembly in May"
            continue
        separate = _clause(text, mention) != _clause(text, first)
        # its own happening: another clause, another kind, or a noun of its own ("a 1997 report and a 2003 study")
        own_noun = trigger.distance <= _OWN_NOUN_REACH and trigger.start not in triggers
        if separate or event_type not in (first_type, "other") or own_noun:
            results.append((mention, event_type))
            triggers.add(trigger.start)
    return results


def _clause(text: str, mention: DateMention) -> tuple[int, int]:
    """Span of the clause around a mention: bounded by semicolons and by ", and" / ", which" joins.

    The ", and" that closes a list ("the UNHCR, IOM, UNICEF, and the SARC formed") joins no clauses, and a
    clause whose subject is elided (", and was updated in 2008") keeps the clause before it, which has it.
    """
    start, end = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if _closes_list(text, match):
            continue
        if match.end() <= mention.start:
            if _ELIDED_SUBJECT.match(text, match.end()) and match.group().strip(" ,").lower() == "and":
                continue
            start = match.end()
        elif match.start() >= mention.end:
            end = match.start()
            break
    return start, end


def _closes_list(text: str, match: re.Match[str]) -> bool:
    """Whether a ", and" ends a list: the item before it is short and itself follows a comma."""
    if match.group().strip(" ,").lower() != "and":
        return False
    comma = text.rfind(",", 0, match.start())
    return comma >= 0 and len(text[comma + 1 : match.start()].split()) <= _LIST_ITEM_WORDS


def _is_statistic(text: str, mention: DateMention, event_type: str, trigger: Trigger | None) -> bool:
    """A sentence that states a count over a year or a range rather than a happening.

    A count of people or cases ("identified 160 victims", "there were 53 children") or a statistics cue,
    dated by a whole year or a span of months.
    """
    if event_type in STRONG_TYPES:
        return False
    if event_type == "report_published" and trigger is not None and trigger.distance <= _OWN_NOUN_REACH:
        return False  # "a 2007 IOM study reported that 1,000 children ...": the study is the event
    if event_type == "arrest" and _COUNT.search(text):
        return True
    if mention.precision != "year" and not _is_range(text, mention):
        return False
    return bool(_STATS_CUE.search(text) or _COUNT.search(text))


def _is_range(text: str, mention: DateMention) -> bool:
    """Whether a mention starts or ends a span ("from April to December 2008", "between April and December")."""
    before = text[max(0, mention.start - 40) : mention.start]
    return bool(_RANGE_NEXT.match(text, mention.end) or _RANGE_PREVIOUS.search(before))


def _is_plan(text: str, mention: DateMention, sent: dt.date) -> bool:
    """Something still to happen, dated only by a year (or a season) from the cable's year on."""
    if mention.precision != "year" or mention.date.year < sent.year:
        return False
    # "a campaign that will run for years" describes the campaign, unless it governs the date itself
    # ("a video that will be distributed in mid-2009")
    return any(
        not _RELATIVE_END.search(text[: cue.start()]) or 0 <= mention.start - cue.end() <= 40
        for cue in _FUTURE.finditer(text)
    )


def _fact(cable: Cable, paragraph: Paragraph, sentence: Sentence, mention: DateMention, event_type: str) -> EventFact:
    """The event record: the sentence as quote, its raw-text span, its actors and law."""
    try:
        char_start, char_end = paragraph.raw_span(sentence.start, sentence.end)
    except (ValueError, IndexError):
        char_start, char_end = paragraph.char_start, paragraph.char_end
    law = find_law(sentence.text)
    actors = [actor for actor in find_actors(sentence.text) if not (law and actor in law)]
    return EventFact(
        cable_id=cable.cable_id,
        section=paragraph.section,
        paragraph_ordinal=paragraph.ordinal,
        event_date=mention.date,
        date_precision=mention.precision,
        event_type=event_type,
        actors=actors,
        law=law,
        quote=sentence.text,
        char_start=char_start,
        char_end=char_end,
    )
