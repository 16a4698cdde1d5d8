"""Small fixture warehouses for the quality suites: two cables, hand-made facts, real dbt models.

The cables go through the real parser and ingestion; the facts are written straight into the
`extracted` schema (so the test does not depend on the extractors), each pointing at the span
of its figure in the raw text; then the real dbt project builds every model.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from orchestration.warehouse.raw_store import ingest_folder
from tests.conftest import ROOT

HEADER = """{cable_id}
FIXTURE REPORT {cable_id}
{header_date}
UNCLASSIFIED
Embassy Fixtureland
VZCZCXRO0001
OO RUEHC
DE RUEHXX #0001 0640115
ZNR UUUUU ZZH
O {dtg}
FM AMEMBASSY FIXTURELAND
TO RUEHC/SECSTATE WASHDC IMMEDIATE 0001
INFO RUEHXX/AMEMBASSY ELSEWHERE 0002UNCLAS FIXTURELAND 000001
 
SIPDIS
 
E.O. 12958: N/A
TAGS: KTIP
SUBJECT: FIXTURE REPORT {cable_id}
 
"""


@dataclass
class Metric:
    """A hand-made fact: the sentence it sits in and the figure as written."""

    section: str
    quote: str
    value_text: str
    value: float
    measure: str
    source_org: str | None = None
    period: tuple[str, str] | None = None
    breakdown: list[str] = field(default_factory=list)
    cumulative: bool = False
    parent: int | None = None  # index of the total within the same cable's list
    span_text: str | None = None  # where the span points, when a test plants a wrong one (default: value_text)


@dataclass
class Event:
    """A hand-made event fact."""

    section: str
    quote: str
    date: str
    precision: str
    event_type: str
    law: str | None = None
    span_quote: str | None = None  # the sentence the span covers, when a test plants a wrong one


@dataclass
class FixtureCable:
    """A cable of the fixture: its paragraphs, facts and the organizations and laws it names."""

    cable_id: str
    header_date: str
    dtg: str
    paragraphs: dict[str, list[str]]
    metrics: list[Metric] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    organizations: list[tuple[str, str]] = field(default_factory=list)  # (name, org_type)
    laws: list[str] = field(default_factory=list)

    def text(self) -> str:
        body = "".join(f"{label}. (SBU) {' '.join(sentences)}\n \n" for label, sentences in self.paragraphs.items())
        return HEADER.format(cable_id=self.cable_id, header_date=self.header_date, dtg=self.dtg) + body + "SIGNER\n"


def _span(raw: str, quote: str, needle: str) -> tuple[int, int]:
    start = raw.index(quote) + quote.index(needle)
    return start + 1, start + 1 + len(needle)


def _write_facts(con: duckdb.DuckDBPyConnection, cable: FixtureCable) -> None:
    raw = con.execute("select raw_text from raw.cable_texts where cable_id = ?", [cable.cable_id]).fetchone()[0]
    for index, m in enumerate(cable.metrics):
        start, end = _span(raw, m.quote, m.span_text or m.value_text)
        con.execute(
            "insert into extracted.metrics (cable_id, metric_index, section, paragraph_ordinal, value, value_text, "
            "measure, unit, source_org, period_start, period_end, breakdown, is_cumulative, parent_index, "
            "tip_context, quote, char_start, char_end) "
            "values (?, ?, ?, 1, ?, ?, ?, 'persons', ?, ?, ?, ?, ?, ?, true, ?, ?, ?)",
            [
                cable.cable_id,
                index,
                m.section,
                m.value,
                m.value_text,
                m.measure,
                m.source_org,
                m.period[0] if m.period else None,
                m.period[1] if m.period else None,
                m.breakdown,
                m.cumulative,
                m.parent,
                m.quote,
                start,
                end,
            ],
        )
    for index, e in enumerate(cable.events):
        start, end = _span(raw, e.span_quote or e.quote, e.span_quote or e.quote)
        con.execute(
            "insert into extracted.events (cable_id, event_index, section, paragraph_ordinal, event_date, "
            "date_precision, event_type, actors, law, subject, tip_context, quote, char_start, char_end) "
            "values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)",
            [
                cable.cable_id,
                index,
                e.section,
                e.date,
                e.precision,
                e.event_type,
                [],
                e.law,
                e.law,
                e.quote,
                start,
                end,
            ],
        )
    for index, (name, org_type) in enumerate(cable.organizations):
        start, end = _span(raw, name, name)
        con.execute(
            "insert into extracted.organization_mentions values (?, ?, ?, null, ?, 'Fixtureland', ?, null, ?, ?)",
            [cable.cable_id, index, name, org_type, name, start, end],
        )
    for index, name in enumerate(cable.laws):
        start, end = _span(raw, name, name)
        con.execute(
            "insert into extracted.law_mentions values (?, ?, ?, ?, null, 'Fixtureland', [], null, ?, ?)",
            [cable.cable_id, index, name, name, start, end],
        )


def build_fixture_warehouse(tmp: Path, cables: list[FixtureCable]) -> Path:
    """Ingest the cables, write their facts, run `dbt build`; return the warehouse path."""
    folder = tmp / "cables"
    folder.mkdir(parents=True)
    for cable in cables:
        (folder / f"{cable.cable_id}.txt").write_text(cable.text())
    warehouse = tmp / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        report = ingest_folder(con, folder, extract=False)
        assert report.quarantined == [], report.quarantined
        for cable in cables:
            _write_facts(con, cable)
    dbt_dir = ROOT / "dbt_project"
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            "build",
            "--quiet",
            "--project-dir",
            str(dbt_dir),
            "--profiles-dir",
            str(dbt_dir),
            "--target-path",
            str(tmp / "dbt_target"),
            "--log-path",
            str(tmp / "dbt_logs"),
        ],
        cwd=dbt_dir,
        env={**os.environ, "WAREHOUSE_PATH": str(warehouse)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return warehouse
