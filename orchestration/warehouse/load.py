"""The one writer: load the workers' Parquet files into the warehouse in one transaction.

For every cable a build touched it decides which version the warehouse shows. Two sources with
the same cable id are both kept in `raw.cable_versions` (nothing is lost); the more complete one is
shown (more sections, then more text, then the first source key), and dim_cable reports the
duplicate as a finding. A source that no longer parses keeps the version loaded before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from orchestration.warehouse.plan import Plan
from orchestration.warehouse.tables import CABLE_TABLES, EXTRACTED, FACT_TABLES, RAW


@dataclass
class IngestReport:
    """What one build did to the warehouse: every input is counted once."""

    inputs: int = 0
    loaded: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # (source_file, reason), new this build
    quarantined_inputs: int = 0  # inputs in quarantine after this build, new or not
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source_file, cable id) kept but not shown
    extracted: list[str] = field(default_factory=list)
    extraction_failures: list[str] = field(default_factory=list)

    @property
    def changed_cable_ids(self) -> list[str]:
        """Cables whose rows were written or removed by this build."""
        return sorted(set(self.loaded + self.replaced + self.removed + self.extracted))

    def summary(self) -> str:
        """`N inputs: a loaded, b replaced, ...` for logs and the terminal."""
        return (
            f"{self.inputs} inputs: {len(self.loaded)} loaded, {len(self.replaced)} replaced, "
            f"{self.unchanged} unchanged, {len(self.duplicates)} duplicates kept, {self.quarantined_inputs} quarantined"
            f"; {len(self.removed)} removed; {len(self.extracted)} cables extracted, "
            f"{len(self.extraction_failures)} extraction failures"
        )


def _relation(con: duckdb.DuckDBPyConnection, name: str, spec_table: str, result_dirs: list[str]) -> str:
    """A temp table of the rows the workers wrote for `name` (empty when there are none)."""
    files = [str(Path(d) / f"{name}.parquet") for d in result_dirs if (Path(d) / f"{name}.parquet").exists()]
    temp = f"run_{name}"
    if files:
        con.execute(f"create or replace temp table {temp} as select * from read_parquet(?)", [files])
    else:
        con.execute(
            f"create or replace temp table {temp} as "
            f"select *, null::varchar as _source_key from {spec_table} where false"
        )
    return temp


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, arrow_rows) -> None:
    """Insert an Arrow table of rows into `table` in one statement: executemany runs a statement per row
    (with the ingest log of a 25,000-cable build, about 10 s of its 22 s load)."""
    con.register("run_rows", arrow_rows)
    try:
        con.execute(f"insert into {table} select * from run_rows")
    finally:
        con.unregister("run_rows")


def _failures(con: duckdb.DuckDBPyConnection, result_dirs: list[str]) -> list[tuple]:
    files = [str(Path(d) / "failures.parquet") for d in result_dirs if (Path(d) / "failures.parquet").exists()]
    if not files:
        return []
    return con.execute(
        "select source_key, source_file, content_sha256, reason from read_parquet(?) order by source_key", [files]
    ).fetchall()


def load_build(
    con: duckdb.DuckDBPyConnection, plan: Plan, result_dirs: list[str], now: dt.datetime | None = None
) -> IngestReport:
    """Load every batch result of `plan` and apply its removals, in one transaction."""
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    report = IngestReport(inputs=plan.inputs, unchanged=plan.unchanged)
    con.execute("begin transaction")
    try:
        _load(con, plan, sorted(result_dirs), now, report)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return report


def _load(con, plan: Plan, result_dirs: list[str], now: dt.datetime, report: IngestReport) -> None:
    temps = {
        name: _relation(con, name, (RAW.get(name) or EXTRACTED[name]).qualified, result_dirs)
        for name in ("cable_versions", *CABLE_TABLES, *FACT_TABLES, "extraction_errors")
    }
    failures = _failures(con, result_dirs)
    con.execute("create or replace temp table run_removed (source_key varchar, cable_id varchar)")
    if plan.removed:
        keys, cable_ids = zip(*plan.removed, strict=True)
        _insert_rows(
            con, "run_removed", pa.table({"source_key": pa.array(keys, pa.string()), "cable_id": pa.array(cable_ids)})
        )
    stored_before = {
        key: (digest, cable_id)
        for key, digest, cable_id in con.execute(
            "select source_key, content_sha256, cable_id from raw.cable_versions"
        ).fetchall()
    }
    _choose_versions(con)
    # the shown rows of every cable whose shown version changed: out with the old, in with the new
    for name in (*CABLE_TABLES, *FACT_TABLES, "extraction_state", "extraction_errors"):
        table = RAW.get(name) or EXTRACTED[name]
        con.execute(f"delete from {table.qualified} where cable_id in (select cable_id from run_rewrite)")
    for name in (*CABLE_TABLES, *FACT_TABLES, "extraction_errors"):
        table = RAW.get(name) or EXTRACTED[name]
        con.execute(
            f"insert into {table.qualified} by name select * exclude (_source_key) from {temps[name]} "
            "where _source_key in (select source_key from run_winners where is_new)"
        )
    if plan.extractor_version is not None:
        con.execute(
            "insert into extracted.extraction_state select t.cable_id, t.content_sha256, ?, ? "
            "from run_cable_versions t join run_winners w on w.source_key = t.source_key and w.is_new",
            [plan.extractor_version, now],
        )
    # every version of every cable is kept; only the chosen one is shown
    con.execute(
        "delete from raw.cable_versions where source_key in (select source_key from run_cable_versions) "
        "or source_key in (select source_key from run_removed)"
    )
    con.execute("insert into raw.cable_versions by name select * exclude (_source_key) from run_cable_versions")
    con.execute(
        "update raw.cable_versions set is_published = source_key in (select source_key from run_winners) "
        "where cable_id in (select cable_id from run_affected)"
    )
    _quarantine(con, plan, failures, now, report)
    _account(con, plan, stored_before, failures, now, report)
    con.execute(
        "insert or ignore into raw.cables_changed select distinct cable_id from ("
        "select cable_id from run_rewrite union all select unnest(?::varchar[]))",
        [report.changed_cable_ids],
    )
    check_keys(con)


class DuplicateKeyError(RuntimeError):
    """A load wrote two rows with one key: a defect of the loader, never of the input (the load is undone)."""


# which rows a load wrote, by a column every key of its table holds (temp tables of _load)
_WRITTEN = {
    "cable_id": "select cable_id from run_rewrite",
    "source_key": "select source_key from run_cable_versions",
}


def check_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Raise DuplicateKeyError when a key the warehouse holds twice is one of the rows this load wrote.

    The tables keep their keys without an index (tables.Table.key_index), so this check is what a primary key
    was: only the rows of the cables this load rewrote can break a key, and only those are grouped."""
    for table in (*RAW.values(), *EXTRACTED.values()):
        if not table.primary_key or table.key_index:
            continue
        column = next(c for c in _WRITTEN if c in table.primary_key)
        keys = ", ".join(table.primary_key)
        duplicate = con.execute(
            f"select {keys} from {table.qualified} where {column} in ({_WRITTEN[column]}) "
            "group by all having count(*) > 1 limit 1"
        ).fetchone()
        if duplicate is not None:
            raise DuplicateKeyError(f"{table.qualified} holds the key ({keys}) = {duplicate} twice")


