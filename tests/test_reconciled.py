"""Each reconciliation rule of marts.fct_figure_reconciled, planted in a fixture warehouse about Cambodia."""

from __future__ import annotations

import duckdb
import pytest

from orchestration.quality.report import render_reconciled
from tests.quality_fixtures import FixtureCable, Metric, build_fixture_warehouse

Y2006 = ("2006-01-01", "2006-12-31")
RESTATED = "From 1996-1999, the Ministry of Interior arrested 342 offenders."
MINISTRY_TOTAL = "The Ministry of Justice reported 12 convictions in 2006."
COURT_PART = "The City Court convicted 14 traffickers in 2006."
NGO_PART = "The NGO Shelter reported convictions of 21 traffickers in 2006."
POLICE_YEAR = "Police X identified 30 victims in 2006."
POLICE_NINE_MONTHS = "Police Y identified 25 victims between April and December 2006."
PROSECUTIONS_2007 = "The Ministry of Justice prosecuted 40 cases in 2006."
PROSECUTIONS_2009 = "The Ministry of Justice prosecuted 46 cases in 2006, a revised figure."
ARRESTS_YEAR = "Police Y arrested 10 suspects in 2006."
ARRESTS_MARCH = "In March 2006 Police Y arrested 15 suspects."
FROM_THAILAND = "The ministry repatriated 30 victims from Thailand in 2006."
ALL_ORIGINS = "The ministry repatriated 80 victims in 2006."
ABROAD = "Police Z arrested 6 Cambodians in Thailand in 2006."
ORGANIZATIONS = [
    ("Ministry of Interior", "government"),
    ("Ministry of Justice", "government"),
    ("City Court", "court"),
    ("NGO Shelter", "ngo"),
    ("Police X", "police"),
    ("Police Y", "police"),
]


class CambodiaCable(FixtureCable):
    """A fixture cable tagged CB, the State Department's code for Cambodia."""

    def text(self) -> str:
        return super().text().replace("TAGS: KTIP\n", "TAGS: KTIP CB\n")


def _cables() -> list[FixtureCable]:
    older = CambodiaCable(
        cable_id="07FIXTURE1",
        header_date="Mon Mar 05 00:00:00 +0100 2007",
        dtg="050115Z MAR 07",
        paragraphs={
            "3A": [RESTATED, ARRESTS_YEAR, ARRESTS_MARCH, ABROAD],
            "3B": [MINISTRY_TOTAL, COURT_PART, NGO_PART],
            "3C": [POLICE_YEAR, POLICE_NINE_MONTHS],
            "3D": [PROSECUTIONS_2007, FROM_THAILAND, ALL_ORIGINS],
        },
        metrics=[
            Metric("3A", RESTATED, "342", 342, "arrests", "Ministry of Interior", ("1996-01-01", "1999-12-31")),
            Metric("3A", ARRESTS_YEAR, "10", 10, "arrests", "Police Y", Y2006),
            Metric("3A", ARRESTS_MARCH, "15", 15, "arrests", "Police Y", ("2006-03-01", "2006-03-31")),
            Metric("3A", ABROAD, "6", 6, "arrests", "Police Z", Y2006),
            Metric("3B", MINISTRY_TOTAL, "12", 12, "convictions", "Ministry of Justice", Y2006),
            Metric("3B", COURT_PART, "14", 14, "convictions", "City Court", Y2006),
            Metric("3B", NGO_PART, "21", 21, "convictions", "NGO Shelter", Y2006),
            Metric("3C", POLICE_YEAR, "30", 30, "victims_identified", "Police X", Y2006),
            Metric("3C", POLICE_NINE_MONTHS, "25", 25, "victims_identified", "Police Y", ("2006-04-01", "2006-12-31")),
            Metric("3D", PROSECUTIONS_2007, "40", 40, "prosecutions", "Ministry of Justice", Y2006),
            Metric("3D", FROM_THAILAND, "30", 30, "victims_repatriated", "ministry", Y2006),
            Metric("3D", ALL_ORIGINS, "80", 80, "victims_repatriated", "ministry", Y2006),
        ],
        organizations=ORGANIZATIONS,
    )
    later = CambodiaCable(
        cable_id="09FIXTURE2",
        header_date="Thu Feb 19 00:00:00 +0100 2009",
        dtg="190606Z FEB 09",
        paragraphs={"3A": [RESTATED, PROSECUTIONS_2009]},
        metrics=[
            Metric("3A", RESTATED, "342", 342, "arrests", "Ministry of Interior", ("1996-01-01", "1999-12-31")),
            Metric("3A", PROSECUTIONS_2009, "46", 46, "prosecutions", "Ministry of Justice", Y2006),
        ],
        organizations=[("Ministry of Interior", "government"), ("Ministry of Justice", "government")],
    )
    return [older, later]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    warehouse = build_fixture_warehouse(tmp_path_factory.mktemp("reconciled"), _cables())
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


