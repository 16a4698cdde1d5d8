"""Plain-text tables (failure kind 4 of issue 8): each cell a figure, its column saying what it counts or which
year, its row label whom. No cable of the repository holds a table, so these tests lay out tables the way TIP
cables do (rows of provinces or measures under a header) inside a one-paragraph cable."""

from __future__ import annotations

import datetime as dt

from orchestration.cables.extract.metrics import extract_metrics
from tests.conftest import cable, sentence_cable


def _facts(text: str):
    tip = sentence_cable(text, origin="Embassy Bangkok", sent=dt.datetime(2008, 2, 20))
    tip.tags = ["KTIP"]
    return extract_metrics(tip, [])


def test_rows_of_provinces_give_a_figure_per_cell_with_the_row_as_breakdown_and_the_total_as_parent():
    facts = _facts(
        "The following table shows the number of victims identified by province in 2007: "
        "Province Victims Percent Bangkok 120 35% Chiang Mai 80 23% Songkhla 143 42% Total 343 100%"
    )
    counts = [f for f in facts if f.measure == "victims_identified"]
    shares = [f for f in facts if f.measure == "share"]
    assert [(f.value, f.breakdown) for f in counts] == [
        (120, ["Bangkok"]),
        (80, ["Chiang Mai"]),
        (143, ["Songkhla"]),
        (343, []),
    ]
    assert [f.value for f in shares] == [35, 23, 42, 100]
    total = counts[-1]
    assert all(facts[f.parent_index] is total for f in counts[:-1])
    assert all(f.period_start == dt.date(2007, 1, 1) for f in facts)


def test_columns_of_years_date_each_cell_and_rows_name_the_measure():
    facts = _facts(
        "The MOI provided the following statistics: Year 2006 2007 2008 Investigations 12 15 20 "
        "Prosecutions 8 10 12 Convictions 3 5 7"
    )
    assert [(f.value, f.measure, f.period_start.year) for f in facts] == [
        (12, "investigations", 2006),
        (15, "investigations", 2007),
        (20, "investigations", 2008),
        (8, "prosecutions", 2006),
        (10, "prosecutions", 2007),
        (12, "prosecutions", 2008),
        (3, "convictions", 2006),
        (5, "convictions", 2007),
        (7, "convictions", 2008),
    ]
    assert {f.source_org for f in facts} == {"MOI"}


def test_a_list_of_labelled_counts_takes_the_measure_of_its_introduction():
    facts = _facts("Victims rescued in 2007 came from: -- Laos: 45 -- Burma: 30 -- Cambodia: 12")
    assert [(f.value, f.measure, f.breakdown) for f in facts] == [
        (45, "victims_rescued", ["Laos"]),
        (30, "victims_rescued", ["Burma"]),
        (12, "victims_rescued", ["Cambodia"]),
    ]


def test_prose_and_reference_lists_are_no_tables():
    # 09ANKARA273: "The source countries were: Uzbekistan (30), Turkmenistan (25), Moldova (22), ..." keeps its
    # measure from the total it lists, and each country names its part
    listed = [f for f in extract_metrics(cable("09ANKARA273")) if f.quote.startswith("The source countries were")]
    assert {f.measure for f in listed} == {"victims_rescued"}
    assert listed[0].breakdown == ["Uzbekistan"]
    assert not _facts("REFS: A) ABU DHABI 199 B) ABU DHABI 170 C) ABU DHABI 120")
