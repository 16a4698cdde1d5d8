"""Dated happenings of a cable: one event per dated clause that reports something happening.

Policy (mimicking how the cables' events are annotated, in general terms):

- a sentence with a date expression reports an event dated by its first *primary* date (see `event_filters`
  for the dates that bound, compare, cite or observe rather than date a happening);
- a later primary date of the sentence gives another event when it names a law ("Law 10 of 1961"), is a
  second exact day ("on March 27, 2009, and to post on December 3, 2009"), repeats the first's verb by
  ellipsis ("moved to the Council in August 2007 and to the Assembly in November 2007"), or has a trigger
  of its own in another clause, of another kind, or as a noun it dates ("a 1997 report and a 2003 study");
- a sentence that only counts people or cases over a year or a span of months, a plan for the cable's year
  or later, and a clause saying something did not happen are not events;
- the type is that of the trigger nearest to the date within its clause (see `event_types`), else `other`.

A one-off event (a law enacted or drafted, a body established, an agreement signed) names what it is about
(`subject`, and `law` for a law), so that its dates are only compared with the same thing's. Past-dated
context ("enacted in 1996", "established in 1999") is an event like any other: the annotations date history too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from orchestration.cables.extract import event_filters as filters
from orchestration.cables.extract.event_dates import DateMention, find_dates, last_explicit_year
from orchestration.cables.extract.event_parts import find_actors, find_law, find_subject, subject_key
from orchestration.cables.extract.event_types import Trigger, nearest_trigger
from orchestration.cables.extract.law_finders import CableContext, legal_sentences
from orchestration.cables.extract.law_resolver import LawResolver
from orchestration.cables.extract.records import EventFact
from orchestration.cables.extract.sentences import Sentence
from orchestration.cables.extract.text_scan import holds_any_folded, required_words, trie_pattern
from orchestration.cables.extract.topic import cable_topic
from orchestration.cables.model import Cable, Paragraph

_BARE_ENACT = re.compile(r"\b(?:passed|enacted|promulgated|amended|revised|adopted|issued)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|while|but|whereas|however|although|though|which|who)\b|\s+--\s+", re.IGNORECASE
)
_PAST_BETWEEN = re.compile(r"\b(?:it|he|she|they|we|who|which|that)\s+(?:had\s+)?\w+|[;.]", re.IGNORECASE)
# a cheap test before dates are looked for: a sentence without a digit or a month or "year" dates nothing. The words
# and the ASCII digits as one prefix tree of literals, which the engine skips through to the characters they begin with
# (a pattern opening on a look-ahead or on "\d" is tried at every place); a digit of another script only in a text
# that is not ASCII
_DATE_WORDS = (
    *("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"),
    *("December", "year", "week", "month", "Spring", "spring", "Summer", "summer", "Fall", "fall", "Autumn", "autumn"),
    *("Winter", "winter"),
)
_DATE_WORD_OR_DIGIT = re.compile(trie_pattern((*_DATE_WORDS, *"0123456789")))
_DIGIT = re.compile(r"\d")


def _may_hold_a_date(text: str) -> bool:
    """Whether a sentence holds a digit (of any script), a month's name, "year", "week", "month" or a season."""
    return _DATE_WORD_OR_DIGIT.search(text) is not None or (not text.isascii() and _DIGIT.search(text) is not None)


_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who)\s*$", re.IGNORECASE)
_FUTURE_WORDS = required_words(filters.FUTURE)  # the cheap test before the future cues are looked for
_ANTECEDENT_REACH = 60  # how far back a relative clause's noun is looked for
_FUTURE_REACH = 120  # how far after "will", "intends to" a date is still governed by it
_LIST_ITEM_WORDS = 4  # the longest list item before a list-closing ", and"
# a second date in a clause that repeats the first's verb by ellipsis: "... in August 2007 and to the Assembly in"
_GAPPED_BEFORE = re.compile(r"^\s+and\s+(?:to|into|in|on|by|with|from)\s+[^,;]{0,60}?\b(?:in|on)\s+$")
_ELIDED_SUBJECT = re.compile(r"\s*(?:was|were|is|are|has|have|had|later|then|subsequently|also|[a-z]+ed)\b")


def extract_events(cable: Cable) -> list[EventFact]:
    """Dated events of a cable, in text order."""
    sent = cable.sent_at.date()
    topic = cable_topic(cable)
    laws = CableContext(LawResolver(cable))
    acronyms = {entry.acronym: entry.expansion for entry in cable.glossary}
    events: list[EventFact] = []
    for paragraph in cable.paragraphs:
        context_year: int | None = None
        tip_context = topic.of(paragraph)
        for sentence in legal_sentences(paragraph):
            if not _may_hold_a_date(sentence.text) or filters.is_header(sentence.text):
                continue
            mentions = find_dates(sentence.text, sent, context_year, _future_test(sentence.text))
            for mention, event_type, trigger in _events_of(sentence.text, mentions, sent):
                fact = _fact(cable, paragraph, sentence, mention, event_type)
                fact.law, fact.subject = find_subject(sentence.text, event_type, mention, trigger, laws)
                fact.subject_key = subject_key(fact.subject, acronyms)
                fact.actors = [actor for actor in fact.actors if not (fact.law and actor in fact.law)]
                fact.tip_context = tip_context
                events.append(fact)
            context_year = last_explicit_year(sentence.text) or context_year
    return events


