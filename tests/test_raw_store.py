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
