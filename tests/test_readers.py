"""Readers: the same 300 real cables as text files, release CSV rows and viewer pages give the same cable."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import shutil
import tracemalloc
from pathlib import Path

import pytest

from orchestration.cables.parser import parse_cable
from orchestration.cables.readers import iter_cables
from orchestration.cables.readers.record import sha256
from orchestration.cables.readers.release_csv import read_release_csv
from orchestration.cables.readers.txt import read_txt
from orchestration.cables.readers.viewer_html import read_viewer_html

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
# the viewer page keeps "<<220571>>" in the routing header, which the .txt lost to a tag stripper (">")
HTML_TEXT_DIFFERS = {"09ULAANBAATAR234"}


@functools.cache
def texts_by_format() -> dict[str, dict[str, str]]:
    """Cable id -> text, per format, for the whole corpus."""
    txt = {r.cable_id: r.text for path in sorted((CORPUS / "txt").glob("*.txt")) for r in read_txt(path)}
    release = {r.cable_id: r.text for r in read_release_csv(CORPUS / "cables.csv")}
    pages = sorted((CORPUS / "wikileaks-html").rglob("*.html"))
    html = {r.cable_id: r.text for path in pages for r in read_viewer_html(path)}
    return {"txt": txt, "csv": release, "html": html}


def header(text: str) -> tuple:
    """The parsed header fields every format must agree on."""
    cable = parse_cable(text)
    return cable.cable_id, cable.header_date, cable.classification, cable.origin, cable.subject


def test_every_format_holds_all_300_cables():
    texts = texts_by_format()
    assert len(texts["txt"]) == len(texts["csv"]) == len(texts["html"]) == 300
    assert set(texts["txt"]) == set(texts["csv"]) == set(texts["html"])


def test_release_csv_rows_give_the_text_file_byte_for_byte():
    texts = texts_by_format()
    assert [i for i in texts["txt"] if texts["csv"][i] != texts["txt"][i]] == []


def test_viewer_pages_give_the_text_file_but_one_documented_cable():
    texts = texts_by_format()
    assert {i for i in texts["txt"] if texts["html"][i] != texts["txt"][i]} == HTML_TEXT_DIFFERS


def test_parsed_headers_agree_across_formats_and_with_the_viewer_metadata():
    texts = texts_by_format()
    with (CORPUS / "truth.csv").open(encoding="utf-8", newline="") as handle:
        truth = {row["cable_id"]: row for row in csv.DictReader(handle)}
    for cable_id, text in texts["txt"].items():
        parsed = header(text)
        assert header(texts["csv"][cable_id]) == parsed == header(texts["html"][cable_id])
        expected = truth[cable_id]
        created = dt.datetime.strptime(expected["created_utc"], "%Y-%m-%d %H:%M").replace(tzinfo=dt.UTC)
        assert parsed[1:] == (created, expected["classification"], expected["origin"], expected["subject"] or None)


def test_csv_records_carry_their_row_number_and_exact_bytes(tmp_path):
    records = list(read_release_csv(CORPUS / "cables.csv"))
    assert [r.source_row for r in records[:3]] == [1, 2, 3]
    assert b"".join(r.raw_bytes for r in records) == (CORPUS / "cables.csv").read_bytes()
    assert all(r.content_sha256 == sha256(r.raw_bytes) for r in records)


def test_a_changed_row_changes_only_its_own_hash(tmp_path):
    source = (CORPUS / "cables.csv").read_bytes()
    changed = tmp_path / "cables.csv"
    changed.write_bytes(source.replace(b"NEGOTIATING PROCESS.", b"NEGOTIATING PROCESS!", 1))
    before = {r.cable_id: r.content_sha256 for r in read_release_csv(CORPUS / "cables.csv")}
    after = {r.cable_id: r.content_sha256 for r in read_release_csv(changed)}
    assert [i for i in before if before[i] != after[i]] == ["79TEHRAN8980"]


def test_a_malformed_row_yields_an_error_with_its_row_number_and_the_stream_goes_on(tmp_path):
    rows = (CORPUS / "cables.csv").read_bytes().split(b'\n"3","')
    broken = tmp_path / "cables.csv"
    broken.write_bytes(rows[0] + b'\n"3","not a date","XX"\n"3","' + rows[1])
    records = list(read_release_csv(broken))
    errors = [r for r in records if not r.ok]
    assert [(r.source_row, r.error) for r in errors] == [(3, "row 3: 3 fields, expected 8")]
    assert sum(r.ok for r in records) == 300


def test_a_quote_left_open_at_the_end_is_an_error_record(tmp_path):
    broken = tmp_path / "cables.csv"
    broken.write_bytes((CORPUS / "cables.csv").read_bytes() + b'"301","1/1/2010 0:00","10X1","open\n')
    last = list(read_release_csv(broken))[-1]
    assert (last.source_row, last.error) == (301, "the file ends inside a quoted field")


def test_the_release_csv_is_streamed_in_memory_independent_of_its_size(tmp_path):
    source = (CORPUS / "cables.csv").read_bytes()
    big = tmp_path / "cables.csv"
    big.write_bytes(source * 4)
    tracemalloc.start()
    count = sum(1 for _ in read_release_csv(big))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 1200
    assert peak < len(source)  # a quarter of the file: the stream never holds more than a few records


def test_a_csv_that_is_not_the_release_layout_is_one_error(tmp_path):
    records = list(read_release_csv(CORPUS / "truth.csv"))
    assert len(records) == 1 and records[0].error.startswith("not in the 2011 release layout")


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """txt, csv and html at several depths, with spaces and non-ASCII names, and a link leading out."""
    folder = tmp_path / "in box"
    (folder / "cable" / "2009" / "08").mkdir(parents=True)
    shutil.copy(CORPUS / "txt" / "72TEHRAN5055.txt", folder / "Tehran câble 1972.txt")
    shutil.copy(next((CORPUS / "wikileaks-html").rglob("09ULAANBAATAR234.html")), folder / "cable" / "2009" / "08")
    rows = (CORPUS / "cables.csv").read_bytes().split(b'\n"3","')[0] + b"\n"
    (folder / "release part.csv").write_bytes(rows)
    outside = tmp_path / "outside.txt"
    shutil.copy(CORPUS / "txt" / "04MADRID974.txt", outside)
    (folder / "link.txt").symlink_to(outside)
    (folder / "notes.md").write_text("not a cable", encoding="utf-8")
    return folder


def test_iter_cables_reads_every_format_in_any_mix_sorted(mixed_folder):
    records = list(iter_cables(mixed_folder))
    readable = [(r.source_file.name, r.cable_id) for r in records if r.ok]
    # sorted by relative path as Python orders strings (upper case first), the same on every machine
    assert readable == [
        ("Tehran câble 1972.txt", "72TEHRAN5055"),
        ("09ULAANBAATAR234.html", "09ULAANBAATAR234"),
        ("release part.csv", "72TEHRAN5055"),
        ("release part.csv", "79TEHRAN8980"),
    ]
    assert list(iter_cables(mixed_folder)) == records


def test_iter_cables_does_not_follow_a_link_out_of_the_folder(mixed_folder):
    errors = [r for r in iter_cables(mixed_folder) if not r.ok]
    assert [(r.source_file.name, r.error.split(":")[0]) for r in errors] == [
        ("link.txt", "symlink points outside the folder")
    ]


def _page(cable_id: str) -> str:
    return next((CORPUS / "wikileaks-html").rglob(f"{cable_id}.html")).read_text(encoding="utf-8")


def _with_created(page: str, created: str) -> str:
    """04MADRID974's page with another text in the `created` cell (the viewer wrote 2004-03-22 19:07)."""
    assert page.count(">2004-03-22 19:07<") == 1
    return page.replace(">2004-03-22 19:07<", f">{created}<")


