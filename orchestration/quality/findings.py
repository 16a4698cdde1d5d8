"""Turn GX outcomes into `quality.findings` rows whose messages name the figures and quotes."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from expectations.runner import SuiteOutcome, validate_frame

if TYPE_CHECKING:  # only the checks that run import GX and pandas (orchestration/reload/executors.py)
    import great_expectations as gx
    import pandas as pd

DDL = """
create schema if not exists quality;
create table if not exists quality.findings (
    finding_id varchar primary key,
    check_name varchar not null,
    severity varchar not null,
    cable_id varchar,
    subject_ids varchar[] not null,
    message varchar not null,
    detected_at timestamp not null
);
"""

# per check: the frame column whose value groups the offending rows into one finding, or the
# column naming the other figure a row is compared with
GROUP_COLUMNS = {
    "overlapping_statistics": "overlap_group",
    "conflicting_values": "conflict_group",
    "conflicting_event_dates": "date_conflict_group",
}
PAIR_COLUMNS = {
    "restated_statistic": "restates_metric_id",
    "subperiod_exceeds_period": "enclosing_metric_id",
    "cumulative_decreased": "earlier_cumulative_metric_id",
}
MAX_QUOTE = 220


@dataclass(frozen=True)
class Finding:
    """One problem a reader must know about, with the ids of the figures or events involved."""

    finding_id: str
    check_name: str
    severity: str
    cable_id: str | None
    subject_ids: tuple[str, ...]
    message: str


def _present(value) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, str) and not value)


def _quote(text: str) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def _day(value):
    """The calendar day of a timestamp, date or date string."""
    if isinstance(value, dt.datetime):  # before date: a datetime is a date too
        return value.date()
    if isinstance(value, dt.date):  # what rows read through Arrow hold: no pandas per row (58,000 at 25,000 cables)
        return value
    import pandas as pd

    return pd.Timestamp(value).date()


def _period(row) -> str:
    start, end = row.get("period_start"), row.get("period_end")
    if not _present(start) or start != start:  # None, NaN or NaT
        return "no stated period"
    return f"{_day(start)} to {_day(end)}"


def describe_metric(row) -> str:
    """`21 convictions by AFESIP, 2008-01-01 to 2008-12-31 [id] "quote"`."""
    breakdown = f" ({row['breakdown'].replace(';', ', ')})" if _present(row.get("breakdown")) else ""
    source = row["source_org"] if _present(row.get("source_org")) else "an unnamed source"
    figure = row["value_text"] if _present(row.get("value_text")) else f"{row['value']:g}"
    return (
        f"{figure} {row['measure'].replace('_', ' ')}{breakdown} by {source}, {_period(row)} "
        f'[{row["metric_id"]}] "{_quote(row["quote"])}"'
    )


def describe_cable(row) -> str:
    """`09PHNOMPENH114 "SUBJECT" (Embassy Phnom Penh, 2009-02-19)`."""
    subject = _quote(row["subject"]) if _present(row.get("subject")) else "no subject"
    return f'{row["cable_id"]} "{subject}" ({row.get("origin")}, {_day(row["sent_at"])})'


DESCRIBE = {"metric_id": describe_metric, "event_id": None, "cable_id": describe_cable}


def describe_event(row) -> str:
    """`law_enacted on 2008-02-15 (day) [id] "quote"`."""
    return (
        f"{row['event_type']} on {_day(row['event_date'])} ({row['date_precision']}) "
        f'[{row["event_id"]}] "{_quote(row["quote"])}"'
    )


MESSAGES = {
    "overlapping_statistics": "These figures may count the same cases (same measure, intersecting periods, different "
    "institutions{caveat}); do not add them up: {items}",
    "conflicting_values": "The same institution gives different values for the same measure, breakdown and period: "
    "{items}",
    "conflicting_event_dates": "The same event is given different dates: {items}",
    "restated_statistic": "This figure restates one already stated; count it once: {items}",
    "subperiod_exceeds_period": "A figure for a sub-period is larger than the same institution's figure for the "
    "enclosing period: {items}",
    "cumulative_decreased": "A running total is smaller in a later cable: {items}",
    "parts_exceed_total": "The parts add up to more than their total: {items}",
    "parts_do_not_sum": "The parts stated do not add up to their total: {items}",
}


def _finding(check_name: str, severity: str, ids: list[str], cable_id: str | None, message: str) -> Finding:
    digest = hashlib.sha256("|".join([check_name, *sorted(ids)]).encode()).hexdigest()[:16]
    return Finding(f"fnd-{digest}", check_name, severity, cable_id, tuple(ids), message)


def _rows_named(outcome: SuiteOutcome, frame: pd.DataFrame, id_column: str) -> dict:
    """The rows findings describe, by id: those some expectation flagged, and the rows they point at (the figure
    restated or enclosing, the parts of a total). Only these become dicts: a whole frame of 60,000 figures
    takes seconds to convert."""
    import pandas as pd  # imported where the suites run, not by the code location (tests/test_build_memory.py)

    flagged = {i for result in outcome.flagged for i in result.unexpected_ids}
    offending = frame[frame[id_column].isin(flagged)]
    named = set(flagged)
    for column in PAIR_COLUMNS.values():
        if column in offending:
            named.update(offending[column].dropna())
    if "part_ids" in offending:
        for part_ids in offending["part_ids"]:
            if pd.api.types.is_list_like(part_ids):
                named.update(part_ids)
    rows = frame[frame[id_column].isin(named)]
    # through Arrow: pandas' to_dict boxes every value in Python (2.4 s for the 56,000 rows that 28,000
    # restatements of a 25,000-cable warehouse name, against well under one through Arrow); the same values
    # (a missing one is None either way for the fields the messages read: tests/test_findings_fixtures.py)
    import pyarrow as pa

    return {row[id_column]: row for row in pa.Table.from_pandas(rows, preserve_index=False).to_pylist()}


def findings_from_outcome(outcome: SuiteOutcome, frame: pd.DataFrame, id_column: str) -> list[Finding]:
    """One finding per offending group, pair or row of each expectation the frame broke."""
    rows = _rows_named(outcome, frame, id_column)
    describe = DESCRIBE.get(id_column) or describe_event
    findings: list[Finding] = []
    # every expectation that flagged rows, whether or not their share failed it (`mostly`)
    for result in outcome.flagged:
        check_name = result.meta.get("check_name", result.expectation)
        severity = result.meta.get("severity", "error")
        offending = [rows[i] for i in result.unexpected_ids if i in rows]
        if check_name in GROUP_COLUMNS:
            groups: dict[str, list] = defaultdict(list)
            for row in offending:
                groups[row[GROUP_COLUMNS[check_name]]].append(row)
            for members in groups.values():
                members.sort(key=lambda r: r[id_column])
                caveat = (
                    ", under the cable's caveat that its statistics may overlap"
                    if any(r.get("under_caveat") is True for r in members)
                    else ""
                )
                message = MESSAGES[check_name].format(caveat=caveat, items="; ".join(describe(r) for r in members))
                cables = sorted({r["cable_id"] for r in members})
                findings.append(
                    _finding(
                        check_name,
                        severity,
                        [r[id_column] for r in members],
                        cables[0] if len(cables) == 1 else None,
                        message,
                    )
                )
        elif check_name in PAIR_COLUMNS:
            for row in offending:
                other = rows.get(row[PAIR_COLUMNS[check_name]])
                members = [other, row] if other is not None else [row]
                message = MESSAGES[check_name].format(items=" then ".join(describe(r) for r in members))
                findings.append(
                    _finding(check_name, severity, [r[id_column] for r in members], row["cable_id"], message)
                )
        elif check_name in ("parts_exceed_total", "parts_do_not_sum"):
            for row in offending:
                part_ids = row.get("part_ids")
                parts = [rows[i] for i in (list(part_ids) if part_ids is not None else []) if i in rows]
                total = sum(float(p["value"]) for p in parts)
                items = f"total {describe(row)}; parts summing to {total:g}: " + "; ".join(
                    f"{p['value_text']} [{p[id_column]}]" for p in parts
                )
                findings.append(
                    _finding(
                        check_name,
                        severity,
                        [row[id_column]] + [p[id_column] for p in parts],
                        row["cable_id"],
                        MESSAGES[check_name].format(items=items),
                    )
                )
        elif check_name in ("rejected_metric", "rejected_event"):
            for row in offending:
                message = f"set aside ({row['rejection_rule']}): {row['rejection_message']}: {_quote(row['quote'])!r}"
                findings.append(_finding(check_name, severity, [row[id_column]], row["cable_id"], message))
        else:
            for row in offending:
                message = f"{check_name.replace('_', ' ')} ({result.expectation} on {result.column}): {describe(row)}"
                findings.append(_finding(check_name, severity, [row[id_column]], row["cable_id"], message))
    return findings


def replace_findings(
    con: duckdb.DuckDBPyConnection, check_names: list[str], findings: list[Finding], now: dt.datetime | None = None
) -> None:
    """Make the findings of these checks the new ones, in one transaction.

    Only what changed is written: a finding that holds as it was keeps its row and the time it was first
    detected; one that no longer holds, or now reads differently, goes; a new one comes in at `now`. (Writing
    every finding again cost 0.4-0.6 s at 25,000 cables, whose 28,000 restatements change rarely.)"""
    import pyarrow as pa

    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(DDL)
    unique = list({finding.finding_id: finding for finding in findings}.values())
    # one Arrow table: executemany is a statement per row (28,000 findings took about 20 s)
    rows = pa.table(
        {
            "finding_id": pa.array([f.finding_id for f in unique], type=pa.string()),
            "check_name": pa.array([f.check_name for f in unique], type=pa.string()),
            "severity": pa.array([f.severity for f in unique], type=pa.string()),
            "cable_id": pa.array([f.cable_id for f in unique], type=pa.string()),
            "subject_ids": pa.array([list(f.subject_ids) for f in unique], type=pa.list_(pa.string())),
            "message": pa.array([f.message for f in unique], type=pa.string()),
        }
    )
    con.register("new_findings", rows)
    try:
        con.execute("begin transaction")
        con.execute(
            "delete from quality.findings f where check_name in (select unnest(?::varchar[])) and not exists ("
            "select 1 from new_findings n where n.finding_id = f.finding_id and n.check_name = f.check_name "
            "and n.severity = f.severity and n.cable_id is not distinct from f.cable_id "
            "and n.subject_ids = f.subject_ids and n.message = f.message)",
            [check_names],
        )
        con.execute(
            "insert into quality.findings select finding_id, check_name, severity, cable_id, subject_ids, message, "
            "?::timestamp from new_findings where finding_id not in (select finding_id from quality.findings)",
            [now],
        )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.unregister("new_findings")


def evaluate_suite(
    con: duckdb.DuckDBPyConnection, suite_module, suite: gx.ExpectationSuite, name: str, validity: bool = False
) -> tuple[SuiteOutcome, list[Finding]]:
    """Validate the frame of the suite module's query (its validity query with `validity`) and derive findings."""
    query, prepare = (
        (suite_module.VALIDITY_QUERY, suite_module.prepare_validity)
        if validity
        else (suite_module.QUERY, suite_module.prepare)
    )
    frame = prepare(query_frame(con, query))
    checked = checked_columns(suite, suite_module.ID_COLUMN)
    # GX sees only the columns its expectations read (and the ids): the same results, without escaping and
    # copying every quote of 150,000 figures; the findings describe rows from the whole frame
    validated = frame[[c for c in frame.columns if c in checked]] if checked else frame
    outcome = validate_frame(suite, name, validated, id_column=suite_module.ID_COLUMN)
    return outcome, findings_from_outcome(outcome, frame, suite_module.ID_COLUMN)


