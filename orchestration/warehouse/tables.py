"""The tables Python writes (`raw`, `extracted`): one definition gives their DDL and the Arrow schema
in which extraction workers hand their rows to the one writer.

Offsets stored in the warehouse are 1-based with an exclusive end, so that
`substr(raw_text, char_start, char_end - char_start)` shows the span in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pyarrow as pa

# bump when a table below changes shape: an older warehouse is then rebuilt from its input, unless
# MIGRATIONS below brings it up to date in place
SCHEMA_VERSION = 6

_ARROW_TYPES = {
    "varchar": pa.string(),
    "integer": pa.int32(),
    "bigint": pa.int64(),
    "double": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "blob": pa.binary(),
    "varchar[]": pa.list_(pa.string()),
}


@dataclass(frozen=True)
class Table:
    """A warehouse table written from Python: columns as `name type [not null]`, and its key.

    The key is a DuckDB primary key only with `key_index`. Without it, the loader checks the key of every row it
    writes (load.check_keys): DuckDB appends to a table with an index by growing its last row group, and the
    next checkpoint rewrites that whole group. For `raw.cable_versions`, whose 25,000 texts (about 520 MB) sit
    in one group, that was 2.4 s for every cable added."""

    schema: str
    name: str
    columns: tuple[str, ...]
    primary_key: tuple[str, ...] = ()
    key_index: bool = False

    @property
    def qualified(self) -> str:
        """`schema."name"` for SQL."""
        return f'{self.schema}."{self.name}"'

    @property
    def column_names(self) -> list[str]:
        """Names of the columns, in order."""
        return [column.split()[0] for column in self.columns]

    def ddl(self) -> str:
        """`create table if not exists` for this table."""
        key = f",\n    primary key ({', '.join(self.primary_key)})" if self.primary_key and self.key_index else ""
        body = ",\n    ".join(self.columns)
        return f"create table if not exists {self.qualified} (\n    {body}{key}\n);"

    def arrow_schema(self) -> pa.Schema:
        """The Arrow schema of this table's rows."""
        fields = []
        for column in self.columns:
            name, kind, *rest = column.split()
            fields.append(pa.field(name, _ARROW_TYPES[kind], nullable="not" not in rest))
        return pa.schema(fields)

    def arrow_table(self, rows: list[tuple]) -> pa.Table:
        """Rows (tuples in column order) as an Arrow table."""
        schema = self.arrow_schema()
        columns = list(zip(*rows, strict=True)) if rows else [[] for _ in schema]
        return pa.Table.from_arrays(
            [pa.array(list(c), type=f.type) for c, f in zip(columns, schema, strict=True)], schema=schema
        )


