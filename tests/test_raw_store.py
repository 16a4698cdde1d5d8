"""Incremental, idempotent ingestion into the raw schema, quarantine of bad files, duplicates kept."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from orchestration.warehouse.raw_store import ingest_folder as _ingest
from tests.conftest import FIXTURE_CABLES, SEEDS


def ingest_folder(con, folder, **kwargs):
    """Ingestion without fact extraction: these tests are about the raw schema."""
    return _ingest(con, folder, extract=False, **kwargs)


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = [
        "cable_versions",
        "cables",
        "paragraphs",
        "references",
        "recipients",
        "glossary",
        "quarantine",
        "ingest_log",
    ]
    return {table: con.execute(f'select count(*) from raw."{table}"').fetchone()[0] for table in tables}


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    yield connection
    connection.close()


def test_seed_cables_load_with_verbatim_bytes_and_hash(con, cable_folder):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, cable_folder)
    report = ingest_folder(con, cable_folder)
    assert sorted(report.loaded) == ["07PHNOMPENH351", "09PHNOMPENH114"]
    stored, digest = con.execute(
        "select raw_bytes, content_sha256 from raw.cable_texts where cable_id = '09PHNOMPENH114'"
    ).fetchone()
    original = (SEEDS / "09PHNOMPENH114.txt").read_bytes()
    assert stored == original
    import hashlib

    assert digest == hashlib.sha256(original).hexdigest()


def test_paragraph_offsets_in_sql_show_the_paragraph_in_the_raw_text(con, cable_folder):
    shutil.copy(SEEDS / "09PHNOMPENH114.txt", cable_folder)
    ingest_folder(con, cable_folder)
    rows = con.execute(
        """
        select p.text, substr(t.raw_text, p.char_start, p.char_end - p.char_start)
        from raw.paragraphs p join raw.cable_texts t using (cable_id)
        where p.label = '1A'
        """
    ).fetchall()
    clean, raw = rows[0]
    assert raw.startswith("1A.  (SBU) What is (are) the source(s)")
    assert clean.split()[-1] == raw.split()[-1]


def test_running_twice_changes_nothing(con, cable_folder):
    for path in list(SEEDS.glob("*.txt")) + list(FIXTURE_CABLES.glob("*.txt")):
        shutil.copy(path, cable_folder)
    first = ingest_folder(con, cable_folder)
    before = _counts(con)
    second = ingest_folder(con, cable_folder)
    assert len(first.loaded) == 18
    assert second.loaded == second.replaced == second.removed == [] and second.quarantined == []
    assert second.unchanged == 18
    assert _counts(con) == before


def test_a_changed_file_replaces_its_cable_rows(con, cable_folder):
    target = cable_folder / "08PHNOMPENH179.txt"
    shutil.copy(FIXTURE_CABLES / "08PHNOMPENH179.txt", target)
    ingest_folder(con, cable_folder)
    paragraphs_before = con.execute("select count(*) from raw.paragraphs").fetchone()[0]
    target.write_text(target.read_text().replace("MUSSOMELI", "\n¶4. (U) An added paragraph.\nMUSSOMELI"))
    report = ingest_folder(con, cable_folder)
    assert report.replaced == ["08PHNOMPENH179"]
    assert con.execute("select count(*) from raw.cables").fetchone()[0] == 1
    assert con.execute("select count(*) from raw.paragraphs").fetchone()[0] == paragraphs_before + 1
    assert con.execute("select count(*) from raw.cable_texts").fetchone()[0] == 1


def test_a_removed_file_removes_its_cable_rows(con, cable_folder):
    for name in ("08PHNOMPENH179.txt", "08LAPAZ435.txt"):
        shutil.copy(FIXTURE_CABLES / name, cable_folder)
    ingest_folder(con, cable_folder)
    (cable_folder / "08LAPAZ435.txt").unlink()
    report = ingest_folder(con, cable_folder)
    assert report.removed == ["08LAPAZ435"]
    assert con.execute("select cable_id from raw.cables").fetchall() == [("08PHNOMPENH179",)]
    assert con.execute("select count(*) from raw.recipients where cable_id = '08LAPAZ435'").fetchone()[0] == 0
    assert con.execute(
        "select action from raw.ingest_log where cable_id = '08LAPAZ435' order by logged_at, action"
    ).fetchall() == [("loaded",), ("removed",)]


def test_bad_files_are_quarantined_and_the_rest_still_loads(con, cable_folder):
    shutil.copy(SEEDS / "09PHNOMPENH114.txt", cable_folder)
    (cable_folder / "empty.txt").write_bytes(b"")
    (cable_folder / "binary.txt").write_bytes(bytes(range(256)))
    (cable_folder / "latin1.txt").write_bytes(
        (SEEDS / "07PHNOMPENH351.txt").read_text().replace("Ministry", "Minist\xe8re").encode("latin-1")
    )
    header_only = "\n".join((SEEDS / "07PHNOMPENH351.txt").read_text().splitlines()[:3])
    (cable_folder / "truncated.txt").write_text(header_only)
    shutil.copy(SEEDS / "09PHNOMPENH114.txt", cable_folder / "zz_copy_of_114.txt")
    report = ingest_folder(con, cable_folder)
    assert sorted(report.loaded) == ["07PHNOMPENH351", "09PHNOMPENH114"]
    assert con.execute("select encoding from raw.cables where cable_id = '07PHNOMPENH351'").fetchone() == ("cp1252",)
    reasons = dict(con.execute("select source_file, reason from raw.quarantine").fetchall())
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary file")
    assert "latin1.txt" not in reasons  # a Windows-1252 text loads, with its encoding recorded
    assert reasons["truncated.txt"].startswith("truncated header")
    assert "zz_copy_of_114.txt" not in reasons
    assert con.execute("select count(*) from raw.cables").fetchone()[0] == 2
    # the same id twice: both texts are kept, one is shown, the other is logged as a duplicate
    assert con.execute(
        "select source_key, is_published from raw.cable_versions where cable_id = '09PHNOMPENH114' order by 1"
    ).fetchall() == [("09PHNOMPENH114.txt", True), ("zz_copy_of_114.txt", False)]
    assert report.duplicates == [("zz_copy_of_114.txt", "09PHNOMPENH114")]
    # a second pass adds no second quarantine row for the same content
    before = _counts(con)
    ingest_folder(con, cable_folder)
    assert _counts(con) == before


def test_a_broken_new_version_keeps_the_loaded_one_and_a_fixed_file_leaves_quarantine(con, cable_folder):
    target = cable_folder / "08PHNOMPENH179.txt"
    good = (FIXTURE_CABLES / "08PHNOMPENH179.txt").read_bytes()
    target.write_bytes(good)
    ingest_folder(con, cable_folder)
    target.write_bytes(good[:40])
    report = ingest_folder(con, cable_folder)
    assert report.quarantined and "previously loaded version is kept" in report.quarantined[0][1]
    assert con.execute("select content_sha256 from raw.cables").fetchone()[0] != ""
    assert con.execute("select count(*) from raw.paragraphs").fetchone()[0] == 3
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 1
    target.write_bytes(good)
    report = ingest_folder(con, cable_folder)
    assert report.unchanged == 1
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 0


def test_of_two_sources_with_one_id_the_more_complete_is_shown_and_the_other_comes_back_when_it_goes(con, cable_folder):
    full = (FIXTURE_CABLES / "09ANKARA273.txt").read_text()
    (cable_folder / "a_truncated.txt").write_text(full[: len(full) // 2])
    (cable_folder / "b_full.txt").write_text(full)
    report = ingest_folder(con, cable_folder)
    assert report.loaded == ["09ANKARA273"] and report.duplicates == [("a_truncated.txt", "09ANKARA273")]
    assert con.execute("select source_key from raw.cable_texts").fetchall() == [("b_full.txt",)]
    paragraphs = con.execute("select count(*) from raw.paragraphs").fetchone()[0]
    (cable_folder / "b_full.txt").unlink()
    report = ingest_folder(con, cable_folder)
    assert report.removed == ["09ANKARA273"]
    assert con.execute("select source_key from raw.cable_texts").fetchall() == [("a_truncated.txt",)]
    assert 0 < con.execute("select count(*) from raw.paragraphs").fetchone()[0] < paragraphs
    assert con.execute("select count(*) from raw.cables").fetchone()[0] == 1


def test_every_input_is_counted_once_and_the_build_is_recorded(con, cable_folder):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, cable_folder)
    shutil.copy(FIXTURE_CABLES / "08LAPAZ435.txt", cable_folder)
    ingest_folder(con, cable_folder)
    (cable_folder / "08LAPAZ435.txt").unlink()
    shutil.copy(FIXTURE_CABLES / "09CAIRO386.txt", cable_folder)
    (cable_folder / "empty.txt").write_bytes(b"")
    report = ingest_folder(con, cable_folder, build_id="second")
    assert report.inputs == 4
    assert (len(report.loaded), report.unchanged, report.quarantined_inputs, report.removed) == (
        1,
        2,
        1,
        ["08LAPAZ435"],
    )
    row = con.execute(
        "select inputs, loaded, replaced, unchanged, quarantined, removed "
        "from raw.ingest_runs where build_id = 'second'"
    ).fetchone()
    assert row == (4, 1, 0, 2, 1, 1)


def test_only_the_small_tables_keep_an_index_on_their_key(con, cable_folder):
    # with a primary key, DuckDB grows a table's last row group for every append and the next checkpoint rewrites
    # that whole group: at 25,000 cables, 2.4 s of every added cable went to rewriting raw.cable_versions' texts
    # (tables.Table.key_index; a warehouse of small tests is one row group, so the groups themselves are not seen)
    shutil.copy(SEEDS / "09PHNOMPENH114.txt", cable_folder)
    ingest_folder(con, cable_folder)
    keyed = con.execute(
        "select schema_name || '.' || table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY' "
        "order by 1"
    ).fetchall()
    assert keyed == [("raw.cables_changed",), ("raw.quarantine",)]


def test_a_load_that_would_write_a_key_twice_is_refused(con, cable_folder):
    from orchestration.warehouse.load import DuplicateKeyError, check_keys

    shutil.copy(FIXTURE_CABLES / "08LAPAZ435.txt", cable_folder)
    ingest_folder(con, cable_folder)
    con.execute("create or replace temp table run_rewrite as select '08LAPAZ435' as cable_id")
    con.execute("create or replace temp table run_cable_versions as select source_key from raw.cable_versions")
    check_keys(con)  # the loaded rows are fine
    con.execute("insert into raw.paragraphs select * from raw.paragraphs where cable_id = '08LAPAZ435' limit 1")
    with pytest.raises(DuplicateKeyError, match=r'raw\."paragraphs" holds the key \(cable_id, ordinal\)'):
        check_keys(con)


def test_a_version_5_warehouse_loses_its_key_indexes_in_place_and_keeps_every_row(con, cable_folder):
    from dataclasses import replace

    from orchestration.warehouse.tables import EXTRACTED, RAW, SCHEMA_VERSION, ensure_schema

    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, cable_folder)
    _ingest(con, cable_folder)
    tables = [t for t in (*RAW.values(), *EXTRACTED.values()) if t.primary_key and not t.key_index]
    before = {t.qualified: con.execute(f"select * from {t.qualified} order by all").fetchall() for t in tables}
    # the warehouse as version 5 made it: the same tables, each with its primary key
    for table in tables:
        con.execute(f"create table {table.schema}.v5 as select * from {table.qualified}")
        con.execute(f"drop table {table.qualified}")
        con.execute(replace(table, key_index=True).ddl())
        con.execute(f"insert into {table.qualified} select * from {table.schema}.v5")
        con.execute(f"drop table {table.schema}.v5")
    con.execute("update raw.schema_version set version = 5")
    keyed = "select count(*) from duckdb_constraints() where constraint_type = 'PRIMARY KEY'"
    assert con.execute(keyed).fetchone()[0] == len(tables) + 2  # and raw.quarantine, raw.cables_changed

    ensure_schema(con)

    assert con.execute("select version from raw.schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert con.execute(keyed).fetchone()[0] == 2
    assert {t.qualified: con.execute(f"select * from {t.qualified} order by all").fetchall() for t in tables} == before
    assert sum(len(rows) for rows in before.values()) > 1000
    assert con.execute("select count(*) from raw.cable_texts").fetchone()[0] == 2
    report = _ingest(con, cable_folder)  # and the next build finds nothing to do
    assert report.unchanged == 2 and report.loaded == report.replaced == []
