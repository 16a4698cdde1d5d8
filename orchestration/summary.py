"""Print what the last build produced: cables, rows per table, failed checks, where things are."""

from __future__ import annotations

import sys

import duckdb

from orchestration.settings import apply_defaults, setting
from orchestration.warehouse.connection import connect

SCHEMAS = ("raw", "extracted", "marts", "quality")


def _failed_checks() -> tuple[int, list[str]]:
    """Number of check evaluations in the latest run and the names of those that failed."""
    import dagster as dg
    from dagster._core.storage.dagster_run import RunsFilter

    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs(filters=RunsFilter(), limit=1)
        if not runs:
            return 0, []
        records = instance.get_records_for_run(
            runs[0].run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION, limit=10_000
        ).records
        failed = []
        for record in records:
            evaluation = record.event_log_entry.dagster_event.event_specific_data
            if not evaluation.passed:
                failed.append(
                    f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name} ({evaluation.severity.value})"
                )
        return len(records), failed


def main() -> int:
    """Print the summary; exit 1 when the warehouse cannot be read."""
    apply_defaults()
    path = setting("WAREHOUSE_PATH")
    if not path.exists():
        print(f"no warehouse at {path}")
        return 1
    with connect(path, read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in (select unnest(?::varchar[])) order by 1, 2",
            [list(SCHEMAS)],
        ).fetchall()
        cables = con.execute("select count(*) from raw.cables").fetchone()[0]
        quarantined = con.execute("select source_key, reason from raw.quarantine order by 1").fetchall()
        print(f"\nwarehouse: {path}")
        print(f"cables in the warehouse: {cables} from {setting('CABLES_DIR')}; quarantined inputs: {len(quarantined)}")
        last = con.execute(
            "select inputs, loaded, replaced, unchanged, duplicates, quarantined, removed, extracted, "
            "extraction_failures from raw.ingest_runs order by finished_at desc limit 1"
        ).fetchone()
        if last:
            print(
                f"last build: {last[0]} inputs = {last[1]} loaded + {last[2]} replaced + {last[3]} unchanged + "
                f"{last[4]} duplicates kept + {last[5]} quarantined; {last[6]} removed; {last[7]} cables extracted, "
                f"{last[8]} extraction failures"
            )
        for source_key, reason in quarantined[:50]:
            print(f"  quarantined {source_key}: {reason}")
        if len(quarantined) > 50:
            print(f"  ... and {len(quarantined) - 50} more (select * from raw.quarantine)")
        print("rows per table:")
        for schema, table in tables:
            try:
                rows = con.execute(f'select count(*) from {schema}."{table}"').fetchone()[0]
            except duckdb.Error as error:
                rows = f"unreadable ({str(error).splitlines()[0]})"
            name = f"{schema}.{table}"
            print(f"  {name:<44} {rows}")
        rejected = (
            con.execute(
                "select table_name, rule, count(*) from quality.rejected_facts group by all order by all"
            ).fetchall()
            if any(schema == "quality" and table == "rejected_facts" for schema, table in tables)
            else []
        )
        if rejected:
            print("facts set aside (quality.rejected_facts):")
            for table_name, rule, count in rejected:
                print(f"  {table_name:<12} {rule:<31} {count}")
        if any(schema == "quality" and table == "findings" for schema, table in tables):
            print("findings by check:")
            for check, severity, count in con.execute(
                "select check_name, severity, count(*) from quality.findings group by all order by 1"
            ).fetchall():
                print(f"  {check:<44} {severity:<8} {count}")
    evaluated, failed = _failed_checks()
    errors = sum(1 for name in failed if name.startswith("failed"))
    print(f"checks in the last run: {evaluated} evaluated, {errors} failed, {len(failed) - errors} warned")
    for name in failed:
        print(f"  {name}")
    reports = setting("REPORTS_DIR")
    print(f"findings report: {reports / 'findings.html'}")
    print(f"GX Data Docs: {reports / 'gx' / 'uncommitted' / 'data_docs' / 'local_site' / 'index.html'}")
    print(f"Dagster UI: make ui (runs are kept in {setting('DAGSTER_HOME')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
