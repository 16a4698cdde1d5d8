"""Numeric statistics of a cable: value, measure, unit, source, period, breakdown and totals.

Each figure (digits or words) of each sentence is kept when it counts something (metric_candidates), classified
by the grammar around it (metric_measure, metric_money), given the period (metric_periods) and the institution
(metric_sources) it belongs to, and linked to the total it is a part of (metric_parts).
"""

from __future__ import annotations

import csv
import datetime as dt
import re

from orchestration.cables.extract.currencies import named_territories, territory_currencies
from orchestration.cables.extract.metric_breakdown import breakdown_of, host_demonym, phrase_of
from orchestration.cables.extract.metric_candidates import Candidate, skip_reason
from orchestration.cables.extract.metric_measure import classify, unit_of
from orchestration.cables.extract.metric_money import MoneyReader, distribute_ranges
from orchestration.cables.extract.metric_org_mentions import SourceFinder
from orchestration.cables.extract.metric_parts import link_parents
from orchestration.cables.extract.metric_periods import Period, PeriodCarry, find_periods
from orchestration.cables.extract.metric_sources import SourceCarry
from orchestration.cables.extract.metric_tables import date_columns, link_totals, table_cells, tabulate
from orchestration.cables.extract.numbers import NumberMatch, find_numbers
from orchestration.cables.extract.organizations import extract_organizations
from orchestration.cables.extract.records import MetricFact, OrganizationMention
from orchestration.cables.extract.reference import MEASURES_CSV
from orchestration.cables.extract.sentences import Sentence, split_sentences
from orchestration.cables.extract.topic import cable_topic, names_trafficking
from orchestration.cables.model import Cable, Paragraph


def load_measures() -> dict[str, str]:
    """Measure name -> unit of the shipped vocabulary."""
    with MEASURES_CSV.open(newline="", encoding="utf-8") as f:
        return {row["measure"]: row["unit"] for row in csv.DictReader(f)}


# Victims of what? Outside a passage about trafficking in persons, "three service chiefs ... assisted" or "the return
# of 873 soldiers" count no trafficking victims: such a figure is kept, but as a plain count. Arrests, prosecutions
# and convictions keep their measure everywhere (an arrest is an arrest, whatever the offence the cable is about);
# their tip_context says whether the offence is trafficking in persons, and only those are compared across cables.
_OUTSIDE_TIP = "other"


def extract_metrics(cable: Cable, organizations: list[OrganizationMention] | None = None) -> list[MetricFact]:
    """All numeric statistics of a cable, in text order (pass the cable's organization mentions
    when they are already extracted)."""
    named = named_territories([cable.subject or ""] + [p.text for p in cable.paragraphs])
    country = max(named, key=named.get) if named else None  # the country the cable names most
    reporting = (cable.reporting_period_start, cable.reporting_period_end)
    money = _money_reader(cable, country, named)
    # first the figures of each paragraph, which need no institution: many cables of the release hold none
    readings = [_paragraph_figures(cable, paragraph, reporting, money) for paragraph in cable.paragraphs]
    last = max((i for i, (_, figures) in enumerate(readings) if figures), default=-1)
    if last < 0:
        return []
    host = host_demonym(cable, country)
    organizations = extract_organizations(cable) if organizations is None else organizations
    finder = SourceFinder(cable, organizations, host)
    topic = cable_topic(cable)
    # then, in text order, their periods, sources and parts; what a paragraph after the last with figures names, no
    # figure can point back to
    candidates: list[Candidate] = []
    for sentences, figures in readings[: last + 1]:
        if figures:
            _date_and_attribute(cable, sentences, figures, finder, host, reporting)
            candidates.extend(figures)
        else:
            for sentence, _, _ in sentences:
                finder.remember(sentence.text)  # no figure here, but an institution "the court" may point back to
    facts = []
    for i, c in enumerate(candidates):
        c.index = i
    for c in candidates:
        start, end = c.sentence_start + c.number.start, c.sentence_start + c.number.end
        raw_start, raw_end = c.paragraph.raw_span(start, end)
        period = c.period
        tip = topic.of(c.paragraph)
        # in a cable about something else, a victims figure needs its own sentence to name trafficking: a
        # scene-setter's paragraph may pass from a TIP line to refugees, soldiers or "slave-like" labour
        victims_here = (
            c.measure.startswith("victims_") and tip and (topic.cable_is_tip or names_trafficking(c.sentence_text))
        )
        facts.append(
            MetricFact(
                cable_id=cable.cable_id,
                section=c.paragraph.section,
                paragraph_ordinal=c.paragraph.ordinal,
                value=round(c.number.value, 2),
                value_text=c.number.text,
                measure=c.measure if victims_here or not c.measure.startswith("victims_") else _OUTSIDE_TIP,
                unit=c.unit,
                source_org=c.source,
                period_start=period.period_start if period else None,
                period_end=period.period_end if period else None,
                breakdown=c.breakdown,
                is_cumulative=c.cumulative,
                parent_index=c.parent.index if c.parent is not None else None,
                quote=c.sentence_text,
                char_start=raw_start,
                char_end=raw_end,
                tip_context=tip,
            )
        )
    return facts


