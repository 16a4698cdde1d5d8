"""A build after cables were added, removed or changed rebuilds only their rows, and gives the warehouse a
full rebuild of the same folder gives: the same rows in every model, the same search index."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.search.fts import load_fts
from tests.conftest import ALL_CABLE_FILES, SEEDS
from tests.e2e import environment, materialize_all

pytestmark = pytest.mark.slow

COMPARED_SCHEMAS = ("marts", "intermediate")
INDEX = "fts_marts_dim_paragraph"
QUERIES = ("statistics may overlap", "trafficking victims shelter", "prosecutions convictions")


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in (select unnest(?::varchar[])) and table_type = 'BASE TABLE' order by all",
        [list(COMPARED_SCHEMAS)],
    ).fetchall()
    return [f'{schema}."{name}"' for schema, name in rows] + ['quality."rejected_facts"']


def snapshot(path: Path) -> dict[str, list]:
    """Every row of every model table (in a stable order), the search index by names, and search results."""
    with duckdb.connect(str(path), read_only=True) as con:
        load_fts(con)
        rows = {table: con.execute(f"select * from {table} order by all").fetchall() for table in _tables(con)}
        # ids of documents and terms are the index's own: compare it by paragraph ids and terms
        rows["index.docs"] = con.execute(f"select name, len from {INDEX}.docs order by all").fetchall()
        rows["index.terms"] = con.execute(
            f"select d.name, t.fieldid, w.term from {INDEX}.terms t join {INDEX}.docs d using (docid) "
            f"join {INDEX}.dict w using (termid) order by all"
        ).fetchall()
        rows["index.dict"] = con.execute(f"select term, df from {INDEX}.dict order by all").fetchall()
        rows["index.stats"] = con.execute(f"select * from {INDEX}.stats").fetchall()
        for query in QUERIES:
            rows[f"search {query}"] = con.execute(
                "select paragraph_id, score from marts.search_paragraphs(?)", [query]
            ).fetchall()
        return rows


def same_rows(name: str, found: list, expected: list) -> bool:
    """Rows equal; search results the same paragraphs with the same scores, to floating-point rounding (a score
    sums a paragraph's terms in the order DuckDB's aggregate meets them, so its last bits may differ)."""
    if not name.startswith("search "):
        return found == expected
    found_scores, expected_scores = dict(found), dict(expected)
    return found_scores.keys() == expected_scores.keys() and all(
        math.isclose(found_scores[paragraph], score, rel_tol=1e-9) for paragraph, score in expected_scores.items()
    )


def _change_one_word(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    word = text.index(" the ", len(text) // 2)
    path.write_text(text[:word] + " this " + text[word + len(" the ") :], encoding="utf-8")


def test_an_incremental_build_gives_the_rows_of_a_full_rebuild(tmp_path):
    folder = tmp_path / "cables"
    folder.mkdir()
    changed = SEEDS / "09PHNOMPENH114.txt"  # a TIP report: figures, events, the overlap caveat
    added, removed, *kept = [path for path in ALL_CABLE_FILES if path != changed]
    for path in [removed, changed, *kept]:
        shutil.copy(path, folder)
    incremental = environment(tmp_path / "incremental", folder)
    first_log = materialize_all(incremental)
    assert "dbt builds every model whole" in first_log

    shutil.copy(added, folder)
    (folder / removed.name).unlink()
    _change_one_word(folder / changed.name)
    second_log = materialize_all(incremental)
    assert "dbt builds the changed cables' rows" in second_log
    warehouse = Path(incremental["WAREHOUSE_PATH"])
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from raw.cables_changed").fetchone()[0] == 0

    full = environment(tmp_path / "full", folder)
    materialize_all(full)
    after_increment, after_rebuild = snapshot(warehouse), snapshot(Path(full["WAREHOUSE_PATH"]))
    assert after_increment.keys() == after_rebuild.keys()
    differing = [name for name in after_rebuild if not same_rows(name, after_increment[name], after_rebuild[name])]
    assert differing == []
    assert after_rebuild["index.docs"] and after_rebuild["search statistics may overlap"]
    cables = {row[0] for row in after_rebuild['marts."dim_cable"']}
    assert added.stem in cables and removed.stem not in cables and changed.stem in cables
