"""Bad input gets a clear reason in the quarantine, odd real cables load, and nothing is lost."""

from __future__ import annotations

import duckdb
import pytest

from orchestration.warehouse.raw_store import ingest_folder
from tests.bad_inputs import EXPECTED, make_bad_folder


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad")
    folder = make_bad_folder(tmp / "cables", tmp / "outside")
    with duckdb.connect(str(tmp / "w.duckdb")) as con:
        report = ingest_folder(con, folder, extract=False)
        quarantine = dict(con.execute("select source_key, reason from raw.quarantine").fetchall())
        loaded = dict(con.execute("select source_key, cable_id from raw.cable_versions").fetchall())
        encodings = dict(con.execute("select cable_id, encoding from raw.cables").fetchall())
        paragraphs = dict(con.execute("select cable_id, count(*) from raw.paragraphs group by cable_id").fetchall())
    return report, quarantine, loaded, encodings, paragraphs


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_input_is_quarantined_with_its_reason_and_each_odd_cable_loads(ingested, name):
    _, quarantine, loaded, _, _ = ingested
    quarantined, expected = EXPECTED[name]
    if quarantined:
        assert name in quarantine and quarantine[name].startswith(expected), quarantine.get(name)
        assert name not in loaded
    else:
        assert loaded.get(name) == expected and name not in quarantine


def test_non_utf8_text_records_the_encoding_it_was_read_in(ingested):
    _, _, _, encodings, _ = ingested
    assert encodings["08PHNOMPENH179"] == "cp1252" and encodings["08LAPAZ435"] == "cp1252"
    assert encodings["09PHNOMPENH114"] == "utf-8"


def test_a_mangled_pilcrow_still_starts_paragraphs(ingested):
    _, _, _, _, paragraphs = ingested
    assert paragraphs["08PHNOMPENH445"] >= 5


def test_every_input_is_accounted_for_and_the_duplicate_id_keeps_both_texts(ingested):
    report, quarantine, loaded, _, _ = ingested
    assert report.inputs == len(EXPECTED) + 3  # the two seeds and the shorter copy
    assert len(report.loaded) + report.unchanged + len(report.duplicates) + report.quarantined_inputs == report.inputs
    assert report.duplicates == [("zz shorter copy.txt", "07PHNOMPENH351")]
    assert loaded["zz shorter copy.txt"] == loaded["07PHNOMPENH351.txt"] == "07PHNOMPENH351"