def _money_reader(cable: Cable, country: str | None, named: dict[str, int]) -> MoneyReader:
    """The money reader of a cable: its country's currency and those of the others it names."""
    day = cable.sent_at.date()
    return MoneyReader(territory_currencies(country, day), {c for t in named for c in territory_currencies(t, day)})


_MIN_TABLE_CELLS = 3
# a classification mark opening a sentence starts a new paragraph the parser kept in the one before
# ("(SBU) On February 22, ..."), or a lettered answer on a line of its own ("--A. (SBU)The government opened ...")
_SUB_PARAGRAPH = re.compile(r"\s*(?:-{1,2}[A-Z]\.\s*)?\((?:U|C|S|SBU|S//NF|C//NF|S/NF|C/NF|U//FOUO)\)(?:\s|(?=[A-Z]))")


_Sentences = list[tuple[Sentence, list[Period] | None, list[Candidate]]]


def _paragraph_figures(
    cable: Cable, paragraph: Paragraph, reporting: tuple[dt.date | None, dt.date | None], money: MoneyReader
) -> tuple[_Sentences, list[Candidate]]:
    """The sentences of a paragraph with their periods and figures, and all its figures, classified."""
    out: list[Candidate] = []
    sentences = []
    for sentence in split_sentences(paragraph):
        numbers = find_numbers(sentence.text)
        # a sentence without figures holds no statistic: its periods matter only to the figures of the paragraph's
        # other sentences (a date ends the one carried), and are read with them if there are any
        periods = find_periods(sentence.text, cable.sent_at, reporting) if numbers else None
        candidates = _sentence_candidates(paragraph, sentence, numbers, periods, out, money) if numbers else []
        sentences.append((sentence, periods, candidates))
        out.extend(candidates)
    return sentences, out


def _date_and_attribute(
    cable: Cable,
    sentences: _Sentences,
    out: list[Candidate],
    finder: SourceFinder,
    host: str | None,
    reporting: tuple[dt.date | None, dt.date | None],
) -> None:
    """The period, source, breakdown and total of each figure of a paragraph, sentence by sentence, with the period
    and source carried between sentences."""
    periods_carried, sources_carried = PeriodCarry(cable.sent_at.date()), SourceCarry(finder)
    for sentence, periods, candidates in sentences:
        text = sentence.text
        if periods is None:
            periods = find_periods(text, cable.sent_at, reporting)
        if _SUB_PARAGRAPH.match(text):
            # "(SBU) On February 22, 2010, seven Cuban doctors ...": a paragraph of its own inside this one
            periods_carried, sources_carried = PeriodCarry(cable.sent_at.date()), SourceCarry(finder)
        # "2000 for third" (prize money) is an amount, not the year 2000
        amounts = [c.number for c in candidates if c.measure == "money"]
        periods = [p for p in periods if not any(a.start <= p.start < a.end for a in amounts)]
        periods_carried.date(candidates, periods, text)
        sources_carried.attribute(candidates, text)
        for c in candidates:
            c.breakdown = breakdown_of(phrase_of(text, c), host)
            c.unit = unit_of(c)
        date_columns(candidates)
        link_parents(candidates, text, out)
        link_totals(candidates)


def _sentence_candidates(
    paragraph: Paragraph,
    sentence: Sentence,
    numbers: list[NumberMatch],
    periods: list[Period],
    earlier: list[Candidate],
    money: MoneyReader,
) -> list[Candidate]:
    """The figures (`numbers`) of a sentence that are statistics, classified."""
    text = sentence.text
    # a table has at least three rows: the cheap test first
    cells = {cell.start: cell for cell in table_cells(text)} if len(numbers) >= _MIN_TABLE_CELLS else {}
    kept: list[NumberMatch] = []
    skipped: NumberMatch | None = None
    for n in numbers:
        reason = None if n.start in cells else skip_reason(text, n, periods, skipped, money)
        if reason:
            skipped = n if reason == "chain" else None
        else:
            kept.append(n)
            skipped = None
    candidates: list[Candidate] = []
    pending: Candidate | None = None  # a figure counting nothing by itself: perhaps the first end of a pair
    for n in kept:
        c = Candidate(n, paragraph, text, sentence.start)
        if n.start in cells:
            tabulate(c, cells[n.start])
        else:
            classify(c, text, candidates, earlier, money)
        if (
            c.basis != "none"
            and pending is not None
            and _PAIR_BETWEEN.fullmatch(text[pending.number.end : n.start])
            and not _TIMES.match(text, n.end)  # "two to three times market rates": a ratio
        ):
            # "about 100 to 200 kilos", "Five or six crime families": the first end counts what the second does
            pending.measure, pending.noun, pending.basis = c.measure, c.noun, "inherit"
            candidates.append(pending)
        pending = c if c.basis == "none" else None
        if c.basis != "none":
            candidates.append(c)
    distribute_ranges(candidates, text)
    return candidates


# what joins the two ends of a range or of alternatives
_PAIR_BETWEEN = re.compile(r"\s*(?:-|–|to|or)\s*")
_TIMES = re.compile(r"\s+times\b")
