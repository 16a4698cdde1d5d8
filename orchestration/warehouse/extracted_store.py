"""The `extracted` schema: facts from the extraction library, refreshed per changed cable.

A cable is re-extracted when its content hash or the extraction code changed since its last
extraction; its rows are replaced in one transaction. Spans are stored 1-based, end exclusive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from orchestration.cables.extract.events import extract_events
from orchestration.cables.extract.laws import extract_laws
from orchestration.cables.extract.metrics import extract_metrics
from orchestration.cables.extract.organizations import extract_organizations
from orchestration.cables.model import Cable
from orchestration.cables.parser import parse_cable

LIBRARY = Path(__file__).resolve().parents[1] / "cables"

DDL = """
create schema if not exists extracted;
create table if not exists extracted.organization_mentions (
    cable_id varchar not null,
    mention_index integer not null,
    name varchar not null,
    acronym varchar,
    org_type varchar not null,
    country varchar,
    surface varchar not null,
    section varchar,
    char_start integer not null,
    char_end integer not null,
    primary key (cable_id, mention_index)
);
create table if not exists extracted.law_mentions (
    cable_id varchar not null,
    mention_index integer not null,
    name varchar not null,
    surface varchar not null,
    enacted_date date,
    country varchar,
    articles varchar[],
    section varchar,
    char_start integer not null,
    char_end integer not null,
    primary key (cable_id, mention_index)
);
create table if not exists extracted.metrics (
    cable_id varchar not null,
    metric_index integer not null,
    section varchar,
    paragraph_ordinal integer not null,
    value double not null,
    value_text varchar not null,
    measure varchar not null,
    unit varchar,
    source_org varchar,
    period_start date,
    period_end date,
    breakdown varchar[],
    is_cumulative boolean not null,
    parent_index integer,
    quote varchar not null,
    char_start integer not null,
    char_end integer not null,
    primary key (cable_id, metric_index)
);
create table if not exists extracted.events (
    cable_id varchar not null,
    event_index integer not null,
    section varchar,
    paragraph_ordinal integer not null,
    event_date date not null,
    date_precision varchar not null,
    event_type varchar not null,
    actors varchar[],
    law varchar,
    quote varchar not null,
    char_start integer not null,
    char_end integer not null,
    primary key (cable_id, event_index)
);
create table if not exists extracted.extraction_errors (
    cable_id varchar not null,
    content_sha256 varchar not null,
    extractor_version varchar not null,
    error varchar not null,
    detected_at timestamp not null
);
create table if not exists extracted.extraction_state (
    cable_id varchar primary key,
    content_sha256 varchar not null,
    extractor_version varchar not null,
    extracted_at timestamp not null
);
"""

FACT_TABLES = ("organization_mentions", "law_mentions", "metrics", "events")


def extractor_version() -> str:
    """A digest of the extraction library's code and lists: a change re-extracts every cable."""
    digest = hashlib.sha256()
    for path in sorted(LIBRARY.rglob("*")):
        if path.suffix in (".py", ".csv") and path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    for path in sorted((LIBRARY.parents[1] / "dbt_project" / "seeds").glob("*.csv")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class ExtractionReport:
    """What one extraction pass did."""

    extracted: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _rows(cable: Cable) -> dict[str, list[tuple]]:
    organizations = extract_organizations(cable)
    laws = extract_laws(cable)
    metrics = extract_metrics(cable, organizations)
    events = extract_events(cable)
    return {
        "organization_mentions": [
            (
                cable.cable_id,
                i,
                m.name,
                m.acronym,
                m.org_type,
                m.country,
                m.surface,
                m.section,
                m.char_start + 1,
                m.char_end + 1,
            )
            for i, m in enumerate(organizations)
        ],
        "law_mentions": [
            (
                cable.cable_id,
                i,
                m.name,
                m.surface,
                m.enacted_date,
                m.country,
                list(m.articles),
                m.section,
                m.char_start + 1,
                m.char_end + 1,
            )
            for i, m in enumerate(laws)
        ],
        "metrics": [
            (
                cable.cable_id,
                i,
                m.section,
                m.paragraph_ordinal,
                float(m.value),
                m.value_text,
                m.measure,
                m.unit,
                m.source_org,
                m.period_start,
                m.period_end,
                list(m.breakdown),
                bool(m.is_cumulative),
                m.parent_index,
                m.quote,
                m.char_start + 1,
                m.char_end + 1,
            )
            for i, m in enumerate(metrics)
        ],
        "events": [
            (
                cable.cable_id,
                i,
                e.section,
                e.paragraph_ordinal,
                e.event_date,
                e.date_precision,
                e.event_type,
                list(e.actors),
                e.law,
                e.quote,
                e.char_start + 1,
                e.char_end + 1,
            )
            for i, e in enumerate(events)
        ],
    }


def extract_changed(
    con: duckdb.DuckDBPyConnection,
    now: dt.datetime | None = None,
    log: Callable[[str], None] = print,
    force: bool = False,
) -> ExtractionReport:
    """Extract facts for every raw cable whose text or the extractor changed (every cable with
    `force`); drop the facts of removed cables."""
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(DDL)
    version = extractor_version()
    report = ExtractionReport()
    state = {
        cable_id: (digest, extracted_version)
        for cable_id, digest, extracted_version in con.execute(
            "select cable_id, content_sha256, extractor_version from extracted.extraction_state"
        ).fetchall()
    }
    texts = con.execute("select cable_id, content_sha256, raw_text from raw.cable_texts order by cable_id").fetchall()
    present = {cable_id for cable_id, _, _ in texts}
    for cable_id in sorted(set(state) - present):
        con.execute("begin transaction")
        for table in FACT_TABLES + ("extraction_state", "extraction_errors"):
            con.execute(f"delete from extracted.{table} where cable_id = ?", [cable_id])
        con.execute("commit")
        report.removed.append(cable_id)
    for cable_id, digest, raw_text in texts:
        if state.get(cable_id) == (digest, version) and not force:
            report.unchanged += 1
            continue
        try:
            rows = _rows(parse_cable(raw_text))
        except Exception as error:  # one cable's extraction bug must not stop the others
            log(f"extraction failed for {cable_id}: {error!r}; its previous facts are kept")
            report.failed.append((cable_id, repr(error)))
            con.execute("delete from extracted.extraction_errors where cable_id = ?", [cable_id])
            con.execute(
                "insert into extracted.extraction_errors values (?, ?, ?, ?, ?)",
                [cable_id, digest, version, repr(error), now],
            )
            continue
        con.execute("begin transaction")
        try:
            for table in FACT_TABLES:
                con.execute(f"delete from extracted.{table} where cable_id = ?", [cable_id])
                if rows[table]:
                    placeholders = ", ".join("?" * len(rows[table][0]))
                    con.executemany(f"insert into extracted.{table} values ({placeholders})", rows[table])
            con.execute(
                "insert or replace into extracted.extraction_state values (?, ?, ?, ?)",
                [cable_id, digest, version, now],
            )
            con.execute("delete from extracted.extraction_errors where cable_id = ?", [cable_id])
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
        report.extracted.append(cable_id)
    for table in FACT_TABLES:
        report.counts[table] = con.execute(f"select count(*) from extracted.{table}").fetchone()[0]
    return report
