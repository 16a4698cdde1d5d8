"""Which cables and paragraphs speak of trafficking in persons, on real cables."""

from __future__ import annotations

import pytest

from orchestration.cables.extract.topic import cable_topic, speaks_of_tip
from orchestration.cables.parser import read_cable_file
from tests.conftest import CORPUS_TXT, cable


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


def _metrics(cable_id: str):
    from orchestration.cables.extract.metrics import extract_metrics

    return extract_metrics(read_cable_file(CORPUS_TXT / f"{cable_id}.txt"))


def test_outside_tip_context_a_victims_figure_is_a_plain_count():
    # 09TELAVIV1177: "Post hosted two CODELS during the week of May 25" (not two victims assisted)
    hosted = [f for f in _metrics("09TELAVIV1177") if "Post hosted two CODELS" in f.quote and f.value == 2]
    assert hosted and all((f.measure, f.tip_context) == ("other", False) for f in hosted)
    # 09KABUL4027: "last month's return of 873 formerly AWOL soldiers" (not 873 victims repatriated)
    returned = [f for f in _metrics("09KABUL4027") if f.value == 873]
    assert returned and all(not f.measure.startswith("victims_") for f in returned)


def test_in_a_general_cable_a_victims_figure_needs_its_sentence_to_name_trafficking():
    # 09PARIS1426, a scenesetter: "... to counter trafficking ... identified 822 victims" names it
    identified = [f for f in _metrics("09PARIS1426") if f.value == 822]
    assert identified and all((f.measure, f.tip_context) == ("victims_identified", True) for f in identified)
    # 08BRASILIA823, a scenesetter: "The inspection teams freed over 5,900 forced labor victims last year (2007)
    # alone." is in a TIP paragraph, but its sentence does not say trafficking: a plain count, flagged as TIP context
    freed = [f for f in _metrics("08BRASILIA823") if f.value == 5900]
    assert freed and all((f.measure, f.tip_context) == ("other", True) for f in freed)


def test_arrests_outside_tip_context_keep_their_measure_but_not_the_tip_context():
    # 05MADRID1626: "Spanish authorities arrested 117 suspected Islamic terrorists during 2004"
    arrests = [f for f in _metrics("05MADRID1626") if f.value == 117 and "arrested 117" in f.quote]
    assert arrests and all((f.measure, f.tip_context) == ("arrests", False) for f in arrests)


@pytest.mark.slow
def test_general_cables_give_almost_no_victim_figures():
    # issue 8's bound: at most 5 victims_* figures per 1,000 cables neither tagged KTIP nor about TIP by subject
    from orchestration.cables.extract.metrics import extract_metrics

    general = victims = 0
    for path in sorted(CORPUS_TXT.glob("*.txt")):
        parsed = read_cable_file(path)
        if cable_topic(parsed).cable_is_tip:
            continue
        general += 1
        victims += sum(f.measure.startswith("victims_") for f in extract_metrics(parsed))
    assert general >= 250
    assert victims * 1000 / general <= 5, f"{victims} victims_* figures in {general} general cables"
