"""The analyst's warehouse on the seeds and dev cables: countries, one reconciled figure per question, references."""

from __future__ import annotations

import duckdb
import pytest

from orchestration.quality.report import render_reconciled
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # whole builds or the whole corpus: left out of make test-quick


@pytest.fixture
def con(built_warehouse):
    connection = duckdb.connect(str(built_warehouse.warehouse), read_only=True)
    yield connection
    connection.close()


def test_subject_countries_of_the_seeds_and_ankara(con):
    rows = dict(con.execute("select cable_id, subject_country_code from marts.dim_cable").fetchall())
    assert rows["07PHNOMPENH351"] == rows["09PHNOMPENH114"] == "KH"
    assert rows["09ANKARA273"] == "TR"


def test_dim_country_holds_every_subject_country(con):
    missing = con.execute(
        "select distinct subject_country_code from marts.dim_cable"
        " where subject_country_code not in (select country_code from marts.dim_country)"
    ).fetchall()
    assert missing == []
    assert con.execute("select count(*) from marts.dim_cable where subject_country_code is null").fetchone()[0] == 0


def test_every_metric_of_a_phnom_penh_cable_has_a_country(con):
    total, with_country = con.execute(
        "select count(*), count(m.country_code) from marts.fct_metric m"
        " join marts.dim_cable c using (cable_id) where c.origin = 'Embassy Phnom Penh'"
    ).fetchone()
    assert total > 200 and with_country == total


def test_cambodia_convictions_in_2008_are_reconciled_across_institutions(con):
    row = con.execute(
        "select n_institutions, min_value, max_value, best_value, metric_ids, basis from marts.fct_figure_reconciled"
        " where country_code = 'KH' and measure = 'convictions' and year = 2008 and breakdown is null"
        " and origin_country_code is null order by n_figures desc limit 1"
    ).fetchone()
    assert row is not None
    institutions, low, high, best, metric_ids, basis = row
    assert institutions >= 2 and low < high and low <= best <= high
    named = con.execute(
        "select distinct coalesce(o.name, m.source_org) from marts.fct_metric m"
        " left join marts.dim_organization o on o.org_key = m.source_org_key where list_contains(?, m.metric_id)",
        [metric_ids],
    ).fetchall()
    assert len(named) >= 2 and all(name in basis for (name,) in named)


def test_the_findings_page_shows_reconciled_figures_by_country(con):
    page = render_reconciled(con)
    assert "<h3>Cambodia (" in page and "do not add them" in page


def test_what_a_cable_builds_on_transitively(con):
    rows = con.execute((ROOT / "queries" / "cable_builds_on.sql").read_text()).fetchall()
    depth = {cable_id: level for cable_id, level, *_ in rows}
    # 09PHNOMPENH114 cites 08PHNOMPENH445, whose own REF block cites 08PHNOMPENH179
    assert depth["08PHNOMPENH445"] == 1 and depth["08PHNOMPENH179"] == 2
    assert "09PHNOMPENH114" not in depth
