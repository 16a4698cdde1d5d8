"""Which cables and paragraphs speak of trafficking in persons, on real cables."""

from __future__ import annotations

import pytest

from orchestration.cables.extract.topic import cable_topic, speaks_of_tip
from orchestration.cables.parser import read_cable_file
from tests.conftest import FIXTURE_CABLES, cable

CORPUS_TXT = FIXTURE_CABLES.parent / "corpus" / "txt"


@pytest.mark.parametrize("cable_id", ["07PHNOMPENH351", "08DAKAR262", "07MANAMA206", "09CAIRO386"])
def test_tip_reports_are_about_tip_with_or_without_the_ktip_tag(cable_id):
    assert cable_topic(cable(cable_id)).cable_is_tip


@pytest.mark.parametrize("cable_id", ["08LAPAZ435", "09ASTANA363"])
def test_political_and_business_cables_are_not_about_tip(cable_id):
    topic = cable_topic(cable(cable_id))
    assert not topic.cable_is_tip
    assert not any(topic.of(p) for p in cable(cable_id).paragraphs)


def test_drug_trafficking_is_not_trafficking_in_persons():
    # 10MAPUTO80, subject "NARCOTRAFFICKING ON UPSWING": drug traffickers throughout
    maputo = read_cable_file(CORPUS_TXT / "10MAPUTO80.txt")
    assert not cable_topic(maputo).cable_is_tip
    assert not speaks_of_tip("the GOM lacks the capacity to stop drug trafficking through its ports")


def test_a_general_cable_paragraph_on_forced_labor_is_in_tip_context():
    # 08BRASILIA823, a scenesetter: one paragraph on labor inspectors freeing forced-labor victims
    brasilia = read_cable_file(CORPUS_TXT / "08BRASILIA823.txt")
    topic = cable_topic(brasilia)
    assert not topic.cable_is_tip
    freed = [p for p in brasilia.paragraphs if "slave-like" in p.text]
    assert freed and all(topic.of(p) for p in freed)


def test_the_word_tip_in_lower_case_is_not_the_acronym():
    assert not speaks_of_tip("this is only the tip of the iceberg of corruption cases")
