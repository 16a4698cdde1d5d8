"""Persist GX outcomes in DuckDB so a SQL user sees what each suite flagged."""

from __future__ import annotations

import datetime as dt
import json

import duckdb

from expectations.runner import SuiteOutcome

DDL = """
create schema if not exists quality;
create table if not exists quality.validation_results (
    validated_at timestamp not null,
    suite varchar not null,
    table_name varchar not null,
    expectation varchar not null,
    column_name varchar,
    success boolean not null,
    unexpected_count integer not null,
    examples json
);
"""


def record_outcome(con: duckdb.DuckDBPyConnection, table: str, outcome: SuiteOutcome) -> None:
    """Replace the table's previous results with this validation's."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(DDL)
    con.execute("begin transaction")
    con.execute("delete from quality.validation_results where suite = ?", [outcome.suite])
    con.executemany(
        "insert into quality.validation_results values (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                now,
                outcome.suite,
                table,
                item.expectation,
                item.column,
                item.success,
                item.unexpected_count,
                json.dumps(item.examples),
            )
            for item in outcome.outcomes
        ],
    )
    con.execute("commit")
