"""Each kind of statistical problem, planted in a fixture warehouse, is flagged; clean data is not."""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import pandas as pd
import pytest

from expectations import fct_event, fct_metric
from orchestration.quality.findings import evaluate_suite
from tests.quality_fixtures import Event, FixtureCable, Metric, build_fixture_warehouse

Y2006 = ("2006-01-01", "2006-12-31")
ARRESTS_1996 = "From 1996-1999, the government arrested 342 offenders."
CAPITAL_FIVE = "The Capital Court convicted five foreigners in 2006."
CAPITAL_FOUR = "The Capital Court convicted four foreigners in 2006."
POLICE_YEAR = "Police Y arrested 10 suspects in 2006."
POLICE_MARCH = "In March 2006 Police Y arrested 15 suspects."
EXCEED = "The ministry reported 10 cases, of which six were sex trafficking and seven labor trafficking."
SHORT = "The ministry reported 21 cases, of which nine involved adults and ten involved children."
CAVEAT = "It should be noted that the statistics below may overlap."
CITY_COURT = "The City Court convicted 14 traffickers in 2006."
SHELTER = "The NGO Shelter reported convictions of 21 traffickers in 2006."
TO_DATE_2007 = "Police Z reported 100 arrests to date."
TO_DATE_2009 = "Police Z reported 80 arrests to date."
LAW_DAY = "The Trafficking Law was promulgated on February 15, 2006."
LAW_MONTH = "The Trafficking Law was promulgated in March 2006."
# facts no extractor should produce: each breaks one validity rule and is set aside
WRONG_SPAN = "Police Q arrested 12 suspects."
NEGATIVE = "Police Q reported minus three raids."
SANDWICH = "The canteen served 40 sandwiches."
LATER = "In 2010 Police Q arrested 30 suspects."
BUDGET = "The 2010 budget will fund 50 inspectors."
EVENT_ELSEWHERE = "The Task Force was established on 1 May 2008."


def _problem_cables() -> list[FixtureCable]:
    first = FixtureCable(
        cable_id="07FIXTURE1",
        header_date="Mon Mar 05 00:00:00 +0100 2007",
        dtg="050115Z MAR 07",
        paragraphs={
            "3A": [ARRESTS_1996, TO_DATE_2007],
            "3B": [CAPITAL_FIVE, POLICE_YEAR, POLICE_MARCH],
            "3C": [EXCEED, SHORT],
            "3E": [CAVEAT, CITY_COURT, SHELTER],
            "3F": [CAPITAL_FOUR, LAW_DAY],
        },
        metrics=[
            Metric("3A", ARRESTS_1996, "342", 342, "arrests", "government", ("1996-01-01", "1999-12-31")),
            Metric("3A", TO_DATE_2007, "100", 100, "arrests", "Police Z", cumulative=True),
            Metric("3B", CAPITAL_FIVE, "five", 5, "convictions", "Capital Court", Y2006, ["foreign_nationals"]),
            Metric("3B", POLICE_YEAR, "10", 10, "arrests", "Police Y", Y2006),
            Metric("3B", POLICE_MARCH, "15", 15, "arrests", "Police Y", ("2006-03-01", "2006-03-31")),
            Metric("3C", EXCEED, "10", 10, "cases", "ministry", Y2006),
            Metric("3C", EXCEED, "six", 6, "cases", "ministry", Y2006, ["sex_trafficking"], parent=5),
            Metric("3C", EXCEED, "seven", 7, "cases", "ministry", Y2006, ["labor_trafficking"], parent=5),
            Metric("3C", SHORT, "21", 21, "cases", "ministry", Y2006),
            Metric("3C", SHORT, "nine", 9, "cases", "ministry", Y2006, ["adults"], parent=8),
            Metric("3C", SHORT, "ten", 10, "cases", "ministry", Y2006, ["children"], parent=8),
            Metric("3E", CITY_COURT, "14", 14, "convictions", "City Court", Y2006),
            Metric("3E", SHELTER, "21", 21, "convictions", "NGO Shelter", Y2006),
            Metric("3F", CAPITAL_FOUR, "four", 4, "convictions", "Capital Court", Y2006, ["foreign_nationals"]),
        ],
        events=[Event("3F", LAW_DAY, "2006-02-15", "day", "law_enacted", "Trafficking Law")],
        organizations=[("Capital Court", "court"), ("Police Y", "police"), ("Police Z", "police")],
        laws=["Trafficking Law"],
    )
    second = FixtureCable(
        cable_id="09FIXTURE2",
        header_date="Thu Feb 19 00:00:00 +0100 2009",
        dtg="190606Z FEB 09",
        paragraphs={"3A": [ARRESTS_1996, TO_DATE_2009, LAW_MONTH]},
        metrics=[
            Metric("3A", ARRESTS_1996, "342", 342, "arrests", "government", ("1996-01-01", "1999-12-31")),
            Metric("3A", TO_DATE_2009, "80", 80, "arrests", "Police Z", cumulative=True),
        ],
        events=[Event("3A", LAW_MONTH, "2006-03-01", "month", "law_enacted", "Trafficking Law")],
        organizations=[("Police Z", "police")],
        laws=["Trafficking Law"],
    )
    invalid = FixtureCable(
        cable_id="09FIXTURE3",
        header_date="Thu Feb 19 00:00:00 +0100 2009",
        dtg="190606Z FEB 09",
        paragraphs={"2A": [WRONG_SPAN, NEGATIVE, SANDWICH, LATER, BUDGET, EVENT_ELSEWHERE]},
        metrics=[
            Metric("2A", WRONG_SPAN, "12", 12, "arrests", "Police Q", span_text="Police"),
            Metric("2A", NEGATIVE, "three", -3, "other", "Police Q"),
            Metric("2A", SANDWICH, "40", 40, "sandwiches"),
            Metric("2A", LATER, "30", 30, "arrests", "Police Q", ("2010-01-01", "2010-12-31")),
            Metric("2A", BUDGET, "50", 50, "persons_trained", None, ("2010-01-01", "2010-12-31")),
        ],
        events=[
            Event("2A", LATER, "2010-01-01", "year", "arrest", span_quote=EVENT_ELSEWHERE),
            Event("2A", EVENT_ELSEWHERE, "2008-05-01", "day", "coronation"),
        ],
    )
    return [first, second, invalid]


