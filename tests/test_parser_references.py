"""REF blocks in every real variant: labels, years, posts, non-cable references, page markers."""

from __future__ import annotations

import re
from functools import cache

import pytest

from orchestration.cables.fields import split_fields
from orchestration.cables.ids import is_cable_id
from orchestration.cables.model import Cable
from orchestration.cables.parser import read_cable_file
from orchestration.cables.posts import known_posts, resolve_post
from orchestration.cables.references import parse_references
from tests.conftest import CORPUS_TXT


@cache
def corpus_cable(cable_id: str) -> Cable:
    """A cable of the 300-cable corpus, parsed once."""
    return read_cable_file(CORPUS_TXT / f"{cable_id}.txt")


def test_doubled_letter_labels_a_dot_a_paren():
    # 10BAGHDAD70: "REF: A. A) BAGHDAD 3334 / ¶B. B) BAGHDAD 0028"
    assert corpus_cable("10BAGHDAD70").references == ["10BAGHDAD3334", "10BAGHDAD28"]


def test_secstate_is_state_and_four_digit_years_are_shortened():
    # 09BRASILIA1276: "REF: A. A. SECSTATE 103585 / ¶B. B. 2008 BRASILIA 775"
    assert corpus_cable("09BRASILIA1276").references == ["09STATE103585", "08BRASILIA775"]


def test_paren_labels_on_one_line_and_a_serial_cut_by_a_blank_line():
    # 05MADRID4026: "REF: REF (A) MADRID 3785 (B) MADRID 3566 (C) SECSTATE" / "" / "36633"
    assert corpus_cable("05MADRID4026").references == ["05MADRID3785", "05MADRID3566", "05STATE36633"]


def test_paren_labels_separated_only_by_spaces_keep_the_email_as_a_non_cable_reference():
    # 09ABUDHABI301: "REFS: A) ABU DHABI 199  B) ABU DHABI 170  C) 2/5/09 MONOSSON-COOPER EMAIL  D) ..."
    cable = corpus_cable("09ABUDHABI301")
    assert cable.references == ["09ABUDHABI199", "09ABUDHABI170", "09ABUDHABI6", "08STATE134385"]
    assert cable.other_references == ["2/5/09 MONOSSON-COOPER EMAIL"]


def test_colon_labels_after_dot_labels():
    # 08OSLO670: "REF: A. A: OSLO 629 B. B: OSLO 585 C. C: OSLO 522"
    assert corpus_cable("08OSLO670").references == ["08OSLO629", "08OSLO585", "08OSLO522"]


def test_reference_on_the_subject_line_of_re_flowed_text():
    # 10BRASILIA49: "SUBJECT: BRAZIL'S PRESIDENTIAL ELECTIONS: ... JOSE SERRA REF: RIO DE JANEIRO 32"
    cable = corpus_cable("10BRASILIA49")
    assert cable.references == ["10RIODEJANEIRO32"]
    assert cable.body_subject.endswith("COMES UP FAST BEHIND JOSE SERRA")


def test_and_previous_is_neither_a_cable_nor_another_reference():
    # 10BAKU97: "¶C. C) 2009 BAKU 972 / ¶D. AND PREVIOUS"
    cable = corpus_cable("10BAKU97")
    assert cable.references == ["10BAKU91", "10BAKU30", "09BAKU972"]
    assert cable.other_references == []


def test_semicolon_separated_entries():
    # 10LUANDA84: "REF: SECSTATE 10152; 08 LUANDA 536"
    assert corpus_cable("10LUANDA84").references == ["10STATE10152", "08LUANDA536"]


def test_emails_are_kept_as_non_cable_references():
    # 06MADRID2281: "REF: EUR/WE E-MAIL OF 09/08/2006"
    cable = corpus_cable("06MADRID2281")
    assert cable.references == []
    assert cable.other_references == ["EUR/WE E-MAIL OF 09/08/2006"]


def test_date_time_groups_and_report_numbers_are_never_ids():
    # 08STOCKHOLM494: "REF: A. USDAO STOCKHOLM DTG 051506ZJUN2008 B. IIR 6 982 0173"
    cable = corpus_cable("08STOCKHOLM494")
    assert cable.references == []
    assert cable.other_references == ["USDAO STOCKHOLM DTG 051506ZJUN2008", "IIR 6 982 0173"]
    # 10BRASILIA3: "REF: BRASILIA 1124; IIR 6 809 0156 10"
    assert corpus_cable("10BRASILIA3").references == ["10BRASILIA1124"]


def test_a_page_marker_inside_the_ref_block_is_not_a_reference_to_the_cable():
    # 07MADRID2282: "REF: MADRID 2251" / "MADRID 00002282 001.2 OF 002"
    assert corpus_cable("07MADRID2282").references == ["07MADRID2251"]
    block = "REF: MADRID 2251\nMADRID 00002282 001.2 OF 002"
    assert parse_references(split_fields(block)["REF"], 2007).cables == ["07MADRID2251"]


def test_a_post_abbreviated_or_reordered_resolves_through_the_post_table():
    # 09RPODUBAI379: "REF: DUBAI RPO 378" (the post's own cables are 09RPODUBAI...)
    assert corpus_cable("09RPODUBAI379").references == ["09RPODUBAI378"]
    assert resolve_post("RIO DE JAN") == "RIODEJANEIRO"
    assert resolve_post("SAO PAULO") == "SAOPAULO"


def test_a_post_glued_to_its_serial():
    # 09STATE63812: "REF: A. ASHGABAT687 / ¶B. ASHGABAT733"
    assert corpus_cable("09STATE63812").references == ["09ASHGABAT687", "09ASHGABAT733"]


@pytest.mark.parametrize("word", ["POINTS", "REPORT", "EMAIL", "TELCON", "OSC", "IIR", "DTG", "JULY", "AND"])
def test_ordinary_words_are_not_posts(word):
    assert resolve_post(word) is None


def test_every_emitted_id_has_the_cable_id_shape_and_a_real_post():
    posts = set(known_posts())
    for path in sorted(CORPUS_TXT.glob("*.txt")):
        for reference in corpus_cable(path.stem).references:
            assert is_cable_id(reference), reference
            post = re.sub(r"^\d{2}|\d+$", "", reference)
            assert post in posts or resolve_post(post) == post, (path.stem, reference)


def test_the_post_table_holds_every_origin_of_the_corpus():
    origins = set(known_posts().values())
    assert {"Consulate Rio De Janeiro", "Secretary of State", "UNVIE", "Mission USNATO"} <= origins
    assert known_posts()["STATE"] == "Secretary of State"
