"""The extraction marts of the end-to-end build: keys, provenance, resolution."""

from __future__ import annotations

import duckdb
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # whole builds or the whole corpus: left out of make test-quick


@pytest.fixture
def con(built_warehouse):
    connection = duckdb.connect(str(built_warehouse.warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.mark.parametrize(
    "table",
    [
        "dim_organization",
        "bridge_cable_organization",
        "dim_law",
        "bridge_cable_law",
        "fct_metric",
        "fct_metric_distinct",
        "fct_event",
        "bridge_event_organization",
        "dim_date",
    ],
)
def test_every_extraction_mart_is_built_and_filled(con, table):
    assert con.execute(f"select count(*) from marts.{table}").fetchone()[0] > 0


def test_every_metric_span_shows_the_figure_in_the_raw_text(con):
    rows = con.execute(
        """
        select m.metric_id, m.value_text, substr(t.raw_text, m.char_start, m.char_end - m.char_start)
        from marts.fct_metric m join raw.cable_texts t using (cable_id)
        """
    ).fetchall()
    assert len(rows) > 300
    mismatched = [(i, v, s) for i, v, s in rows if " ".join(s.split()) != " ".join(v.split())]
    assert mismatched == []


def test_every_metric_uses_the_vocabulary(con):
    unknown = con.execute(
        "select distinct measure from marts.fct_metric where measure not in (select measure from reference.measures)"
    ).fetchall()
    assert unknown == []


def test_a_statistic_comes_with_source_period_and_quote(con):
    row = con.execute(
        """
        select m.source_org, o.name, m.period_start::varchar, m.period_end::varchar, m.quote
        from marts.fct_metric m left join marts.dim_organization o on o.org_key = m.source_org_key
        where m.cable_id = '09PHNOMPENH114' and m.measure = 'convictions' and m.value = 21 and m.source_org = 'AFESIP'
        """
    ).fetchone()
    assert row is not None
    source, name, start, end, quote = row
    assert name == "Agir pour les Femmes en Situation Precaire"
    assert (start, end) == ("2008-01-01", "2008-12-31")
    assert "convictions of 21 traffickers in 2008" in quote


def test_the_1996_law_variants_resolve_to_one_law(con):
    rows = con.execute(
        """
        select l.name, l.aliases from marts.dim_law l
        join marts.bridge_cable_law b using (law_key)
        where b.cable_id in ('07PHNOMPENH351', '09PHNOMPENH114') and l.name ilike '%Kidnapping%'
        group by all
        """
    ).fetchall()
    assert len(rows) == 1
    aliases = " | ".join(rows[0][1])
    assert "Exploitation of Humans" in aliases and "Human Beings" in aliases


def test_an_acronym_used_in_two_countries_is_two_organizations(con):
    countries = {
        row[0] for row in con.execute("select country from marts.dim_organization where acronym = 'MOJ'").fetchall()
    }
    assert {"Cambodia", "Egypt"} <= countries


def test_events_resolve_their_law_and_organizations(con):
    law_events = con.execute(
        "select count(*) from marts.fct_event where event_type = 'law_enacted' and law_key is not null"
    ).fetchone()[0]
    linked = con.execute("select count(distinct event_id) from marts.bridge_event_organization").fetchone()[0]
    assert law_events >= 5
    assert linked >= 50


def test_date_dimension_covers_every_fact_date(con):
    missing = con.execute(
        """
        select count(*) from marts.fct_event e
        left join marts.dim_date d on d.date_day = e.event_date where d.date_day is null
        """
    ).fetchone()[0]
    assert missing == 0


QUERIES = sorted((ROOT / "queries").glob("*.sql"))


@pytest.mark.parametrize("query", QUERIES, ids=lambda path: path.stem)
def test_every_example_query_runs_and_returns_rows(con, query):
    rows = con.execute(query.read_text()).fetchall()
    assert rows, query.name