def _future_test(text: str) -> Callable[[int], bool]:
    """Whether a date at an offset is governed by a future cue just before it ("will meet in April")."""
    cues: list[int] | None = None  # found at the first date asked about: most sentences hold none

    def is_future(offset: int) -> bool:
        nonlocal cues
        if cues is None:
            may_hold = holds_any_folded(text, _FUTURE_WORDS)
            cues = [match.end() for match in filters.FUTURE.finditer(text)] if may_hold else []
        return any(0 <= offset - cue <= _FUTURE_REACH and not _PAST_BETWEEN.search(text[cue:offset]) for cue in cues)

    return is_future


def _type_of(text: str, mention: DateMention) -> tuple[str, Trigger | None]:
    """Event type of a mention and the trigger of its own clause that gave it (None: the sentence's or none)."""
    if filters.is_designation(text, mention):
        return "law_enacted", Trigger("law_enacted", 0, mention.start, mention.end)
    clause_start, clause_end = _clause(text, mention)
    relative = _RELATIVE_BEFORE.search(text, 0, clause_start)
    if relative:
        # "the Bill, which was drafted in 2007": the relative clause speaks of the noun before it
        clause_start = max(text.rfind(",", 0, relative.start()) + 1, relative.start() - _ANTECEDENT_REACH, 0)
    clause = text[clause_start:clause_end]
    trigger = nearest_trigger(clause, mention.start - clause_start, mention.end - clause_start)
    if trigger is None and _BARE_ENACT.search(clause) and find_law(text):
        return "law_enacted", Trigger("law_enacted", 0, mention.start, mention.end)
    if trigger is not None:
        start, end = trigger.start + clause_start, trigger.end + clause_start
        return trigger.event_type, Trigger(trigger.event_type, trigger.distance, start, end)
    return "other", None


def _events_of(text: str, mentions: list[DateMention], sent: dt.date) -> list[tuple[DateMention, str, Trigger | None]]:
    """(date, type, trigger) of each event a sentence reports."""
    primary = filters.primary_dates(text, mentions, sent)
    if not primary:
        return []
    first = primary[0]
    first_type, first_trigger = _type_of(text, first)
    if filters.is_statistic(text, first, first_type, first_trigger) or filters.is_plan(text, first, sent):
        return []
    if filters.is_negated(text[slice(*_clause(text, first))], first_type):
        return []
    results: list[tuple[DateMention, str, Trigger | None]] = [(first, first_type, first_trigger)]
    triggers = {first_trigger.start} if first_trigger else set()
    for mention in primary[1:]:
        if any(mention.date == seen.date for seen, _, _ in results):
            continue
        event_type, trigger = _type_of(text, mention)
        if filters.is_designation(text, mention):
            # "Law 10 of 1961 and Decree 29 of 1970": each law its year; "On January 9, 2008, Bahrain enacted law
            # number 1 of 2008": the year repeats the enactment already dated
            if first_type == "law_enacted" and all(seen.date.year != mention.date.year for seen, _, _ in results):
                results.append((mention, event_type, trigger))
            continue
        if mention.precision == "day" and first.precision == "day":
            results.append((mention, event_type, trigger))  # "on March 27, 2009, and to post on December 3, 2009"
            continue
        if trigger is None or filters.is_statistic(text, mention, event_type, trigger):
            continue
        if first_type != "other" and _GAPPED_BEFORE.search(text[results[-1][0].end : mention.start]):
            results.append((mention, results[-1][1], results[-1][2]))  # "moved to the Council in August and to ..."
            continue
        separate = _clause(text, mention) != _clause(text, first)
        # its own happening: another clause, another kind, or a noun of its own ("a 1997 report and a 2003 study")
        own_noun = trigger.distance <= filters.OWN_NOUN_REACH and trigger.start not in triggers
        if separate or event_type not in (first_type, "other") or own_noun:
            results.append((mention, event_type, trigger))
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


def _fact(cable: Cable, paragraph: Paragraph, sentence: Sentence, mention: DateMention, event_type: str) -> EventFact:
    """The event record: the sentence as quote, its raw-text span and its actors."""
    try:
        char_start, char_end = paragraph.raw_span(sentence.start, sentence.end)
    except (ValueError, IndexError):
        char_start, char_end = paragraph.char_start, paragraph.char_end
    return EventFact(
        cable_id=cable.cable_id,
        section=paragraph.section,
        paragraph_ordinal=paragraph.ordinal,
        event_date=mention.date,
        date_precision=mention.precision,
        event_type=event_type,
        actors=find_actors(sentence.text),
        law=None,
        quote=sentence.text,
        char_start=char_start,
        char_end=char_end,
    )
