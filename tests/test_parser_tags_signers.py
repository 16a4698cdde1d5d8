"""TAGS lines and signers in every real variant."""

from __future__ import annotations

import re
from functools import cache

from orchestration.cables.fields import split_fields
from orchestration.cables.model import Cable
from orchestration.cables.parser import read_cable_file
from orchestration.cables.signers import find_signers
from orchestration.cables.tags import parse_tags
from tests.conftest import CORPUS_TXT, cable


@cache
def corpus_cable(cable_id: str) -> Cable:
    """A cable of the 300-cable corpus, parsed once."""
    return read_cable_file(CORPUS_TXT / f"{cable_id}.txt")


def tail_lines(cable_id: str, count: int) -> list[str]:
    """The last lines of a corpus cable, as the signer finder sees the end of a body."""
    return [line.rstrip() for line in (CORPUS_TXT / f"{cable_id}.txt").read_text(encoding="utf-8").split("\n")[-count:]]


def test_comma_separated_tags_without_a_colon_carry_no_punctuation():
    # 09ABUDHABI301: "TAGS SENV, ECON, PREL, PARM, AF, PK, AE"
    assert corpus_cable("09ABUDHABI301").tags == ["SENV", "ECON", "PREL", "PARM", "AF", "PK", "AE"]


def test_a_continuation_line_after_a_trailing_comma_carries_tags():
    # 09BEIJING1176: "TAGS PREL, ECON, ..., KN, KS, " / "JA, IR, PK, AF" / "SUBJECT: ..."
    tags = corpus_cable("09BEIJING1176").tags
    assert tags[-4:] == ["JA", "IR", "PK", "AF"] and "KS" in tags


def test_a_continuation_line_running_into_the_subject_carries_tags_but_the_subject_does_not():
    fragment = "TAGS: ECON EFIN ELAB ETRD KIPR PTER SOCI TBIO SP\nEINV\nSUBJECT: MADRID WEEKLY ECON/AG UPDATE"
    assert parse_tags(split_fields(fragment)["TAGS"])[-2:] == ["SP", "EINV"]
    # with nothing after it the next line is not a tag line: its words may be anything
    assert parse_tags(split_fields("TAGS: PREL\nSOMETHING ELSE")["TAGS"]) == ["PREL"]


def test_codes_glued_by_transmission_are_split():
    # 09PARIS1267: "TAGS: ECON EINDETRD KIPR PREL FR"
    assert corpus_cable("09PARIS1267").tags == ["ECON", "EIND", "ETRD", "KIPR", "PREL", "FR"]


def test_tags_label_in_any_case_inside_the_eo_line():
    fragment = "E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m. goes to washington"
    assert parse_tags(split_fields(fragment)["TAGS"]) == ["PREL", "PGOV", "PINS", "TU"]


def test_a_multi_word_subject_tag_stays_whole_and_organisation_codes_stand_alone():
    # 05SANAA923: "TAGS: PINR PREL PTER YE COUNTER TERRORISM"
    assert corpus_cable("05SANAA923").tags[-1] == "COUNTER TERRORISM"
    # 10KABUL62 "TAGS: FBI JUS PGOV PINR PREL": three-letter codes of the viewer's tag index are tags of their own
    assert {"FBI", "JUS"} <= set(corpus_cable("10KABUL62").tags)


def test_no_corpus_tag_carries_punctuation_and_cambodia_is_cb():
    for path in sorted(CORPUS_TXT.glob("*.txt")):
        for tag in corpus_cable(path.stem).tags:
            assert not re.search(r"[^\w\s&/-]", tag), (path.stem, tag)
    assert cable("09PHNOMPENH114").tags[-1] == "CB"


def test_signer_before_the_classification_line():
    # 79TEHRAN8980 ends "LAINGEN" / "" / "CONFIDENTIAL"
    assert corpus_cable("79TEHRAN8980").signers == ["LAINGEN"]


def test_signer_before_a_classified_website_notice():
    # 10ANKARA87: "Jeffrey" / "" / '"Visit Ankara's Classified Web Site at http://www.intelink.s' / 'gov.gov/...'
    assert corpus_cable("10ANKARA87").signer == "Jeffrey"


def test_signer_ending_the_last_line_of_re_flowed_text():
    # 07PARIS2725: "... including by depriving it of arms markets. Burns"
    parsed = corpus_cable("07PARIS2725")
    assert parsed.signer == "Burns"
    assert parsed.paragraphs[-1].text.endswith("depriving it of arms markets.")
    # 10COLOMBO32: '... against Sri Lanka and its “war heroes.” BUTENIS'
    assert corpus_cable("10COLOMBO32").signer == "BUTENIS"


def test_signer_after_end_comment_without_a_full_stop():
    # 10KABUL104: "... should a post-jirga plan cross U.S. redlines. END COMMENT EIKENBERRY"
    assert corpus_cable("10KABUL104").signer == "EIKENBERRY"


def test_signer_after_a_declassification_footer():
    footer = ["", "Declassified/Released US Department of State EO Systematic", "Review 30 JUN 2006"]
    lines = tail_lines("79TEHRAN8980", 6) + footer
    assert find_signers(lines).signers == ["LAINGEN"]


def test_no_signer_when_the_body_ends_in_a_sentence():
    # 10MAPUTO80 ends "... and development of a financial intelligence capability."
    assert corpus_cable("10MAPUTO80").signer is None
    # 08DAKAR262 ends with an e-mail address on state.gov: text, not a website notice
    assert cable("08DAKAR262").signer is None
    assert cable("08DAKAR262").paragraphs[-1].text.endswith("TatON@state.gov.")


def test_several_signers_on_consecutive_lines_written_alike():
    lines = tail_lines("79TEHRAN8980", 6)
    at = lines.index("LAINGEN")
    both = [*lines[:at], "KEEGAN", *lines[at:]]
    assert find_signers(both).signers == ["KEEGAN", "LAINGEN"]
    # an address line above the name is not a second signer
    assert find_signers(["consideration.", "City", "ARREAGA"]).signers == ["ARREAGA"]
