"""Incident narratives and comparisons on real cable sentences (failure kinds 1 and 3 of issue 8): noun-first
passives, people counted by what is done to them, parts of a total, changes in percent and their two ends."""

from __future__ import annotations

import datetime as dt
import functools

from orchestration.cables.extract.metrics import extract_metrics
from tests.conftest import cable, sentence_cable


@functools.cache
def _facts(cable_id: str):
    return extract_metrics(cable(cable_id))


def _one(cable_id: str, quote_part: str, value: float):
    found = [f for f in _facts(cable_id) if quote_part in f.quote and f.value == value]
    assert len(found) == 1, (value, found)
    return found[0]


def _sentence(text: str, origin: str = "Embassy Phnom Penh"):
    tip = sentence_cable(text, origin=origin)
    tip.tags = ["KTIP"]
    return extract_metrics(tip, [])


def test_noun_first_passive_with_others_counts_arrests():
    # 09TELAVIV1098: "Yaakov Alperon's brother Nissim was arrested with 18 others in December 2008"
    f = _one("09TELAVIV1098", "was arrested with 18 others", 18)
    assert (f.measure, f.unit) == ("arrests", "persons")
    assert (f.period_start, f.period_end) == (dt.date(2008, 12, 1), dt.date(2008, 12, 31))


def test_people_of_any_noun_are_arrested_with_the_others_of_their_list():
    # issue 8, an unseen raid report: "N customers and two facilitators were arrested"
    facts = _sentence("During the raid, 12 customers and two facilitators were arrested.")
    assert [(f.value, f.measure, f.unit) for f in facts] == [(12, "arrests", "persons"), (2, "arrests", "persons")]
    assert all(f.source_org is None for f in facts)  # a bare passive names no source


def test_a_part_of_a_total_that_follows_points_at_it():
    # issue 8: "N of the M women"
    facts = _sentence("Seven of the 12 women removed from the brothel were minors.")
    part, total = facts
    assert (part.value, total.value) == (7, 12)
    assert facts[part.parent_index] is total
    assert "female" in part.breakdown


def test_a_change_in_percent_is_no_share():
    # 08BRASILIA1588: "Drug flights into Brazil's far north have diminished by 75 percent since the introduction"
    found = [f for f in _facts("08BRASILIA1588") if "diminished by 75 percent" in f.quote and f.value == 75]
    assert found and all((f.measure, f.unit) == ("other", "percent") for f in found)  # summary and body
    # 07MANAMA206: "Reportedly 56% of 3062 labor complaint cases were resolved" is a share
    assert _one("07MANAMA206", "56% of 3062 labor complaint cases", 56).measure == "share"


def test_the_two_ends_of_a_change_count_what_changed_each_in_its_year():
    # issue 8: "arrests up 77 percent, from 142 to 252"
    change, before, after = _sentence("Arrests were up 77 percent, from 142 in 2007 to 252 in 2008.")
    assert (change.value, change.measure) == (77, "other")
    assert (before.value, before.measure, before.period_start) == (142, "arrests", dt.date(2007, 1, 1))
    assert (after.value, after.measure, after.period_start) == (252, "arrests", dt.date(2008, 1, 1))


def test_the_first_end_of_a_change_takes_the_measure_of_the_figure_it_compares():
    facts = _sentence("In 2008 police arrested 252 suspects, up 77 percent from 142 in 2007.")
    assert [(f.value, f.measure) for f in facts] == [(252, "arrests"), (77, "other"), (142, "arrests")]
    assert facts[2].period_start == dt.date(2007, 1, 1)


