"""The previews the Dagster UI shows of each table: a markdown table of its first rows."""

import duckdb

from orchestration.metadata import PREVIEW_CHARACTERS, table_metadata


def test_a_preview_keeps_each_row_on_one_line_with_its_pipes_escaped_and_long_text_cut():
    con = duckdb.connect()
    con.execute(
        "create table t as select * from "
        "(values (1, 'a | b', null), (2, 'two\nlines', 2.5), (3, repeat('x', 200), 1.0)) v(id, text, share)"
    )
    metadata = table_metadata(con, "t")
    assert metadata["dagster/row_count"].value == 3
    lines = metadata["preview"].md_str.split("\n")
    assert lines[:2] == ["| id | text | share |", "|---|---|---|"]
    assert lines[2] == "| 1 | a \\| b |  |"
    assert lines[3] == "| 2 | two lines | 2.5 |"
    assert lines[4] == f"| 3 | {'x' * PREVIEW_CHARACTERS} | 1.0 |"
    assert len(lines) == 5


def test_an_empty_table_says_so():
    con = duckdb.connect()
    con.execute("create table t (id integer)")
    assert table_metadata(con, "t")["preview"].md_str == "_empty_"
