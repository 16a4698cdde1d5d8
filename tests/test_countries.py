"""Country reference data and the subject country of real cables (seeds, dev cables, the 300-cable corpus)."""

from __future__ import annotations

import re

import duckdb
import pytest

from orchestration.cables import countries
from orchestration.cables.parser import read_cable_file
from scripts.generate_country_seeds import SEEDS, expected_seeds
from tests.conftest import ALL_CABLE_FILES, CORPUS_TXT, ROOT
from tests.real_cable_warehouse import build_real_cable_warehouse


def _readings(tag: str) -> dict[str, str]:
    return {row.reading: row.country_code for row in countries.state_tags() if row.tag == tag}


def _cable_tags(cable_id: str) -> list[str]:
    path = next(p for p in [*ALL_CABLE_FILES, *CORPUS_TXT.glob("*.txt")] if p.stem == cable_id)
    return [tag.strip(" ,") for tag in read_cable_file(path).tags]


def test_committed_country_seeds_are_what_the_generator_writes():
    for name, text in expected_seeds().items():
        assert (SEEDS / name).read_text(encoding="utf-8") == text, f"run scripts/generate_country_seeds.py ({name})"


@pytest.mark.parametrize(
    ("cable_id", "tag", "country_code"),
    [
        ("08PHNOMPENH445", "CB", "KH"),  # Cambodia
        ("09ANKARA273", "TU", "TR"),  # Turkey
        ("08BEIJING125", "BM", "MM"),  # Burma
        ("07TALLINN375", "EN", "EE"),  # Estonia
        ("09SEOUL1241", "KS", "KR"),  # South Korea
        ("09BERLIN1197", "GM", "DE"),  # Germany
        ("09LONDON956", "UK", "GB"),
        ("10COLOMBO32", "CE", "LK"),  # Sri Lanka
        ("09PRETORIA939", "SF", "ZA"),  # South Africa
        ("10RABAT22", "UV", "BF"),  # Burkina Faso
        ("06LAPAZ3400", "BL", "BO"),  # Bolivia (ISO BL is Saint Barthelemy)
        ("06ASUNCION589", "PA", "PY"),  # Paraguay (ISO PA is Panama)
        ("10PRISTINA44", "KV", "XK"),  # Kosovo
    ],
)
def test_state_department_tags_of_real_cables_read_as_fips(cable_id, tag, country_code):
    assert tag in _cable_tags(cable_id)
    assert _readings(tag)["fips"] == country_code


def test_a_tag_that_is_also_another_iso_code_has_both_readings():
    assert _readings("PA") == {"fips": "PY", "iso": "PA"}
    assert _readings("BO") == {"fips": "BY", "iso": "BO"}  # 07STATE156011 tags Bolivia as BO
    assert "RU" in _cable_tags("09BERLIN1395") and _readings("RU") == {"iso": "RU"}


def test_country_names_use_the_names_cables_write():
    by_key = {row.match_key: row.country_code for row in countries.country_names()}
    assert by_key["turkey"] == by_key["turkiye"] == "TR"
    assert by_key["burma"] == by_key["myanmar"] == "MM"
    assert by_key["cambodian"] == by_key["cambodians"] == "KH"
    assert by_key["vietnamese"] == "VN"
    # shared with the Northern Mariana Islands, the name goes to the far larger country
    assert by_key["americans"] == "US"
    assert "congo" not in by_key or by_key["congo"] in {"CD", "CG"}


def test_dim_country_rows_carry_usual_and_iso_names_and_a_region():
    rows = {row.country_code: row for row in countries.countries()}
    assert rows["TR"].name == "Turkey" and rows["TR"].iso_name == "Türkiye"
    assert rows["KH"].region == "Asia" and rows["KH"].subregion == "South-eastern Asia"
    assert rows["XK"].name == "Kosovo" and rows["XK"].state_tag == "KV"
    assert len(rows) >= 249


