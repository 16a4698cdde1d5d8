"""Full-text search over paragraphs: fts installed offline, marts.search_paragraphs, make search, make sql."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.search.cli import Hit, render, search, snippet
from orchestration.search.fts import extension_path, load_fts
from orchestration.warehouse.raw_store import ingest_folder
from tests.conftest import ROOT
from tests.quality_fixtures import FixtureCable, build_fixture_warehouse
from tests.real_cable_warehouse import dbt_build

SEEDS = {"07PHNOMPENH351", "09PHNOMPENH114"}
# 09PHNOMPENH114, paragraph 3E
CAVEAT = "It should be noted that the statistics below may overlap, as a consolidated database on trafficking"


def test_the_fts_extension_ships_with_the_pinned_duckdb():
    path = extension_path()
    assert path.name == "fts.duckdb_extension" and f"v{duckdb.__version__}" in str(path)


def test_the_duckdb_shell_is_the_library_version():
    shell = Path(sys.executable).parent / "duckdb"
    version = subprocess.run([str(shell), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith(f"v{duckdb.__version__} ")


def test_snippet_starts_near_the_first_query_word():
    text = "Law Enforcement Statistics: Did the government prosecute any cases? " * 5 + CAVEAT
    piece = snippet(text, "consolidated database", length=120)
    assert piece.startswith("... ") and "consolidated database" in piece


def test_render_shows_rank_score_cable_date_and_subject():
    hit = Hit(
        "09PHNOMPENH114", "2009-02-19", "2009 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA", "3E", "3E", 1.95, CAVEAT
    )
    text = render([hit], "statistics overlap")
    assert text.startswith(" 1.   1.95  09PHNOMPENH114  2009-02-19  2009 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA")
    assert "para 3E" in text and "statistics below may overlap" in text
    assert render([], "x") == "no paragraph matches"


@pytest.fixture
def con(built_warehouse):
    connection = duckdb.connect(str(built_warehouse.warehouse), read_only=True)
    load_fts(connection)
    yield connection
    connection.close()


def test_the_overlap_caveat_finds_both_seed_cables_in_the_top_ten(con):
    rows = con.execute("select * from marts.search_paragraphs('statistics may overlap') limit 10").fetchall()
    columns = [column[0] for column in con.description]
    assert columns[:5] == ["cable_id", "section", "paragraph_label", "score", "paragraph_text"]
    assert SEEDS <= {row[0] for row in rows}
    scores = [row[3] for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert any(row[0] == "09PHNOMPENH114" and row[1] == "3E" and CAVEAT in row[4] for row in rows)


def test_search_in_python_joins_subject_and_date(con):
    hits = search(con, "statistics may overlap", limit=10)
    seed_hit = next(hit for hit in hits if hit.cable_id == "07PHNOMPENH351")
    assert seed_hit.subject == "2007 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA"
    assert str(seed_hit.sent_on) == "2007-03-05"


def _make(target: str, warehouse: Path, stdin: str | None = None, **variables: str) -> subprocess.CompletedProcess:
    arguments = ["make", "-s", target, *(f"{name}={value}" for name, value in variables.items())]
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse)}
    return subprocess.run(arguments, cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, timeout=120)


def test_make_search_prints_the_top_hits_with_subject_and_date(built_warehouse):
    out = _make("search", built_warehouse.warehouse, Q="statistics may overlap").stdout
    assert "09PHNOMPENH114  2009-02-19  2009 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA" in out
    assert "07PHNOMPENH351  2007-03-05  2007 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA" in out


def test_make_sql_answers_with_fts_loaded(built_warehouse):
    query = ".mode list\nselect cable_id from marts.search_paragraphs('consolidated database') limit 3;\n"
    result = _make("sql", built_warehouse.warehouse, stdin=query)
    assert result.returncode == 0, result.stderr
    assert "09PHNOMPENH114" in result.stdout.split()


def test_make_sql_opens_the_warehouse_read_only(built_warehouse):
    result = _make("sql", built_warehouse.warehouse, stdin="create table marts.scratch as select 1;\n")
    assert result.returncode != 0 and "read-only mode" in result.stderr


CABLE = "07FIXTURE1"


def _fixture_cable(sentence: str) -> FixtureCable:
    return FixtureCable(CABLE, "Mon Mar 05 00:00:00 +0100 2007", "050115Z MAR 07", {"3A": [sentence]})


def test_the_index_follows_the_paragraphs_when_a_cable_changes(tmp_path):
    warehouse = build_fixture_warehouse(tmp_path, [_fixture_cable("Shelters received abducted fishermen.")])
    replacement = _fixture_cable("Brothel raids freed seventeen girls.")
    (tmp_path / "cables" / f"{CABLE}.txt").write_text(replacement.text())
    with duckdb.connect(str(warehouse)) as connection:
        assert ingest_folder(connection, tmp_path / "cables").replaced == [CABLE]
    dbt_build(warehouse, tmp_path / "rebuild", select="dim_paragraph")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        load_fts(connection)
        found = {
            word: connection.execute("select count(*) from marts.search_paragraphs(?)", [word]).fetchone()[0]
            for word in ("fishermen", "brothel")
        }
    assert found == {"fishermen": 0, "brothel": 1}