def _choose_versions(con: duckdb.DuckDBPyConnection) -> None:
    """run_winners: the version each touched cable shows; run_rewrite: cables whose shown rows change."""
    con.execute(
        """
        create or replace temp table run_affected as
        select cable_id from run_cable_versions
        union select cable_id from run_removed
        union select cable_id from raw.cable_versions where source_key in (select source_key from run_cable_versions)
        """
    )
    con.execute(
        """
        create or replace temp table run_versions as
        select source_key, cable_id, section_count, length(raw_text) as text_length, true as is_new, false as shown
        from run_cable_versions
        union all
        select source_key, cable_id, section_count, length(raw_text), false, is_published
        from raw.cable_versions
        where cable_id in (select cable_id from run_affected)
          and source_key not in (select source_key from run_cable_versions)
          and source_key not in (select source_key from run_removed)
        """
    )
    con.execute(
        """
        create or replace temp table run_winners as
        select source_key, cable_id, is_new, shown from (
            select *, row_number() over (
                partition by cable_id order by section_count desc, text_length desc, source_key
            ) as rank
            from run_versions
        ) where rank = 1
        """
    )
    # a cable keeps its rows only when the version it showed before is still the one to show
    con.execute(
        """
        create or replace temp table run_rewrite as
        select a.cable_id from run_affected a left join run_winners w using (cable_id)
        where w.cable_id is null or w.is_new or not w.shown
        """
    )


