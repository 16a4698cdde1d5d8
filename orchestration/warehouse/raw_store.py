"""The `raw` schema: verbatim cable files and their parsed records, loaded incrementally.

Offsets stored in the warehouse are 1-based with an exclusive end, so that
`substr(raw_text, char_start, char_end - char_start)` shows the span in SQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from orchestration.cables.model import Cable, CableParseError
from orchestration.cables.parser import decode_cable, parse_cable

CABLE_GLOB = "*.txt"

DDL = """
create schema if not exists raw;
create table if not exists raw.cable_texts (
    cable_id varchar primary key,
    source_file varchar not null unique,
    content_sha256 varchar not null,
    byte_length bigint not null,
    raw_bytes blob not null,
    raw_text varchar not null,
    loaded_at timestamp not null
);
create table if not exists raw.cables (
    cable_id varchar primary key,
    subject varchar not null,
    header_date_local timestamp not null,
    header_utc_offset varchar not null,
    sent_at timestamp not null,
    classification varchar not null,
    origin varchar not null,
    transmission_id varchar,
    precedence varchar,
    date_time_group varchar,
    from_station varchar,
    section_count integer not null,
    caveats varchar[],
    eo_line varchar,
    tags varchar[],
    body_subject varchar,
    signer varchar,
    reporting_period_start date,
    reporting_period_end date,
    source_file varchar not null,
    content_sha256 varchar not null,
    loaded_at timestamp not null
);
create table if not exists raw.paragraphs (
    cable_id varchar not null,
    ordinal integer not null,
    label varchar,
    section varchar,
    classification_mark varchar,
    heading varchar,
    text varchar not null,
    char_start integer not null,
    char_end integer not null,
    primary key (cable_id, ordinal)
);
create table if not exists raw.references (
    cable_id varchar not null,
    position integer not null,
    referenced_cable_id varchar not null,
    primary key (cable_id, referenced_cable_id)
);
create table if not exists raw.recipients (
    cable_id varchar not null,
    role varchar not null,
    position integer not null,
    routing_indicator varchar,
    name varchar not null,
    precedence varchar,
    primary key (cable_id, role, position)
);
create table if not exists raw.glossary (
    cable_id varchar not null,
    acronym varchar not null,
    expansion varchar not null,
    origin varchar not null
);
create table if not exists raw.quarantine (
    source_file varchar not null,
    content_sha256 varchar not null,
    kind varchar not null,
    reason varchar not null,
    detected_at timestamp not null,
    primary key (source_file, content_sha256)
);
create table if not exists raw.ingest_log (
    logged_at timestamp not null,
    action varchar not null,
    source_file varchar not null,
    cable_id varchar,
    content_sha256 varchar,
    detail varchar
);
"""

# tables holding one cable's parsed rows, cleared together when the cable is replaced
CABLE_TABLES = ("cable_texts", "cables", "paragraphs", "references", "recipients", "glossary")


@dataclass
class IngestReport:
    """What one ingestion pass did."""

    loaded: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # (source_file, reason)

    @property
    def changed_cable_ids(self) -> list[str]:
        """Cables whose rows were written or removed by this pass."""
        return sorted(set(self.loaded + self.replaced + self.removed))


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw schema's tables if they do not exist."""
    con.execute(DDL)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(data).hexdigest()


def _delete_cable(con: duckdb.DuckDBPyConnection, cable_id: str) -> None:
    for table in CABLE_TABLES:
        con.execute(f'delete from raw."{table}" where cable_id = ?', [cable_id])


