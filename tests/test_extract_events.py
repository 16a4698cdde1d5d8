"""Event extraction on real cables: dates and their precision, years resolved from context, event types."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from orchestration.cables.cleantext import is_page_break
from orchestration.cables.extract.event_dates import find_dates, resolve_year
from orchestration.cables.extract.event_parts import find_actors, find_law
from orchestration.cables.extract.event_types import classify
from orchestration.cables.extract.events import extract_events
from orchestration.cables.extract.laws import extract_laws
from orchestration.cables.extract.records import EventFact
from tests.conftest import ALL_CABLE_FILES, cable, raw_text


def squeeze(text: str) -> str:
    """Letters and digits only, lower-cased: what survives line breaks, hyphenation and page breaks."""
    text = "\n".join(line for line in text.split("\n") if not is_page_break(line))
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def events_quoting(cable_id: str, fragment: str) -> list[EventFact]:
    """The events of a cable whose sentence contains `fragment`."""
    found = [event for event in extract_events(cable(cable_id)) if fragment in event.quote]
    assert found, f"no event quoting {fragment!r} in {cable_id}"
    return found


def only_event(cable_id: str, fragment: str) -> EventFact:
    found = events_quoting(cable_id, fragment)
    assert len(found) == 1, [(e.event_date, e.event_type) for e in found]
    return found[0]


def no_event(cable_id: str, fragment: str) -> None:
    found = [event for event in extract_events(cable(cable_id)) if fragment in event.quote]
    assert not found, [(e.event_date, e.event_type, e.quote) for e in found]


# --- dates without a year --------------------------------------------------------------------------------------


def test_day_without_year_takes_the_cable_year_when_the_month_has_come():
    # 08PHNOMPENH179 was sent on 19 February 2008: "promulgated on February 15" is 15 February 2008
    event = only_event("08PHNOMPENH179", "was promulgated on February 15")
    assert (event.event_date, event.date_precision, event.event_type) == (dt.date(2008, 2, 15), "day", "law_enacted")
    # the law as the cable's law mentions write it, so the warehouse joins the two
    assert event.law == "Cambodia's anti-trafficking in persons law" == event.subject
    assert event.law in {m.surface for m in extract_laws(cable("08PHNOMPENH179"))}


def test_day_without_year_steps_back_a_year_when_the_month_is_after_the_cable_month():
    # 09PHNOMPENH114 was sent in February 2009: "On September 9" is September 2008
    event = only_event("09PHNOMPENH114", "On September 9, the Sihanoukville court convicted")
    assert (event.event_date, event.date_precision, event.event_type) == (dt.date(2008, 9, 9), "day", "court_decision")


def test_same_day_as_the_cable():
    event = only_event("08PHNOMPENH445", "On May 30, 115 Royal Cambodian Armed Forces")
    assert (event.event_date, event.date_precision, event.event_type) == (dt.date(2008, 5, 30), "day", "training")
    assert "RCAF" in event.actors


def test_month_alone_is_a_month_of_the_cable_year():
    # 09CAIRO386 was sent in March 2009
    event = only_event("09CAIRO386", "In January, NCCM launched a special center")
    assert (event.event_date, event.date_precision, event.event_type) == (
        dt.date(2009, 1, 1),
        "month",
        "body_established",
    )
    assert event.actors == ["NCCM"]


def test_a_month_still_to_come_is_not_stepped_back():
    # 08DAKAR262 was sent in March 2008; the plan "is expected to be finalized in May" (of 2008)
    dates = {event.event_date for event in events_quoting("08DAKAR262", "expected to be finalized in May")}
    assert dt.date(2008, 5, 1) in dates
    assert dt.date(2007, 5, 1) not in dates


def test_a_range_start_takes_the_year_of_the_range_end():
    event = only_event("09PHNOMPENH114", "From June to September 2008, the NTF worked")
    assert (event.event_date, event.date_precision, event.event_type) == (dt.date(2008, 6, 1), "month", "campaign")
    event = only_event("09PHNOMPENH114", "In January and February 2009, three of Cambodia")
    assert (event.event_date, event.date_precision) == (dt.date(2009, 1, 1), "month")


def test_resolve_year_rules():
    sent = dt.date(2009, 2, 19)
    assert resolve_year(2, sent) == 2009
    assert resolve_year(9, sent) == 2008
    assert resolve_year(9, sent, future=True) == 2009
    assert resolve_year(1, sent, future=True) == 2010


def test_a_year_earlier_in_the_sentence_dates_a_day_without_year():
    mentions = find_dates("In 2006 the court met twice, on March 3 and on June 9.", dt.date(2009, 2, 19))
    assert [m.date for m in mentions] == [dt.date(2006, 1, 1), dt.date(2006, 3, 3), dt.date(2006, 6, 9)]
    assert [m.explicit_year for m in mentions] == [True, False, False]


def test_a_year_of_an_earlier_sentence_does_not_date_a_day_without_year():
    # 09ASTANA363 (sent 27 February 2009): a sentence about a December 2008 contract precedes "on February 26"
    event = only_event("09ASTANA363", "During Loscher's visit on February 26")
    assert event.event_date == dt.date(2009, 2, 26)


def test_earlier_in_the_year_is_the_paragraphs_year():
    event = only_event("09PHNOMPENH114", "provincial dialogues that occurred earlier in the year")
    assert (event.event_date, event.date_precision, event.event_type) == (dt.date(2008, 1, 1), "year", "campaign")


def test_relative_dates_from_the_cable_date():
    # 08DAKAR262 was sent in March 2008; 08PHNOMPENH445 on 30 May 2008
    event = only_event("08DAKAR262", "Last year's TIP Report discussed")
    assert (event.event_date, event.date_precision) == (dt.date(2007, 1, 1), "year")
    event = only_event("08PHNOMPENH445", "media coverage this week")
    assert (event.event_date, event.date_precision, event.event_type) == (
        dt.date(2008, 5, 1),
        "month",
        "report_published",
    )


def test_a_four_digit_count_is_not_a_year():
    mentions = find_dates("In 2008, 2000 victims and USD 2000 were counted.", dt.date(2009, 2, 1))
    assert [m.text for m in mentions] == ["2008"]


def test_find_dates_precisions_and_spans():
    text = "On July 5, 2004, the government met; in late 2006 and in March 2007 it met again (dated 03/12/2009)."
    mentions = find_dates(text, dt.date(2009, 2, 1))
    got = [(m.text, m.date, m.precision) for m in mentions]
    assert got == [
        ("July 5, 2004", dt.date(2004, 7, 5), "day"),
        ("late 2006", dt.date(2006, 1, 1), "year"),
        ("March 2007", dt.date(2007, 3, 1), "month"),
        ("03/12/2009", dt.date(2009, 3, 12), "day"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_may_the_modal_verb_is_not_a_month():
    assert find_dates("May victims file civil suits against traffickers?", dt.date(2009, 2, 1)) == []


# --- precisions and types --------------------------------------------------------------------------------------


def test_month_precision_law_enacted_with_actor_and_law():
    event = only_event("07PHNOMPENH351", "the National Assembly passed a new domestic violence law")
    assert (event.event_date, event.date_precision, event.event_type) == (dt.date(2005, 9, 1), "month", "law_enacted")
    assert event.actors == ["National Assembly"]
    assert event.law == "domestic violence law"


def test_year_precision_training():
    event = only_event("09PHNOMPENH114", "In 2008, UNICEF provided training courses")
    assert (event.event_date, event.date_precision, event.event_type) == (dt.date(2008, 1, 1), "year", "training")
    assert "UNICEF" in event.actors


@pytest.mark.parametrize(
    ("cable_id", "fragment", "date", "precision", "event_type"),
    [
        ("07PHNOMPENH351", "Cambodian police raided nine brothels", dt.date(2006, 8, 1), "month", "raid"),
        (
            "07PHNOMPENH351",
            "Phnom Penh Municipal Court sentenced two women",
            dt.date(2006, 2, 17),
            "day",
            "court_decision",
        ),
        ("07PHNOMPENH351", "National Police signed an MOU with IJM", dt.date(2006, 9, 1), "month", "agreement_signed"),
        (
            "07PHNOMPENH351",
            "government established a National Task Force",
            dt.date(2004, 7, 5),
            "day",
            "body_established",
        ),
        (
            "07PHNOMPENH351",
            "COMMIT Task Force on the counter-trafficking",
            dt.date(2005, 7, 14),
            "day",
            "body_established",
        ),
        ("09PHNOMPENH114", "launched a nationwide anti-trafficking campaign", dt.date(2008, 3, 1), "month", "campaign"),
        (
            "09PHNOMPENH114",
            "published a 65-page Legal Aid Services directory",
            dt.date(2007, 12, 1),
            "month",
            "report_published",
        ),
        (
            "09PHNOMPENH114",
            "Prime Minister Hun Sen ordered the Ministry",
            dt.date(2008, 2, 19),
            "day",
            "policy_decision",
        ),
        ("09CAIRO386", "Egyptian authorities charged 11 people", dt.date(2009, 1, 16), "day", "other"),
        ("08DAKAR262", "Last year's TIP Report discussed", dt.date(2007, 1, 1), "year", "report_published"),
        ("09DAMASCUS139", "Decree 81 of 2006 regulates", dt.date(2006, 1, 1), "year", "law_enacted"),
    ],
)
def test_event_types_on_real_sentences(cable_id, fragment, date, precision, event_type):
    event = events_quoting(cable_id, fragment)[0]
    assert (event.event_date, event.date_precision, event.event_type) == (date, precision, event_type)


def test_a_capitalised_name_is_not_a_trigger():
    # "Vocational Training" is part of a ministry's name; the sentence reports declarations signed into force
    event = only_event("09PHNOMPENH114", "signed into force six declarations")
    assert (event.event_date, event.event_type) == (dt.date(2007, 12, 1), "law_enacted")


def test_a_law_named_by_its_year_is_enacted_that_year():
    event = only_event("09DAMASCUS139", "Decree 81 of 2006 regulates")
    assert event.law == "Decree 81 of 2006"
    dates = [(e.event_date, e.event_type) for e in events_quoting("09DAMASCUS139", "General Penal Code of 1949")]
    assert dates == [(dt.date(1949, 1, 1), "law_enacted"), (dt.date(1985, 1, 1), "law_enacted")]


def test_two_dated_happenings_in_one_sentence():
    found = events_quoting("08PHNOMPENH179", "the law had moved to the Council of Ministers")
    assert [(e.event_date, e.event_type) for e in found] == [
        (dt.date(2007, 8, 1), "law_drafted"),
        (dt.date(2007, 11, 1), "law_drafted"),
    ]
    found = events_quoting("10CARACAS231", "Information provided to G/TIP by the Government of Venezuela")
    assert [e.event_date for e in found] == [dt.date(2009, 3, 27), dt.date(2009, 12, 3)]


# --- what is not an event --------------------------------------------------------------------------------------


def test_a_yearly_statistic_is_not_an_event():
    no_event("07PHNOMPENH351", "In 2006, police arrested 91 perpetrators")
    no_event("09PHNOMPENH114", "In 2008, the shelter assisted 84 victims of trafficking.")


def test_the_period_a_plan_covers_is_not_an_event_date():
    event = only_event("07PHNOMPENH351", "meant to cover the period 2006-2010")
    assert (event.event_date, event.date_precision, event.event_type) == (
        dt.date(1999, 1, 1),
        "year",
        "policy_decision",
    )


def test_the_cables_own_report_and_later_plans_are_not_events():
    no_event("09PHNOMPENH114", "contribution toward the preparation of the 2009 Trafficking in Persons Report")
    no_event("09PHNOMPENH114", "are expected to receive RAJP training on the law in 2009")


def test_a_comparison_base_is_not_an_event():
    no_event("09PHNOMPENH114", "160 returnees in 2008 compared to 224 in 2007")


# --- provenance -------------------------------------------------------------------------------------------------


def test_quote_is_the_sentence_and_span_points_into_the_raw_text():
    event = only_event("07PHNOMPENH351", "the National Assembly passed a new domestic violence law")
    assert event.quote == "In September 2005, the National Assembly passed a new domestic violence law."
    assert event.cable_id == "07PHNOMPENH351"
    assert event.section == "2D"
    raw = raw_text("07PHNOMPENH351")[event.char_start : event.char_end]
    assert re.sub(r"\s+", " ", raw) == event.quote


@pytest.mark.parametrize("path", ALL_CABLE_FILES, ids=lambda p: p.stem)
def test_every_event_is_well_formed(path):
    parsed = cable(path.stem)
    raw = raw_text(path.stem)
    events = extract_events(parsed)
    for event in events:
        assert event.date_precision in ("day", "month", "year")
        if event.date_precision != "day":
            assert event.event_date.day == 1
        if event.date_precision == "year":
            assert event.event_date.month == 1
        assert event.event_date <= parsed.sent_at.date() + dt.timedelta(days=400)
        # the raw span holds the quote's words across line and page breaks
        quote, span = squeeze(event.quote), squeeze(raw[event.char_start : event.char_end])
        assert quote[:40] in span and span.endswith(quote[-10:])


# --- helpers ----------------------------------------------------------------------------------------------------


def test_classify_prefers_the_trigger_nearest_the_date():
    text = "In 2006, police arrested six persons; in February 2007, the court sentenced them."
    assert classify(text, text.index("February 2007"), text.index("February 2007") + 13) == "court_decision"
    assert classify("In 2007 the office was painted.", 3, 7) == "other"


def test_find_actors_and_law():
    sentence = (
        "In October 2005, the Cambodian government, represented by the Minister of Women's Affairs, signed an MOU"
    )
    assert "Minister of Women's Affairs" in find_actors(sentence)
    assert find_law("Article 16 of the Organic Law Against Organized Crime, passed in 2005, makes") == (
        "Organic Law Against Organized Crime"
    )


def test_actors_split_coordinated_acronyms_and_keep_nationality_with_its_institution():
    event = only_event("09DAMASCUS139", "IOM, with the assistance of the MSA and MOI, provided training")
    assert event.event_type == "training"
    assert {"IOM", "MSA", "MOI"} <= set(event.actors)
    event = only_event("07PHNOMPENH351", "Cambodian police raided nine brothels")
    assert "Cambodian police" in event.actors
    assert "Cambodian" not in event.actors


@pytest.mark.parametrize(
    "text",
    [
        # 09BAKU744, 07PARIS2725: a decade is no year, whether its apostrophe is one or a comma
        "Memories of the brutal repression of Kashgai resistors in the 1980's, combined with improved economic status",
        "Both sources related approvingly that since the mid-1980,s the central regime has moved away",
        "viewed through the prism of a 1990’s story line in which the West seeks to",
    ],
)
def test_a_decade_is_no_date(text):
    assert find_dates(text, dt.date(2009, 9, 1)) == []


def test_the_cheap_tests_before_patterns_never_skip_a_pattern_that_matches():
    # each word set is read from the pattern: a sentence holding a match holds one of its words; the commonest words
    # ("the", "was", "ing") are not chosen where rarer ones will do
    from orchestration.cables.extract import event_types
    from orchestration.cables.extract.text_scan import holds_any_folded, required_words

    for _, pattern in event_types._RULES:
        words = required_words(pattern)
        assert words is None or not {"the", "was", "were", "ing"} & set(words)
    sentences = [
        "The Anti-Trafficking Unit was established in 2007.",
        "The bill was sent to the Parliament in May 2008.",
        "In March, the court approved extending the ban.",
        "A new 2008 standard requires shelters.",
    ]
    for sentence in sentences:
        for name, pattern in event_types._RULES:
            if pattern.search(sentence):
                assert holds_any_folded(sentence, required_words(pattern)), (name, sentence)
        assert event_types.nearest_trigger(sentence, 0, len(sentence)) is not None