def _clean_cables() -> list[FixtureCable]:
    only = FixtureCable(
        cable_id="07FIXTURE1",
        header_date="Mon Mar 05 00:00:00 +0100 2007",
        dtg="050115Z MAR 07",
        paragraphs={"3A": [POLICE_YEAR, EXCEED, CAPITAL_FIVE, LAW_DAY]},
        metrics=[
            Metric("3A", POLICE_YEAR, "10", 10, "arrests", "Police Y", Y2006),
            Metric("3A", EXCEED, "10", 10, "cases", "ministry", Y2006),
            Metric("3A", EXCEED, "six", 6, "cases", "ministry", Y2006, ["sex_trafficking"], parent=1),
            Metric("3A", CAPITAL_FIVE, "five", 5, "convictions", "Capital Court", Y2006, ["foreign_nationals"]),
        ],
        events=[Event("3A", LAW_DAY, "2006-02-15", "day", "law_enacted", "Trafficking Law")],
        organizations=[("Capital Court", "court"), ("Police Y", "police")],
        laws=["Trafficking Law"],
    )
    return [only]


def _evaluate(warehouse, outcomes: dict | None = None) -> dict[str, list]:
    """All findings of the four suites, by check name (and each suite's outcome into `outcomes`)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        suites = [
            (fct_metric, fct_metric.build_validity_suite(), "fixture_metric_validity", True),
            (fct_metric, fct_metric.build_consistency_suite(), "fixture_metric_consistency", False),
            (fct_event, fct_event.build_validity_suite(), "fixture_event_validity", True),
            (fct_event, fct_event.build_consistency_suite(), "fixture_event_consistency", False),
        ]
        found: dict[str, list] = {}
        for module, suite, name, validity in suites:
            outcome, findings = evaluate_suite(con, module, suite, name, validity=validity)
            if outcomes is not None:
                outcomes[name] = outcome
            for finding in findings:
                found.setdefault(finding.check_name, []).append(finding)
    return found


@pytest.fixture(scope="module")
def problem_warehouse(tmp_path_factory):
    return build_fixture_warehouse(tmp_path_factory.mktemp("problems"), _problem_cables())


@pytest.fixture(scope="module")
def problem_findings(problem_warehouse):
    return _evaluate(problem_warehouse)


@pytest.fixture(scope="module")
def clean_warehouse(tmp_path_factory):
    return build_fixture_warehouse(tmp_path_factory.mktemp("clean"), _clean_cables())


def _only(findings: dict, check_name: str):
    assert len(findings.get(check_name, [])) == 1, findings.get(check_name)
    return findings[check_name][0]


def test_figures_under_an_overlap_caveat_are_an_overlap_group(problem_findings):
    finding = _only(problem_findings, "overlapping_statistics")
    assert finding.subject_ids == ("07FIXTURE1-m011", "07FIXTURE1-m012")
    assert "caveat" in finding.message and CITY_COURT in finding.message and SHELTER in finding.message


def test_the_same_court_giving_two_values_is_a_conflict(problem_findings):
    finding = _only(problem_findings, "conflicting_values")
    assert finding.subject_ids == ("07FIXTURE1-m002", "07FIXTURE1-m013")
    assert CAPITAL_FIVE in finding.message and CAPITAL_FOUR in finding.message


def test_a_figure_repeated_by_a_later_cable_is_a_restatement(problem_findings):
    finding = _only(problem_findings, "restated_statistic")
    assert finding.subject_ids == ("07FIXTURE1-m000", "09FIXTURE2-m000")
    assert finding.cable_id == "09FIXTURE2"
    assert finding.severity == "info"


def test_parts_above_their_total_and_parts_short_of_it(problem_findings):
    exceed = _only(problem_findings, "parts_exceed_total")
    short = _only(problem_findings, "parts_do_not_sum")
    assert exceed.subject_ids == ("07FIXTURE1-m005", "07FIXTURE1-m006", "07FIXTURE1-m007")
    assert "parts summing to 13" in exceed.message
    assert short.subject_ids == ("07FIXTURE1-m008", "07FIXTURE1-m009", "07FIXTURE1-m010")


def test_a_month_above_its_year_is_flagged(problem_findings):
    finding = _only(problem_findings, "subperiod_exceeds_period")
    assert finding.subject_ids == ("07FIXTURE1-m003", "07FIXTURE1-m004")


def test_a_running_total_that_shrinks_in_a_later_cable_is_flagged(problem_findings):
    finding = _only(problem_findings, "cumulative_decreased")
    assert finding.subject_ids == ("07FIXTURE1-m001", "09FIXTURE2-m001")


def test_a_law_given_two_promulgation_dates_is_flagged(problem_findings):
    finding = _only(problem_findings, "conflicting_event_dates")
    assert finding.subject_ids == ("07FIXTURE1-e000", "09FIXTURE2-e000")
    assert finding.cable_id is None  # across cables
    assert LAW_DAY in finding.message and LAW_MONTH in finding.message


def test_the_planted_problems_raise_no_error_finding(problem_findings):
    assert [f for findings in problem_findings.values() for f in findings if f.severity == "error"] == []


def test_clean_data_raises_no_finding(clean_warehouse):
    assert _evaluate(clean_warehouse) == {}


def test_facts_breaking_a_validity_rule_are_set_aside_with_their_rule(problem_warehouse):
    with duckdb.connect(str(problem_warehouse), read_only=True) as con:
        rejected = con.execute("select fact_id, rule from quality.rejected_facts order by fact_id").fetchall()
        in_marts = con.execute(
            "select metric_id from marts.fct_metric where cable_id = '09FIXTURE3' "
            "union all select event_id from marts.fct_event where cable_id = '09FIXTURE3'"
        ).fetchall()
    assert rejected == [
        ("09FIXTURE3-e000", "provenance_mismatch"),
        ("09FIXTURE3-e001", "unknown_event_type"),
        ("09FIXTURE3-m000", "provenance_mismatch"),
        ("09FIXTURE3-m001", "negative_value"),
        ("09FIXTURE3-m002", "unknown_measure"),
        ("09FIXTURE3-m003", "period_after_cable_date"),
    ]
    # the budget looks ahead: its later period is not an error
    assert in_marts == [("09FIXTURE3-m004",)]


def test_a_set_aside_fact_is_a_warning_finding_quoting_its_rule(problem_findings):
    rejected = {f.subject_ids[0]: f for f in problem_findings["rejected_metric"]}
    assert set(rejected) == {"09FIXTURE3-m000", "09FIXTURE3-m001", "09FIXTURE3-m002", "09FIXTURE3-m003"}
    assert all(f.severity == "warning" for f in rejected.values())
    assert "provenance_mismatch" in rejected["09FIXTURE3-m000"].message
    assert '"Police"' in rejected["09FIXTURE3-m000"].message
    assert {f.subject_ids[0] for f in problem_findings["rejected_event"]} == {"09FIXTURE3-e000", "09FIXTURE3-e001"}


def test_validity_fails_the_build_only_above_the_configured_share(problem_warehouse, monkeypatch):
    from orchestration.quality.checks import systemic_failures

    outcomes: dict = {}
    _evaluate(problem_warehouse, outcomes)  # 4 of 20 metrics set aside: above the default 2%
    assert [f.meta["check_name"] for f in systemic_failures(outcomes["fixture_metric_validity"])] == ["rejected_metric"]
    monkeypatch.setenv("QUALITY_MAX_REJECTED_SHARE", "0.5")
    outcomes = {}
    found = _evaluate(problem_warehouse, outcomes)
    assert systemic_failures(outcomes["fixture_metric_validity"]) == []
    assert len(found["rejected_metric"]) == 4  # still reported, one finding each


def test_a_month_above_its_year_names_both_periods(problem_findings):
    # the periods come from DuckDB dates through Arrow: the message gives their days, never a time or "NaT"
    message = _only(problem_findings, "subperiod_exceeds_period").message
    assert re.search(r"\d{4}-\d{2}-01 to \d{4}-\d{2}-\d{2} \[07FIXTURE1-m003\]", message), message
    assert "00:00" not in message and "NaT" not in message


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, None, "no stated period"),
        (float("nan"), float("nan"), "no stated period"),
        (pd.NaT, pd.NaT, "no stated period"),
        (dt.date(2008, 1, 1), dt.date(2008, 12, 31), "2008-01-01 to 2008-12-31"),
        (pd.Timestamp("2008-01-01"), pd.Timestamp("2008-12-31 00:00"), "2008-01-01 to 2008-12-31"),
        ("2008-01-01", "2008-12-31", "2008-01-01 to 2008-12-31"),
    ],
)
def test_a_figures_period_reads_as_days_whatever_held_it(start, end, expected):
    from orchestration.quality.findings import _period

    assert _period({"period_start": start, "period_end": end}) == expected