def test_a_population_is_counted_where_people_are_not_where_deeds_were_recorded():
    # 08DAKAR262: "ILO reported that 8,000 children in Dakar, and 5,000 from the interior ..." (how many there are)
    assert _one("08DAKAR262", "ILO reported that 8,000 children in Dakar", 8000).measure == "population_estimate"
    # 07MANAMA206: "The Ministry reported that 2,979 workers were registered as runaways" (a record of deeds)
    assert _one("07MANAMA206", "2,979 workers were registered as runaways", 2979).measure == "other"
    # 08MANAMA144: "There are approximately 517,000 expatriates in Bahrain." (expatriates are people)
    assert _one("08MANAMA144", "517,000 expatriates in Bahrain", 517000).measure == "population_estimate"
    # 09TELAVIV1098: "Approximately one million Russians moved to Israel ..." (the people who came to live there)
    assert _one("09TELAVIV1098", "one million Russians moved to Israel", 1_000_000).measure == "population_estimate"
    # 09TELAVIV1098: "He noted that approximately 2,000 people attended Alperon's very public funeral." (a deed)
    assert _one("09TELAVIV1098", "2,000 people attended", 2000).measure == "other"


def test_a_long_list_of_trainees_keeps_the_measure_of_its_head():
    # 09PHNOMPENH114: "Attendance included: six police officers from national-level Department ..., 24 police
    # officers from provincial ... offices, 21 provincial prosecutors, five staff people of various NGOs"
    listed = [f for f in _facts("09PHNOMPENH114") if f.quote.startswith("Attendance included:")]
    assert [(f.value, f.measure) for f in listed] == [(v, "persons_trained") for v in (6, 24, 21, 5)]


def test_people_of_any_noun_who_receive_training_are_trainees():
    # 09BRASILIA251: "Over 1,500 professionals including psychologists, social assistants, and teachers received
    # training"
    f = _one("09BRASILIA251", "Over 1,500 professionals including psychologists", 1500)
    assert (f.measure, f.unit) == ("persons_trained", "persons")


def test_workers_returning_home_are_migrants_and_those_who_stay_another_group():
    # 08MANAMA144: "12,897 workers returned to their home countries, while 43,445 chose to remain in country, either
    # by transferring their visa to a new employer (29,804) or renewing an expired visa (13,641)"
    quote = "12,897 workers returned to their home countries"
    assert _one("08MANAMA144", quote, 12897).measure == "migrants_returned"
    assert [_one("08MANAMA144", quote, v).measure for v in (43445, 29804, 13641)] == ["other"] * 3


def test_people_identified_are_victims_only_when_the_text_says_trafficked():
    # 09TELAVIV1098: "Post so far has identified 16 families and 78 related individuals who are at the center of"
    # organized crime
    assert _one("09TELAVIV1098", "has identified 16 families and 78 related", 78).measure == "other"


def test_sentences_received_by_men_are_convictions_and_custody_is_arrest():
    # 08MANAMA144: "All three men received two-year prison sentences."
    assert _one("08MANAMA144", "All three men received two-year prison sentences", 3).measure == "convictions"
    # 07PHNOMPENH351: "..., while 2 Americans are in U.S. custody."
    assert _one("07PHNOMPENH351", "while 2 Americans are in U.S. custody", 2).measure == "arrests"


def test_victims_sent_to_a_shelter_are_referred():
    # issue 8: "victims sent to a named shelter"
    facts = _sentence("Twelve girls were transferred to a government shelter in Koh Kong.")
    assert [(f.value, f.measure) for f in facts] == [(12, "victims_referred")]


def test_the_first_end_of_a_range_or_of_alternatives_counts_what_the_second_does():
    # 08BRASILIA1588: "a typical seizure now is about 100 to 200 kilos, he explained"
    assert (
        _one("08BRASILIA1588", "about 100 to 200 kilos", 100).measure
        == _one("08BRASILIA1588", "about 100 to 200 kilos", 200).measure
    )
    # 09TELAVIV1098: "Five or six crime families have traditionally dominated OC in Israel"
    assert _one("09TELAVIV1098", "Five or six crime families", 5).measure == "other"
    # 09ASTANA363: "charge two to three times market rates": a ratio, not two figures
    assert not [f for f in _facts("09ASTANA363") if "two to three times" in f.quote and f.value == 2]