@pytest.mark.parametrize("created", ["2004-03-22 19:07:00", "2004-03-22"])
def test_a_viewer_page_saved_with_seconds_or_a_bare_date_reads(tmp_path, created):
    copy = tmp_path / "04MADRID974.html"
    copy.write_text(_with_created(_page("04MADRID974"), created), encoding="utf-8")
    (record,) = read_viewer_html(copy)
    assert record.ok, record.error
    original = texts_by_format()["html"]["04MADRID974"]
    assert record.text.split("\n", 2)[:2] == original.split("\n", 2)[:2]  # id and subject
    assert record.text.split("\n", 5)[5] == original.split("\n", 5)[5]  # header and body
    assert header(record.text)[2:] == header(original)[2:]


def test_a_viewer_page_with_header_and_body_in_one_block_gives_the_same_cable(tmp_path):
    page = _page("04MADRID974")
    first_end = page.index("</pre>")
    second_start = page.index("<pre>", first_end) + len("<pre>")
    one_block = page[:first_end] + "&#x000A;" + page[second_start:]
    copy = tmp_path / "04MADRID974.html"
    copy.write_text(one_block, encoding="utf-8")
    (record,) = read_viewer_html(copy)
    assert record.ok, record.error
    assert record.text == texts_by_format()["html"]["04MADRID974"]


def test_a_viewer_page_with_an_unreadable_created_cell_is_one_clear_error(tmp_path):
    copy = tmp_path / "04MADRID974.html"
    copy.write_text(_with_created(_page("04MADRID974"), "22 March 2004"), encoding="utf-8")
    (record,) = read_viewer_html(copy)
    assert not record.ok and "created '22 March 2004'" in record.error


def test_source_files_skip_hidden_entries_refuse_a_folder_link_out_and_do_not_walk_one_in(mixed_folder, tmp_path):
    from orchestration.cables.readers import source_files

    (tmp_path / "elsewhere").mkdir()
    shutil.copy(CORPUS / "txt" / "04MADRID974.txt", tmp_path / "elsewhere")
    (mixed_folder / "folder out").symlink_to(tmp_path / "elsewhere")
    (mixed_folder / "folder in").symlink_to(mixed_folder / "cable")
    (mixed_folder / ".hidden").mkdir()
    shutil.copy(CORPUS / "txt" / "04MADRID974.txt", mixed_folder / ".hidden")
    shutil.copy(CORPUS / "txt" / "04MADRID974.txt", mixed_folder / "cable" / ".saved copy.txt")
    found = [
        (key, path == mixed_folder / key, (reason or "").split(":")[0])
        for key, path, reason in source_files(mixed_folder)
    ]
    assert found == [
        ("Tehran câble 1972.txt", True, ""),
        ("cable/2009/08/09ULAANBAATAR234.html", True, ""),
        ("folder out", True, "symlink points outside the folder"),
        ("link.txt", True, "symlink points outside the folder"),
        ("release part.csv", True, ""),
    ]