def _groups(con, measure: str) -> list[dict]:
    cursor = con.execute(
        "select * from marts.fct_figure_reconciled where measure = ? order by period_start, origin_country_code",
        [measure],
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_a_restated_figure_counts_once(con):
    (group,) = [g for g in _groups(con, "arrests") if str(g["period_start"]) == "1996-01-01"]
    assert group["n_figures"] == 1 and len(group["metric_ids"]) == 2
    assert group["best_metric_id"] == "07FIXTURE1-m000"
    assert "restated 1 time(s), counted once (R1)" in group["basis"]


def test_a_national_body_total_beats_a_court_and_an_ngo_part(con):
    (group,) = _groups(con, "convictions")
    assert (group["best_value"], group["min_value"], group["max_value"]) == (12, 12, 21)
    assert group["n_figures"] == 3 and group["n_institutions"] == 3
    assert "a national body's total beats a court's figure (R2)" in group["basis"]
    assert "14 by City Court" in group["basis"] and "21 by NGO Shelter" in group["basis"]
    assert group["basis"].endswith("They may count the same cases: do not add them.")


def test_of_equal_sources_the_longest_period_wins(con):
    (group,) = _groups(con, "victims_identified")
    assert group["best_value"] == 30 and group["best_institution"] == "Police X"
    assert (str(group["period_start"]), str(group["period_end"])) == Y2006
    assert "covers the longest period (R3)" in group["basis"]


def test_a_later_cable_beats_an_older_one_for_the_same_period(con):
    (group,) = _groups(con, "prosecutions")
    assert group["best_value"] == 46 and group["best_metric_id"] == "09FIXTURE2-m001"
    assert "a later cable's statement beats 07FIXTURE1's for the same period (R4)" in group["basis"]


def test_conflicting_figures_stay_visible(con):
    (group,) = _groups(con, "prosecutions")
    assert group["has_conflict"] and group["n_figures"] == 2
    assert "40 by Ministry of Justice (2006, 07FIXTURE1-m009)" in group["basis"]
    assert "Conflicting: Ministry of Justice gives 40 and 46" in group["basis"]


def test_a_month_and_a_year_are_different_period_groups(con):
    police_y = [g for g in _groups(con, "arrests") if g["best_institution"] == "Police Y"]
    assert [(str(g["period_start"]), g["best_value"], g["n_figures"]) for g in police_y] == [
        ("2006-01-01", 10, 1),
        ("2006-03-01", 15, 1),
    ]


def test_victims_from_another_country_are_a_breakdown_of_their_own(con):
    groups = _groups(con, "victims_repatriated")
    assert [(g["origin_country_code"], g["best_value"]) for g in groups] == [("TH", 30), (None, 80)]


def test_a_figure_placed_in_another_country_is_about_that_country(con):
    row = con.execute(
        "select country_code, origin_country_code from marts.fct_metric where metric_id = '07FIXTURE1-m003'"
    ).fetchone()
    assert row == ("TH", "KH")
    assert con.execute("select count(*) from marts.fct_metric where country_code is null").fetchone()[0] == 0


def test_the_findings_page_lists_reconciled_groups_by_country(con):
    page = render_reconciled(con)
    assert "<h3>Cambodia (" in page
    assert "Ministry of Justice gives 40 and 46" in page
    # a single figure needs no reconciling and is not listed
    assert "07FIXTURE1-m003" not in page