def _quarantine(con, plan: Plan, failures: list[tuple], now: dt.datetime, report: IngestReport) -> None:
    rows = [(key, file, digest, "unparseable", reason, now) for key, file, digest, reason in failures]
    rows += [(key, file, digest, "refused", reason, now) for key, file, digest, reason in plan.refused]
    stored = set(con.execute("select source_key, content_sha256 from raw.quarantine").fetchall())
    kept_loaded = dict(con.execute("select source_key, content_sha256 from raw.cable_versions").fetchall())
    for key, file, digest, kind, reason, detected in rows:
        if (key, digest) in stored:
            continue
        if key in kept_loaded and kept_loaded[key] != digest:
            reason += "; the previously loaded version is kept"
        con.execute("insert into raw.quarantine values (?, ?, ?, ?, ?, ?)", [key, file, digest, kind, reason, detected])
        report.quarantined.append((file, reason))
    # the quarantine describes the inputs as they are: rows of files gone, rewritten or loaded since go
    con.execute(
        "delete from raw.quarantine where (source_key, content_sha256) not in "
        "(select (source_key, content_sha256) from read_parquet(?))",
        [plan.present_file],
    )
    con.execute(
        "delete from raw.quarantine q using raw.cable_versions t "
        "where q.source_key = t.source_key and q.content_sha256 = t.content_sha256"
    )


def _account(con, plan: Plan, stored_before: dict, failures: list[tuple], now, report: IngestReport) -> None:
    """Log each input's fate and the build's counts: every input is loaded, replaced, unchanged,
    a duplicate or quarantined; removed files are counted apart."""
    new_versions = con.execute(
        "select t.source_key, t.source_file, t.cable_id, t.content_sha256, w.source_key is not null "
        "from run_cable_versions t left join run_winners w using (source_key) order by t.source_key"
    ).fetchall()
    log = []
    for key, file, cable_id, digest, shown in new_versions:
        before = stored_before.get(key)
        if before is not None and before[0] == digest:
            report.unchanged += 1  # the same bytes, processed again (forced, new extractor, or shown anew)
            action = "reprocessed"
        elif not shown:
            report.duplicates.append((file, cable_id))
            action = "duplicate"
        elif before is not None:
            report.replaced.append(cable_id)
            action = "replaced"
        else:
            report.loaded.append(cable_id)
            action = "loaded"
        detail = None if shown else "another version of this cable id is shown"
        log.append((now, plan.build_id, action, file, key, cable_id, digest, detail))
    for key, cable_id in plan.removed:
        report.removed.append(cable_id)
        log.append((now, plan.build_id, "removed", key, key, cable_id, None, "no longer in the input folder"))
    for file, reason in report.quarantined:
        log.append((now, plan.build_id, "quarantined", file, None, None, None, reason))
    if log:
        _insert_rows(con, RAW["ingest_log"].qualified, RAW["ingest_log"].arrow_table(log))
    report.quarantined_inputs = plan.known_bad + len(failures) + len(plan.refused)
    if plan.extractor_version is not None:
        report.extracted = sorted(r[0] for r in con.execute("select cable_id from run_winners where is_new").fetchall())
    report.extraction_failures = sorted(
        row[0] for row in con.execute("select distinct cable_id from run_extraction_errors").fetchall()
    )
    con.execute(
        "insert into raw.ingest_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            plan.build_id,
            now,
            report.inputs,
            len(report.loaded),
            len(report.replaced),
            report.unchanged,
            report.quarantined_inputs,
            len(report.removed),
            len(report.duplicates),
            len(report.extracted),
            len(report.extraction_failures),
        ],
    )