def test_match_key_folds_text_as_the_dbt_macro_does():
    macro = (ROOT / "dbt_project" / "macros" / "match_key.sql").read_text()
    expression = re.search(r"%}\s*(.*?)\s*{%-? endmacro", macro, re.S).group(1).replace("{{ expression }}", "?")
    samples = ["Côte d'Ivoire", "Consulate RIO DE JANEIRO", "São Tomé  and\nPríncipe", "U.S.-INDIA"]
    with duckdb.connect() as con:
        folded = [con.execute(f"select {expression}", [text]).fetchone()[0] for text in samples]
    assert folded == [countries.match_key(text) for text in samples]
    assert folded[0] == "cote d ivoire"


@pytest.fixture(scope="module")
def corpus_warehouse(tmp_path_factory):
    files = ALL_CABLE_FILES + sorted(CORPUS_TXT.glob("*.txt"))
    warehouse = build_real_cable_warehouse(tmp_path_factory.mktemp("countries"), files)
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def con(corpus_warehouse):
    """A read-only connection to the corpus warehouse."""
    return corpus_warehouse


def _subject_country(con, cable_id: str) -> tuple[str, str]:
    return con.execute(
        "select subject_country_code, subject_country_basis from marts.dim_cable where cable_id = ?", [cable_id]
    ).fetchone()


@pytest.mark.parametrize(
    ("cable_id", "country_code", "basis"),
    [
        ("07PHNOMPENH351", "KH", "tag and subject line"),  # tag CB, "... REPORT FOR CAMBODIA"
        ("09PHNOMPENH114", "KH", "tag and subject line"),
        ("09ANKARA273", "TR", "subject heading"),  # "TURKEY: 9TH ANNUAL TIP REPORT"
        ("10CARACAS231", "VE", "subject line"),  # no country tag; "Venezuela's 2010 TIP REPORT"
        ("09CAIRO386", "EG", "tag"),  # "CAIRO SUBMISSION FOR THE NINTH ANNUAL TRAFFICKING", tag EG
        ("10BELGRADE25", "RS", "subject heading"),  # "SERBIA: ..." though the tags say SR and KV
        ("07STATE156011", "BO", "tag and subject line"),  # tag BO (FIPS Belarus) and "BOLIVIAN AMBASSADOR"
        ("05SANAA923", "YE", "tag and post"),  # tag YE is ISO, not FIPS; the post is in Sanaa
        ("04BOGOTA8900", "CO", "post"),  # no country tag or name; Embassy Bogota
    ],
)
def test_subject_country_of_real_cables(con, cable_id, country_code, basis):
    assert _subject_country(con, cable_id) == (country_code, basis)


def test_post_country_comes_from_the_post_city(con):
    rows = con.execute("select origin, any_value(post_country_code) from marts.dim_cable group by all").fetchall()
    posts = dict(rows)
    assert posts["Consulate Rio De Janeiro"] == "BR"
    assert posts["Embassy Asuncion"] == "PY"
    assert posts["Embassy Tel Aviv"] == "IL"
    assert posts["Iran RPO Dubai"] == "AE"


def test_nearly_every_cable_gets_a_subject_country_and_dim_country_holds_each(con):
    total, missing = con.execute(
        "select count(*), count(*) filter (where subject_country_code is null) from marts.dim_cable"
    ).fetchone()
    assert total >= 300 and missing <= 3  # a few corpus files are quarantined (truncated, duplicate id)
    orphans = con.execute(
        "select count(*) from marts.dim_cable c"
        " left join marts.dim_country d on d.country_code = c.subject_country_code"
        " where c.subject_country_code is not null and d.country_code is null"
    ).fetchone()[0]
    assert orphans == 0


def test_reference_degrees_count_citing_and_cited_cables(con):
    cited = con.execute(
        "select cable_id, in_degree, out_degree from marts.dim_cable"
        " where cable_id in ('08PHNOMPENH445', '09PHNOMPENH114') order by 1"
    ).fetchall()
    # 09PHNOMPENH114's REF block cites six cables, 08PHNOMPENH445 (which cites two) among them
    assert cited == [("08PHNOMPENH445", 1, 2), ("09PHNOMPENH114", 0, 6)]
