"""Models that cut spans from the raw texts join them through `joined_to_texts` (dbt_project/macros), so that DuckDB
streams the texts past the spans instead of holding every text in a hash table."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import jinja2
import pytest

from tests.conftest import ROOT

MACRO = ROOT / "dbt_project" / "macros" / "joined_to_texts.sql"
MODELS = ROOT / "dbt_project" / "models"
TEXTS = 400  # cables of 100 KB: 40 MB of text, against a memory limit of 16MB
SPANS = 12_000


def joined_to_texts(query: str) -> str:
    """The macro, rendered by Jinja as dbt renders it."""
    return jinja2.Environment().from_string(MACRO.read_text()).module.joined_to_texts(query)


def _cut(spans: str) -> str:
    return (
        f"select spans.span_id, substr(texts.raw_text, spans.char_start, spans.char_end - spans.char_start) as cut "
        f"from {spans} as spans join (select cable_id, raw_text from texts where is_published) as texts "
        "using (cable_id)"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("texts") / "texts.duckdb"
    with duckdb.connect(str(path)) as con:
        # no two texts alike (DuckDB would store repeats once): each line numbers the text and the line
        con.execute(
            "create table texts as select 'C' || t as cable_id, true as is_published, "
            "(select string_agg('cable ' || t || ' line ' || l || ' of a text no other cable has', chr(10)) "
            f" from range(2000) as lines(l)) as raw_text from range({TEXTS}) as cables(t)"
        )
        con.execute(
            "create table spans as select 'C' || (s % ?) as cable_id, s as span_id, 1 + s % 5000 as char_start, "
            "21 + s % 5000 as char_end from range(?) as spans(s)",
            [TEXTS, SPANS],
        )
    return path


def test_the_spans_are_the_joins_build_side_and_the_texts_stream(corpus):
    with duckdb.connect(str(corpus)) as con:
        expected = con.execute(_cut("spans") + " order by span_id").fetchall()
        con.execute("set memory_limit = '16MB'")
        # the premise: joined directly, DuckDB holds every text (it counts a text as a few bytes) and runs out
        with pytest.raises(duckdb.OutOfMemoryException):
            con.execute(_cut("spans")).fetchall()
        found = con.execute(_cut(joined_to_texts("select * from spans")) + " order by span_id").fetchall()
    assert len(expected) == SPANS
    assert found == expected


def test_no_spans_give_no_rows(corpus):
    with duckdb.connect(str(corpus)) as con:
        assert con.execute(_cut(joined_to_texts("select * from spans where false"))).fetchall() == []


# a join with the texts: `join texts` (the CTE every reader names so) or a subquery that selects the raw text
_TEXT_JOIN = re.compile(r"\bjoin\s+(?:texts\b|\(\s*select\s+cable_id,\s*raw_text\b)", re.IGNORECASE)


def test_every_join_with_the_raw_texts_goes_through_the_macro():
    """Each model that reads the raw texts joins them only with the macro's spans: the `from` right before each join
    with the texts is the macro."""
    readers = [
        path
        for path in MODELS.rglob("*.sql")
        if "stg_raw__cable_texts" in path.read_text() and path.parent.name != "staging"
    ]
    assert len(readers) >= 4, readers
    for path in readers:
        sql = path.read_text()
        joins = list(_TEXT_JOIN.finditer(sql))
        assert joins, f"{path.name} reads the raw texts without a join the test recognises"
        for join in joins:
            # the last clause that starts a line with `from` before the join (the macro's own query is inside it)
            from_clause = list(re.finditer(r"^\s*from\b.*", sql[: join.start()], re.MULTILINE | re.IGNORECASE))[-1][0]
            assert "joined_to_texts(" in from_clause, f"{path.name} joins the raw texts directly: {from_clause!r}"