RAW = {
    "cable_versions": Table(
        "raw",
        "cable_versions",
        (
            "source_key varchar not null",  # the file's path in CABLES_DIR, with `#<row>` for a row of a CSV file
            "cable_id varchar not null",
            "source_file varchar not null",
            "source_row bigint",
            "source_format varchar not null",
            "encoding varchar not null",
            "content_sha256 varchar not null",
            "byte_length bigint not null",
            "raw_bytes blob not null",
            "raw_text varchar not null",
            "section_count integer not null",
            "is_published boolean not null",  # the version of the cable the warehouse shows (see duplicates)
            "loaded_at timestamp not null",
        ),
        ("source_key",),
    ),
    "cables": Table(
        "raw",
        "cables",
        (
            "cable_id varchar not null",
            "subject varchar",
            "header_date_local timestamp not null",
            "header_utc_offset varchar not null",
            "sent_at timestamp not null",
            "classification varchar not null",
            "origin varchar not null",
            "transmission_id varchar",
            "precedence varchar",
            "date_time_group varchar",
            "from_station varchar",
            "section_count integer not null",
            "caveats varchar[]",
            "eo_line varchar",
            "tags varchar[]",
            "body_subject varchar",
            "signer varchar",
            "signers varchar[]",
            "reporting_period_start date",
            "reporting_period_end date",
            "source_key varchar not null",
            "source_file varchar not null",
            "source_format varchar not null",
            "encoding varchar not null",
            "content_sha256 varchar not null",
            "loaded_at timestamp not null",
        ),
        ("cable_id",),
    ),
    "paragraphs": Table(
        "raw",
        "paragraphs",
        (
            "cable_id varchar not null",
            "ordinal integer not null",
            "label varchar",
            "section varchar",
            "classification_mark varchar",
            "heading varchar",
            "text varchar not null",
            "char_start integer not null",
            "char_end integer not null",
        ),
        ("cable_id", "ordinal"),
    ),
    "references": Table(
        "raw",
        "references",
        ("cable_id varchar not null", "position integer not null", "referenced_cable_id varchar not null"),
        ("cable_id", "referenced_cable_id"),
    ),
    "non_cable_references": Table(
        "raw",
        "non_cable_references",
        ("cable_id varchar not null", "position integer not null", "text varchar not null"),
        ("cable_id", "position"),
    ),
    "recipients": Table(
        "raw",
        "recipients",
        (
            "cable_id varchar not null",
            "role varchar not null",
            "position integer not null",
            "routing_indicator varchar",
            "name varchar not null",
            "precedence varchar",
        ),
        ("cable_id", "role", "position"),
    ),
    "glossary": Table(
        "raw",
        "glossary",
        (
            "cable_id varchar not null",
            "acronym varchar not null",
            "expansion varchar not null",
            "origin varchar not null",
        ),
    ),
    "quarantine": Table(
        "raw",
        "quarantine",
        (
            "source_key varchar not null",
            "source_file varchar not null",
            "content_sha256 varchar not null",
            "kind varchar not null",  # unparseable, unreadable, refused
            "reason varchar not null",
            "detected_at timestamp not null",
        ),
        ("source_key", "content_sha256"),
        key_index=True,
    ),
    "ingest_log": Table(
        "raw",
        "ingest_log",
        (
            "logged_at timestamp not null",
            "build_id varchar",
            "action varchar not null",  # loaded, replaced, removed, quarantined, duplicate
            "source_file varchar not null",
            "source_key varchar",
            "cable_id varchar",
            "content_sha256 varchar",
            "detail varchar",
        ),
    ),
    "ingest_runs": Table(
        "raw",
        "ingest_runs",
        (
            "build_id varchar not null",
            "finished_at timestamp not null",
            "inputs bigint not null",
            "loaded bigint not null",
            "replaced bigint not null",
            "unchanged bigint not null",
            "quarantined bigint not null",
            "removed bigint not null",
            "duplicates bigint not null",
            "extracted bigint not null",
            "extraction_failures bigint not null",
        ),
    ),
    # cables whose shown rows changed since dbt last built the models: the load step adds them, the dbt
    # asset empties it once dbt has built them (incremental models rebuild only these cables' rows)
    # (`insert or ignore` needs its key indexed)
    "cables_changed": Table("raw", "cables_changed", ("cable_id varchar not null",), ("cable_id",), key_index=True),
}

# the tables holding the published version of a cable, replaced together
CABLE_TABLES = ("cables", "paragraphs", "references", "non_cable_references", "recipients", "glossary")

