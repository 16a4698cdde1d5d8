"""Real cables load whatever their shape; bad input is refused with a clear reason, and nothing else is raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchestration.cables.decoding import MAX_CABLE_BYTES, decode_cable_bytes
from orchestration.cables.model import CableParseError
from orchestration.cables.parser import decode_cable, parse_cable, read_cable_file
from tests.conftest import CORPUS_TXT, SEEDS, raw_text


def corpus_text(cable_id: str) -> str:
    """The untouched text of a corpus cable."""
    return (CORPUS_TXT / f"{cable_id}.txt").read_text(encoding="utf-8")


def test_a_cable_without_any_subject_line_loads_with_subject_none():
    # 08BRASILIA504: empty header subject and no SUBJECT field in the body
    parsed = parse_cable(corpus_text("08BRASILIA504"))
    assert parsed.subject is None
    assert len(parsed.paragraphs) == 12


def test_an_empty_header_subject_is_taken_from_the_body():
    lines = corpus_text("09MADRID671").split("\n")
    lines[1] = ""
    assert parse_cable("\n".join(lines)).subject.startswith("SPAIN: DHS SEC. NAPOLITANO'S MEETING WITH ZAPATERO")


def test_a_body_of_unnumbered_paragraphs_loads_with_unlabelled_paragraphs():
    # 10CARACAS107: "(SBU) On January 5, 2010 Caracas held its bi-annual ..." follows SUBJECT without a number
    parsed = parse_cable(corpus_text("10CARACAS107"))
    assert parsed.paragraphs and all(paragraph.label is None for paragraph in parsed.paragraphs)
    assert parsed.tags == ["ASEC"] and parsed.subject == "January 2010 Caracas CIWG"


def test_numbers_touching_their_classification_mark_are_paragraphs():
    # 07DUBAI355: "1.(S) SUMMARY. Senator Joseph Lieberman ...", "2.(SBU) Senator Lieberman, along with ..."
    parsed = parse_cable(corpus_text("07DUBAI355"))
    assert [p.label for p in parsed.paragraphs[:3]] == ["1", "2", "3"]
    assert [p.classification_mark for p in parsed.paragraphs[:2]] == ["S", "SBU"]
    # "15 (SBU) He also called for more US universities in Dubai": the period lost, the mark still there
    assert [p.label for p in parsed.paragraphs] == [str(n) for n in range(1, 17)]
    assert parsed.subject == "DUBAI RULER DISCUSSES IRAN AND IRAQ WITH SENATOR LIEBERMAN"


def test_a_body_cut_short_after_its_header_loads_with_no_paragraphs():
    # 09BERLIN406 ends on its SUBJECT line: "SUBJECT: (S) GERMANY TAKING ACTION ON SHIPMENT OF ..."
    parsed = parse_cable(corpus_text("09BERLIN406"))
    assert parsed.paragraphs == []
    assert parsed.tags == ["PARM", "PREL", "MNUC", "IR", "UK", "GM"]


def test_a_cable_cut_right_after_the_routing_header_still_loads():
    text = raw_text("08PHNOMPENH179")
    cut = text[: text.index("SIPDIS")]
    parsed = parse_cable(cut)
    assert parsed.paragraphs == [] and parsed.date_time_group


def test_windows_1252_bytes_decode_and_say_so():
    # 07PARIS2725 has typographic apostrophes ("a 1990’s story line")
    text = corpus_text("07PARIS2725")
    decoded = decode_cable_bytes(text.encode("cp1252"))
    assert decoded.encoding == "cp1252" and decoded.text == text
    assert decode_cable_bytes(text.encode("utf-8")).encoding == "utf-8"
    assert decode_cable(text.encode("cp1252")) == text


def test_a_mangled_pilcrow_still_starts_a_paragraph():
    text = raw_text("08PHNOMPENH179")
    mangled = text.encode("utf-8").decode("cp1252").encode("utf-8").decode("utf-8")
    assert "Â¶" in mangled
    assert [p.label for p in parse_cable(mangled).paragraphs] == [p.label for p in parse_cable(text).paragraphs]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\n \r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file: NUL byte"),
        (bytes(range(1, 32)) * 40, "binary file: .* control characters"),
    ],
)
def test_empty_and_binary_input_is_refused_with_a_reason(data, reason):
    with pytest.raises(CableParseError, match=reason):
        decode_cable_bytes(data)


def test_a_50_mb_file_is_refused_without_being_read(tmp_path, monkeypatch):
    big = tmp_path / "09PHNOMPENH114.txt"
    with big.open("wb") as handle:
        handle.write(raw_text("09PHNOMPENH114").encode("utf-8"))
        handle.truncate(50 * 1024 * 1024)

    def no_reading(self):
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(CableParseError, match=f"larger than a cable can be \\({MAX_CABLE_BYTES}\\)"):
        read_cable_file(big)


_SEED_BYTES = [path.read_bytes() for path in sorted(SEEDS.glob("*.txt"))] + [
    (CORPUS_TXT / f"{cable_id}.txt").read_bytes() for cable_id in ("72TEHRAN5055", "07DUBAI355", "09BERLIN406")
]


@st.composite
def mutated_cables(draw) -> bytes:
    """A real cable truncated, with lines deleted or repeated, bytes flipped, re-encoded or junk inserted."""
    data = draw(st.sampled_from(_SEED_BYTES))
    lines = data.split(b"\n")
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["truncate", "delete", "duplicate", "flip", "junk", "encode"]))
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "truncate":
            lines = lines[:at]
        elif kind == "delete" and lines:
            del lines[at]
        elif kind == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif kind == "flip" and lines and lines[at]:
            line = bytearray(lines[at])
            position = draw(st.integers(0, len(line) - 1))
            line[position] ^= draw(st.integers(1, 255))
            lines[at] = bytes(line)
        elif kind == "junk":
            lines.insert(at, draw(st.binary(max_size=40)))
        elif kind == "encode":
            text = b"\n".join(lines).decode("utf-8", errors="replace")
            lines = text.encode(draw(st.sampled_from(["cp1252", "latin-1", "utf-16"])), errors="replace").split(b"\n")
    return b"\n".join(lines)


@settings(max_examples=120, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_cables())
def test_mutated_real_cables_raise_nothing_but_cable_parse_error(data):
    try:
        parse_cable(decode_cable(data))
    except CableParseError as error:
        assert str(error)