def query_frame(con: duckdb.DuckDBPyConnection, query: str) -> pd.DataFrame:
    """The frame DuckDB's `.df()` gives for `query` (same values, same dtypes), read through Arrow.

    `.df()` makes a Python string of every text value, which pandas 3 then turns into Arrow strings again: at
    25,000 cables, 2.4 s of the checks' 4.3 s in the suites' queries, against 0.8 s through Arrow. Arrow's own
    conversion differs from `.df()` in a few types, set as `.df()` has them: dates (datetime64[us], not
    datetime64[ms]), integers and booleans with nulls (pandas' nullable types, not float64 or objects), decimals
    (float64), lists with nulls (pd.NA for a null), text columns with no value, or in no row (objects, not strings)."""
    import pandas as pd
    import pyarrow as pa

    table = con.execute(query).arrow().read_all()
    frame = table.to_pandas(date_as_object=False)
    for field in table.schema:
        kind, nulls, column = field.type, table.column(field.name).null_count, frame[field.name]
        if pa.types.is_date(kind) or (pa.types.is_timestamp(kind) and kind.tz is None):
            frame[field.name] = column.astype("datetime64[us]")
        elif pa.types.is_decimal(kind):
            frame[field.name] = column.astype("float64")
        elif (pa.types.is_string(kind) or pa.types.is_large_string(kind)) and nulls == len(table):
            frame[field.name] = pd.Series([None] * len(table), dtype=object, index=frame.index)
        elif not nulls:
            continue
        elif pa.types.is_integer(kind):
            frame[field.name] = column.astype(str(kind).replace("int", "Int").replace("uInt", "UInt"))
        elif pa.types.is_boolean(kind):
            frame[field.name] = column.astype("boolean")
        elif pa.types.is_list(kind) or pa.types.is_large_list(kind):
            frame[field.name] = column.astype(object).where(column.notna(), pd.NA)
    return frame


# the arguments of an expectation that name the columns it reads
COLUMN_ARGUMENTS = ("column", "column_A", "column_B")


def checked_columns(suite: gx.ExpectationSuite, id_column: str) -> set[str] | None:
    """The columns the suite's expectations read, with the id column; None when one reads more (a column list,
    a whole row), so that the whole frame must be validated."""
    columns = {id_column}
    for expectation in suite.expectations:
        arguments = expectation.configuration.kwargs
        if "column_list" in arguments or not any(name in arguments for name in COLUMN_ARGUMENTS):
            return None
        columns.update(arguments[name] for name in COLUMN_ARGUMENTS if name in arguments)
    return columns


def suite_check_names(suite: gx.ExpectationSuite) -> list[str]:
    """The finding categories a suite's expectations stand for."""
    return [expectation.meta["check_name"] for expectation in suite.expectations]