EXTRACTED = {
    "organization_mentions": Table(
        "extracted",
        "organization_mentions",
        (
            "cable_id varchar not null",
            "mention_index integer not null",
            "name varchar not null",
            "acronym varchar",
            "org_type varchar not null",
            "country varchar",
            "surface varchar not null",
            "section varchar",
            "char_start integer not null",
            "char_end integer not null",
        ),
        ("cable_id", "mention_index"),
    ),
    "law_mentions": Table(
        "extracted",
        "law_mentions",
        (
            "cable_id varchar not null",
            "mention_index integer not null",
            "name varchar not null",
            "surface varchar not null",
            "enacted_date date",
            "country varchar",
            "articles varchar[]",
            "section varchar",
            "char_start integer not null",
            "char_end integer not null",
        ),
        ("cable_id", "mention_index"),
    ),
    "metrics": Table(
        "extracted",
        "metrics",
        (
            "cable_id varchar not null",
            "metric_index integer not null",
            "section varchar",
            "paragraph_ordinal integer not null",
            "value double not null",
            "value_text varchar not null",
            "measure varchar not null",
            "unit varchar",
            "source_org varchar",
            "period_start date",
            "period_end date",
            "breakdown varchar[]",
            "is_cumulative boolean not null",
            "parent_index integer",
            "tip_context boolean not null",
            "quote varchar not null",
            "char_start integer not null",
            "char_end integer not null",
        ),
        ("cable_id", "metric_index"),
    ),
    "events": Table(
        "extracted",
        "events",
        (
            "cable_id varchar not null",
            "event_index integer not null",
            "section varchar",
            "paragraph_ordinal integer not null",
            "event_date date not null",
            "date_precision varchar not null",
            "event_type varchar not null",
            "actors varchar[]",
            "law varchar",
            "subject varchar",  # what a one-off event is about: the law enacted, the body established
            "subject_key varchar",  # the subject as compared: its proper name, acronyms expanded, lower case
            "tip_context boolean not null",
            "quote varchar not null",
            "char_start integer not null",
            "char_end integer not null",
        ),
        ("cable_id", "event_index"),
    ),
    "extraction_errors": Table(
        "extracted",
        "extraction_errors",
        (
            "cable_id varchar not null",
            "content_sha256 varchar not null",
            "extractor_version varchar not null",
            "error varchar not null",
            "detected_at timestamp not null",
        ),
    ),
    "extraction_state": Table(
        "extracted",
        "extraction_state",
        (
            "cable_id varchar not null",
            "content_sha256 varchar not null",
            "extractor_version varchar not null",
            "extracted_at timestamp not null",
        ),
        ("cable_id",),
    ),
}
FACT_TABLES = ("organization_mentions", "law_mentions", "metrics", "events")


def _drop_key_indexes(con) -> None:
    """Version 5 to 6, in place: the tables whose key the loader checks lose their primary key (Table.key_index).
    DuckDB cannot drop a primary key, so each such table is copied into one made without it (seconds, where
    rebuilding the warehouse from its input would take as long as the first build)."""
    indexed = set(
        con.execute(
            "select schema_name, table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    )
    for table in (*RAW.values(), *EXTRACTED.values()):
        if table.key_index or (table.schema, table.name) not in indexed:
            continue
        staged = replace(table, name=f"{table.name}__migrating")
        con.execute(f"drop table if exists {staged.qualified}")
        con.execute(staged.ddl())
        con.execute(f"insert into {staged.qualified} by name select * from {table.qualified}")
        con.execute(f"drop table {table.qualified}")
        con.execute(f'alter table {staged.qualified} rename to "{table.name}"')


# version found -> the function that brings it to SCHEMA_VERSION in place, keeping every row
MIGRATIONS = {5: _drop_key_indexes}


def ensure_schema(con) -> None:
    """Create the raw and extracted tables; migrate them in place from a version MIGRATIONS knows, or rebuild
    both from scratch when their shape is older still."""
    con.execute("create schema if not exists raw; create schema if not exists extracted")
    con.execute("create table if not exists raw.schema_version (version integer not null)")
    found = con.execute("select max(version) from raw.schema_version").fetchone()[0]
    if found in MIGRATIONS:
        con.execute("begin transaction")
        MIGRATIONS[found](con)
        con.execute("update raw.schema_version set version = ?", [SCHEMA_VERSION])
        con.execute("commit")
        found = SCHEMA_VERSION
    if found != SCHEMA_VERSION:
        # a new or older layout: rows are (re-)derived from the input folder on this build
        old = con.execute(
            "select table_schema, table_name, table_type from information_schema.tables "
            "where table_schema in ('raw', 'extracted') and table_name <> 'schema_version'"
        ).fetchall()
        for schema, name, kind in old:
            con.execute(f'drop {"view" if kind == "VIEW" else "table"} if exists {schema}."{name}"')
    for table in list(RAW.values()) + list(EXTRACTED.values()):
        con.execute(table.ddl())
    # the version of each cable the warehouse shows: what every query joins on cable_id
    con.execute(
        "create view if not exists raw.cable_texts as select * exclude (is_published) from raw.cable_versions "
        "where is_published"
    )
    if found != SCHEMA_VERSION:
        con.execute("delete from raw.schema_version")
        con.execute("insert into raw.schema_version values (?)", [SCHEMA_VERSION])
