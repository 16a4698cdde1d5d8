"""The cable parser on real cables: header, routing, body fields, paragraphs, offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from orchestration.cables.cleantext import clean_lines, is_page_break
from orchestration.cables.ids import canonical_reference
from orchestration.cables.model import CableParseError
from orchestration.cables.parser import decode_cable, parse_cable
from tests.conftest import ALL_CABLE_FILES, CORPUS_TXT, cable, raw_text


def test_header_fields_of_the_2009_cambodia_report():
    parsed = cable("09PHNOMPENH114")
    assert parsed.cable_id == "09PHNOMPENH114"
    assert parsed.subject == "2009 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA"
    assert parsed.origin == "Embassy Phnom Penh"
    assert parsed.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert parsed.header_date.utcoffset() == dt.timedelta(hours=1)
    assert parsed.signer == "RODLEY"
    assert parsed.section_count == 26


def test_sent_at_is_the_utc_date_time_group_not_the_midnight_header_stamp():
    parsed = cable("09PHNOMPENH114")
    assert parsed.date_time_group == "190606Z FEB 09"
    assert parsed.sent_at == dt.datetime(2009, 2, 19, 6, 6)
    assert cable("10CARACAS231").sent_at == dt.datetime(2010, 2, 25, 20, 49)


def test_routing_block_fields():
    parsed = cable("09PHNOMPENH114")
    assert parsed.transmission_id == "VZCZCXRO6284"
    assert parsed.precedence == "IMMEDIATE"
    assert parsed.from_station == "AMEMBASSY PHNOM PENH"
    to = [r for r in parsed.recipients if r.role == "to"]
    info = [r for r in parsed.recipients if r.role == "info"]
    assert [(r.routing_indicator, r.name, r.precedence) for r in to] == [("RUEHC", "SECSTATE WASHDC", "IMMEDIATE")]
    assert info[0].name == "ASEAN MEMBER COLLECTIVE"
    # the last routing line is glued to the body marker in the raw text
    assert info[-1].name == "HOMELAND SECURITY CENTER WASHDC"


def test_body_fields_caveats_eo_tags_subject():
    parsed = cable("09PHNOMPENH114")
    assert parsed.caveats == ["SENSITIVE", "SIPDIS"]
    assert parsed.eo_line == "E.O. 12958: N/A"
    assert parsed.tags == "PGOV PHUM PREF ELAB SMIG KCRM KTIP KWMN KFRD ASEC CB".split()
    assert cable("08PHNOMPENH445").body_subject == (
        "TIP AWARENESS TRAINING WELL-RECEIVED BY CAMBODIAN DE-MINING TROOPS HEADED TO SUDAN"
    )


def test_references_are_canonical_cable_ids():
    assert cable("09PHNOMPENH114").references == [
        "09STATE5577",
        "08STATE132759",
        "08PHNOMPENH955",
        "08PHNOMPENH787",
        "08PHNOMPENH753",
        "08PHNOMPENH445",
    ]
    # lettered entries, four-digit years, and subjects after the number
    assert cable("08LAPAZ435").references == ["08LAPAZ373", "07LAPAZ2510", "07LAPAZ2526", "07LAPAZ2456"]
    assert cable("08PHNOMPENH445").references == ["08PHNOMPENH179", "07STATE75692"]
    assert cable("09DAMASCUS139").references == ["08STATE132759"]  # "08 STATE 00132759": zeros dropped


def test_reference_canonicalisation_rules():
    assert canonical_reference("08 PHNOM PENH 955", 2009) == "08PHNOMPENH955"
    assert canonical_reference("STATE 5577", 2009) == "09STATE5577"
    assert canonical_reference("08 SECSTATE 132759", 2009) == "08STATE132759"
    assert canonical_reference("2007 LA PAZ 02510", 2008) == "07LAPAZ2510"
    assert canonical_reference("PROMULGATED", 2008) is None


def test_self_references_are_dropped():
    text = raw_text("08PHNOMPENH179").replace("REF: 07 STATE 122413", "REF: A. 07 STATE 122413 B. PHNOM PENH 179")
    assert parse_cable(text).references == ["07STATE122413"]


@pytest.mark.parametrize("path", ALL_CABLE_FILES, ids=lambda p: p.stem)
def test_every_shipped_cable_parses_and_no_paragraph_holds_a_page_break(path):
    parsed = parse_cable(decode_cable(path.read_bytes()))
    assert parsed.cable_id == path.stem
    assert parsed.paragraphs
    for paragraph in parsed.paragraphs:
        assert " OF 0" not in paragraph.text or not any(is_page_break(chunk) for chunk in paragraph.text.split("  "))
        assert "00000" not in paragraph.text, paragraph.text[:200]


def test_no_paragraph_of_the_corpus_keeps_a_page_line_in_capitals_or_not():
    # 18 of the 300 corpus dumps write page lines with the post as a name: "Islamabad 00000416 003 of 004"
    import re

    page_line = re.compile(r"\b\d{8}\s+\d{3}(?:\.\d+)?\s+of\s+\d{3}\b", re.IGNORECASE)
    kept = []
    for path in sorted(CORPUS_TXT.glob("*.txt")):
        parsed = parse_cable(decode_cable(path.read_bytes()))
        kept += [(path.stem, m.group()) for p in parsed.paragraphs for m in page_line.finditer(p.text)]
    assert kept == []
    assert is_page_break("Islamabad 00000416 003 of 004") and is_page_break("MADRID 00000869  001.2 OF 004")


def test_a_page_line_run_into_a_paragraph_is_blanked_and_offsets_still_hold():
    # 07RABAT1657, the viewer's re-flowed text: the page line opens a line of the paragraph
    raw = "with the French\nRABAT 00001657 002 OF 002 French companies Alstom, SNCF."
    text, offsets = clean_lines([(0, raw[:15]), (16, raw[16:])])
    assert text == "with the French French companies Alstom, SNCF."
    assert raw[offsets[text.index("companies")] :].startswith("companies")
    # the words before it stay, whatever their case
    text, _ = clean_lines([(0, "signed by the GOM. BRASILIA 00000244 001.2 OF 002 (U) The program")])
    assert text == "signed by the GOM. (U) The program"


def test_a_number_touching_its_classification_mark_starts_a_paragraph_in_a_cable_of_pilcrows():
    # 08MANAMA144: "¶3. (SBU) REFTEL Question 27 ..." then "4.(SBU) REFTEL Question 28 ..." and "5.(SBU) ..."
    sections = [p.section for p in cable("08MANAMA144").paragraphs]
    assert sections == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert cable("08MANAMA144").paragraphs[3].text.startswith("REFTEL Question 28")


def test_a_number_the_viewer_wrapped_onto_its_own_line_continues_the_paragraph():
    # 10RIYADH118: "... promised to respond before January" / "¶31." then "¶9. (SBU) Prince Torki noted ..."
    path = CORPUS_TXT / "10RIYADH118.txt"
    parsed = parse_cable(decode_cable(path.read_bytes()))
    assert [p.section for p in parsed.paragraphs] == [str(n) for n in range(1, 11)]
    assert "promised to respond before January ¶31. Concern over TSA" in parsed.paragraphs[7].text


def test_a_pilcrow_number_repeated_with_its_mark_is_a_new_paragraph_not_a_list():
    # 08RIODEJANEIRO172: "¶2. (U) Sexual exploitation of women ..." then "¶2. (U) Amb. Lagon's further discussions"
    assert [p.section for p in cable("08RIODEJANEIRO172").paragraphs] == ["1", "2", "2", "3", "4", "5", "6", "7"]
    # 09DAMASCUS139: a list item "¶15. If the victim is less than 12 years old" inside 25.D, then "¶23. (SBU) 25.E"
    sections = [p.section for p in cable("09DAMASCUS139").paragraphs]
    assert sections[sections.index("25D") : sections.index("25D") + 3] == ["25D", "25E", "25F"]


def test_a_pilcrow_number_jumping_ahead_without_a_mark_does_not_turn_the_rest_into_a_list():
    # 09BUENOSAIRES1235: "¶2. (C) ...", "¶12. In each of these conversations ...", then "¶3. (C) Massa said ..."
    path = CORPUS_TXT / "09BUENOSAIRES1235.txt"
    labels = [p.label for p in parse_cable(decode_cable(path.read_bytes())).paragraphs]
    assert labels == ["1", "2", "12"] + [str(n) for n in range(3, 13)]


def test_page_break_lines_are_removed_from_paragraph_text():
    parsed = cable("09PHNOMPENH114")
    joined = " ".join(p.text for p in parsed.paragraphs)
    assert "PHNOM PENH 00000114" not in joined
    assert "PHNOM PENH 00000114  002 OF 026" in raw_text("09PHNOMPENH114")


def test_paragraph_offsets_point_into_the_untouched_raw_text():
    parsed, raw = cable("09PHNOMPENH114"), raw_text("09PHNOMPENH114")
    for paragraph in parsed.paragraphs:
        for start in range(0, len(paragraph.text), 97):
            end = min(start + 12, len(paragraph.text))
            word = paragraph.text[start:end].split(" ")[0]
            if word:
                raw_start, raw_end = paragraph.raw_span(start, start + len(word))
                assert raw[raw_start:raw_end] == word
        assert raw[paragraph.char_start : paragraph.char_end].strip()


def test_figures_split_by_a_page_break_still_map_to_their_raw_text():
    parsed, raw = cable("09PHNOMPENH114"), raw_text("09PHNOMPENH114")
    paragraph = next(p for p in parsed.paragraphs if "18,256 sex workers" in p.text)
    start = paragraph.text.index("18,256")
    raw_start, raw_end = paragraph.raw_span(start, start + len("18,256"))
    assert raw[raw_start:raw_end] == "18,256"


def test_words_hyphenated_across_lines_are_rejoined():
    text, offsets = clean_lines([(0, "victims of traf-  "), (18, "   ficking were assisted")])
    assert text == "victims of trafficking were assisted"
    assert offsets[text.index("ficking")] == 21


def test_every_other_whitespace_run_becomes_one_space_at_its_first_character():
    # runs of single-spaced words are copied whole; an indent, two spaces or a tab become one space
    lines = [(0, "  Two  spaces\there"), (19, "    and an indent")]
    text, offsets = clean_lines(lines)
    assert text == "Two spaces here and an indent"
    raw = "  Two  spaces\there\n    and an indent"
    assert all(raw[o] == c for o, c in zip(offsets, text, strict=True) if c != " ")
    assert offsets[text.index(" spaces")] == 5 and offsets[text.index(" here")] == 13
    assert offsets[text.index(" and")] == 18  # the line's end, where its break stands


def test_a_suspended_hyphen_at_a_line_end_is_kept_as_written():
    parsed = cable("09PHNOMPENH114")
    assert any("a seven- to 15-year prison sentence" in p.text for p in parsed.paragraphs)


def test_question_labels_sections_and_classification_marks():
    parsed = cable("09PHNOMPENH114")
    first_question = next(p for p in parsed.paragraphs if p.label == "1A")
    assert first_question.section == "1A"
    assert first_question.classification_mark == "SBU"
    assert first_question.heading == "THE COUNTRY'S TIP SITUATION"
    assert first_question.text.startswith("What is (are) the source(s)")
    sections = [p.section for p in cable("07PHNOMPENH351").paragraphs]
    assert sections[:3] == ["2D", "2E", "2F"]


def test_lettered_answers_take_their_question_number():
    assert [p.section for p in cable("08DAKAR262").paragraphs][2:4] == ["27A", "27B"]
    caracas = [p.section for p in cable("10CARACAS231").paragraphs]
    assert caracas[1:3] == ["1A", "1B"]
    damascus = [p.section for p in cable("09DAMASCUS139").paragraphs]
    assert "23B" in damascus  # "¶4. (SBU) 23.B: ..."


def test_numbered_lists_inside_a_paragraph_are_not_paragraphs():
    ankara = cable("09ANKARA273")
    taskforce = next(p for p in ankara.paragraphs if "MFA -- Chair of the National Taskforce" in p.text)
    assert taskforce.section == "3C"


def test_reporting_period_is_read_from_the_text():
    parsed = cable("09PHNOMPENH114")
    assert (parsed.reporting_period_start, parsed.reporting_period_end) == (dt.date(2008, 4, 1), dt.date(2009, 3, 31))
    assert cable("07PHNOMPENH351").reporting_period_start is None


def test_abbreviations_glossary_is_parsed_with_wrapped_expansions():
    glossary = {entry.acronym: entry.expansion for entry in cable("09PHNOMPENH114").glossary}
    assert glossary["CWCC"] == "Cambodian Women's Crisis Center"
    assert glossary["MOSAVY"] == "Ministry of Social Affairs, Veterans, and Youth Rehabilitation"
    assert glossary["UNIAP"].endswith("in the Mekong Sub-Region")
    assert len(glossary) == 35


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x00\x01\x02PK", "binary file"),
        (b"09PHNOMPENH999\nA SUBJECT\n", "truncated header"),
        (b"not a cable\nsubject\nThu Feb 19 00:00:00 +0100 2009\nUNCLASSIFIED\nEmbassy X\n", "not a cable id"),
        (b"09X1\nsubject\nyesterday\nUNCLASSIFIED\nEmbassy X\n", "not a header date"),
    ],
)
def test_unparseable_input_raises_a_clear_reason(data, reason):
    with pytest.raises(CableParseError, match=reason):
        parse_cable(decode_cable(data))


def test_a_header_only_stub_is_refused():
    header = "\n".join(raw_text("09PHNOMPENH114").splitlines()[:5]) + "\n"
    with pytest.raises(CableParseError, match="header-only stub"):
        parse_cable(header)