def _insert_cable(
    con: duckdb.DuckDBPyConnection,
    cable: Cable,
    source_file: str,
    data: bytes,
    text: str,
    digest: str,
    now: dt.datetime,
) -> None:
    offset = cable.header_date.strftime("%z")
    con.execute(
        "insert into raw.cable_texts values (?, ?, ?, ?, ?, ?, ?)",
        [cable.cable_id, source_file, digest, len(data), data, text, now],
    )
    con.execute(
        "insert into raw.cables values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            cable.cable_id,
            cable.subject,
            cable.header_date.replace(tzinfo=None),
            offset,
            cable.sent_at,
            cable.classification,
            cable.origin,
            cable.transmission_id,
            cable.precedence,
            cable.date_time_group,
            cable.from_station,
            cable.section_count,
            cable.caveats,
            cable.eo_line,
            cable.tags,
            cable.body_subject,
            cable.signer,
            cable.reporting_period_start,
            cable.reporting_period_end,
            source_file,
            digest,
            now,
        ],
    )
    rows = [
        (
            cable.cable_id,
            p.ordinal,
            p.label,
            p.section,
            p.classification_mark,
            p.heading,
            p.text,
            p.char_start + 1,
            p.char_end + 1,
        )
        for p in cable.paragraphs
    ]
    con.executemany("insert into raw.paragraphs values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    if cable.references:
        con.executemany(
            "insert into raw.references values (?, ?, ?)",
            [(cable.cable_id, i, ref) for i, ref in enumerate(cable.references, start=1)],
        )
    if cable.recipients:
        con.executemany(
            "insert into raw.recipients values (?, ?, ?, ?, ?, ?)",
            [(cable.cable_id, r.role, r.position, r.routing_indicator, r.name, r.precedence) for r in cable.recipients],
        )
    if cable.glossary:
        con.executemany(
            "insert into raw.glossary values (?, ?, ?, ?)",
            [(cable.cable_id, g.acronym, g.expansion, g.origin) for g in cable.glossary],
        )


def _quarantine(
    con: duckdb.DuckDBPyConnection, source_file: str, digest: str, kind: str, reason: str, now: dt.datetime
) -> bool:
    """Record a file that cannot be loaded; False when that very content was already recorded."""
    inserted = con.execute(
        "insert into raw.quarantine values (?, ?, ?, ?, ?) on conflict do nothing returning source_file",
        [source_file, digest, kind, reason, now],
    ).fetchall()
    if inserted:
        con.execute(
            "insert into raw.ingest_log values (?, 'quarantined', ?, null, ?, ?)", [now, source_file, digest, reason]
        )
    return bool(inserted)


def ingest_folder(
    con: duckdb.DuckDBPyConnection, folder: Path, now: dt.datetime | None = None, force: bool = False
) -> IngestReport:
    """Bring the raw schema in line with the cable files of `folder`.

    A file already loaded with the same hash is skipped; a changed file replaces its cable's
    rows in one transaction; a removed file removes its cable's rows; a file that cannot be
    parsed, or that repeats a cable id loaded from another file, gets a quarantine row and
    leaves whatever was loaded before untouched. `force` re-parses every file (after a parser
    change) and rewrites its rows.
    """
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    ensure_schema(con)
    report = IngestReport()
    loaded = {
        source: (cable_id, digest)
        for source, cable_id, digest in con.execute(
            "select source_file, cable_id, content_sha256 from raw.cable_texts"
        ).fetchall()
    }
    known_bad = {
        (source, digest)
        for source, digest in con.execute(
            "select source_file, content_sha256 from raw.quarantine where kind = 'unparseable'"
        ).fetchall()
    }
    paths = sorted(path for path in folder.glob(CABLE_GLOB) if path.is_file() and not path.name.startswith("."))
    present = {path.name for path in paths}
    for source_file in sorted(set(loaded) - present):
        cable_id, digest = loaded.pop(source_file)
        con.execute("begin transaction")
        _delete_cable(con, cable_id)
        con.execute(
            "insert into raw.ingest_log values (?, 'removed', ?, ?, ?, 'file no longer in the folder')",
            [now, source_file, cable_id, digest],
        )
        con.execute("commit")
        report.removed.append(cable_id)
    owners = {cable_id: source for source, (cable_id, _) in loaded.items()}
    current: list[tuple[str, str]] = []
    for path in paths:
        source_file = path.name
        try:
            data = path.read_bytes()
        except OSError:  # vanished or unreadable between listing and reading: next pass retries
            continue
        digest = sha256(data)
        current.append((source_file, digest))
        previous = loaded.get(source_file)
        if previous and previous[1] == digest and not force:
            report.unchanged += 1
            continue
        if (source_file, digest) in known_bad:
            continue
        try:
            text = decode_cable(data)
            cable = parse_cable(text)
        except CableParseError as error:
            reason = str(error) + ("; the previously loaded version is kept" if previous else "")
            _quarantine(con, source_file, digest, "unparseable", reason, now)
            report.quarantined.append((source_file, reason))
            continue
        owner = owners.get(cable.cable_id)
        if owner and owner != source_file:
            reason = f"duplicate cable id {cable.cable_id}: already loaded from {owner}"
            if _quarantine(con, source_file, digest, "duplicate", reason, now):
                report.quarantined.append((source_file, reason))
            continue
        con.execute("begin transaction")
        try:
            if previous:
                _delete_cable(con, previous[0])
                owners.pop(previous[0], None)
            _insert_cable(con, cable, source_file, data, text, digest, now)
            con.execute("delete from raw.quarantine where source_file = ?", [source_file])
            action = "replaced" if previous else "loaded"
            con.execute(
                "insert into raw.ingest_log values (?, ?, ?, ?, ?, null)",
                [now, action, source_file, cable.cable_id, digest],
            )
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
        owners[cable.cable_id] = source_file
        loaded[source_file] = (cable.cable_id, digest)
        (report.replaced if previous else report.loaded).append(cable.cable_id)
    # quarantine describes the folder as it is: drop rows of files gone or rewritten since
    con.execute(
        "delete from raw.quarantine where (source_file || '/' || content_sha256) not in (select unnest(?::varchar[]))",
        [[f"{source}/{digest}" for source, digest in current]],
    )
    return report
