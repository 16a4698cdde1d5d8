"""The same 300 real cables give the same warehouse rows whether they come as text files, viewer pages or
release CSV rows, in any mix, and a changed CSV row reloads alone."""

from __future__ import annotations

import csv
import shutil

import duckdb
import pytest

from orchestration.warehouse.raw_store import ingest_folder
from tests.conftest import FIXTURE_CABLES

pytestmark = pytest.mark.slow  # whole builds or the whole corpus: left out of make test-quick

CORPUS = FIXTURE_CABLES.parent / "corpus"
SOURCE_FIELDS = "source_key, source_file, source_format, encoding, content_sha256, loaded_at"


def _cables(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        f"""
        select c.* exclude ({SOURCE_FIELDS}),
            (select count(*) from raw.paragraphs p where p.cable_id = c.cable_id) as paragraphs,
            (select list(referenced_cable_id order by position) from raw.references r where r.cable_id = c.cable_id)
        from raw.cables c order by cable_id
        """
    ).fetchall()


@pytest.fixture(scope="module")
def by_format(tmp_path_factory) -> dict[str, list[tuple]]:
    tmp = tmp_path_factory.mktemp("formats")
    (tmp / "csv").mkdir()
    shutil.copy(CORPUS / "cables.csv", tmp / "csv" / "cables.csv")
    rows = {}
    for name, folder in (("txt", CORPUS / "txt"), ("csv", tmp / "csv"), ("html", CORPUS / "wikileaks-html")):
        with duckdb.connect(str(tmp / f"{name}.duckdb")) as con:
            report = ingest_folder(con, folder, extract=False)
            assert report.inputs == 300 and len(report.loaded) == 300, report.summary()
            rows[name] = _cables(con)
    return rows


@pytest.mark.parametrize("other", ["csv", "html"])
def test_every_corpus_cable_gives_the_same_rows_in_each_format(by_format, other):
    assert by_format[other] == by_format["txt"]


def test_header_fields_match_the_viewers_metadata(by_format):
    with (CORPUS / "truth.csv").open(newline="", encoding="utf-8") as handle:
        truth = {row["cable_id"]: row for row in csv.DictReader(handle)}
    columns = ["cable_id", "subject", "classification", "origin"]
    for row in by_format["csv"]:
        cable_id, subject, classification, origin = (row[0], row[1], row[5], row[6])
        expected = truth[cable_id]
        assert (classification, origin) == (expected["classification"], expected["origin"]), columns
        assert (subject or "") == expected["subject"] or (subject or "").startswith(expected["subject"])


def test_a_changed_csv_row_reloads_alone_and_a_removed_row_is_removed(tmp_path):
    folder = tmp_path / "release"
    folder.mkdir()
    lines = (CORPUS / "cables.csv").read_bytes()
    (folder / "cables.csv").write_bytes(lines)
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        ingest_folder(con, folder, extract=False)
        first = con.execute("select cable_id from raw.cables where source_key = 'cables.csv#1'").fetchone()[0]
        # rewrite row 1's body and drop the last row
        text = lines.decode("utf-8")
        last_start = text.rindex('\n"300","') + 1
        changed = text[:last_start].replace(
            "CONTINUING TERRORIST VIOLENCE", "CONTINUING TERRORIST VIOLENCE (REVISED)", 1
        )
        (folder / "cables.csv").write_text(changed, encoding="utf-8")
        report = ingest_folder(con, folder, extract=False)
        assert report.replaced == [first]
        assert report.unchanged == 298 and len(report.removed) == 1
        assert con.execute("select count(*) from raw.cables").fetchone()[0] == 299


def test_a_mixed_folder_of_all_three_formats_shows_each_cable_once(tmp_path):
    folder = tmp_path / "mixed"
    (folder / "html").mkdir(parents=True)
    shutil.copy(CORPUS / "cables.csv", folder / "cables.csv")
    for path in sorted((CORPUS / "txt").glob("*.txt"))[:5]:
        shutil.copy(path, folder)
    for path in sorted((CORPUS / "wikileaks-html").rglob("*.html"))[:5]:
        shutil.copy(path, folder / "html")
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        report = ingest_folder(con, folder, extract=False)
        assert report.inputs == 310
        assert len(report.loaded) == 300 and len(report.duplicates) == 10
        assert con.execute("select count(*) from raw.cables").fetchone()[0] == 300
        assert con.execute("select count(*) from raw.cable_versions").fetchone()[0] == 310
