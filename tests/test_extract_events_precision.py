"""Events on real sentences: what is no happening, what a one-off event is about, and its TIP context."""

from __future__ import annotations

import datetime as dt

import pytest

from orchestration.cables.extract.events import extract_events
from orchestration.cables.extract.laws import extract_laws
from orchestration.cables.extract.records import EventFact
from orchestration.cables.parser import read_cable_file
from tests.conftest import ROOT, cable

CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "txt"


def corpus_events(cable_id: str) -> list[EventFact]:
    """Events of a cable of the mixed corpus (every topic, not only trafficking)."""
    return extract_events(read_cable_file(CORPUS / f"{cable_id}.txt"))


def quoting(events: list[EventFact], fragment: str) -> list[EventFact]:
    return [event for event in events if fragment in event.quote]


def the_event(cable_id: str, fragment: str) -> EventFact:
    found = quoting(extract_events(cable(cable_id)), fragment)
    assert len(found) == 1, [(e.event_date, e.event_type, e.quote) for e in found]
    return found[0]


@pytest.mark.parametrize(
    ("cable_id", "fragment"),
    [
        # a deadline, a span, a reference point, the end of a span
        ("08MANAMA144", "or victims of trafficking by the March 1 deadline"),
        ("08MANAMA144", "The GOB has taken several steps to combat trafficking over the last year"),
        ("08MANAMA144", "Prior to January 9, trafficking cases were prosecuted"),
        ("09BRASILIA251", "ILO currently has funds through July"),
        # a day observed every year; a four-digit count among counts
        ("09BRASILIA251", "National Day against Sexual Exploitation (May 18)"),
        ("09BRASILIA251", "4000 for first place, 2800 for second, 2000 for third"),
        # a clause saying that something did not happen
        ("08MANAMA144", "The GOB had not responded to all reftel questions before the March 1 reporting deadline"),
    ],
)
def test_dates_that_date_no_happening_give_no_event(cable_id: str, fragment: str) -> None:
    assert not quoting(extract_events(cable(cable_id)), fragment)


def test_a_cable_reference_and_a_classification_line_are_not_events() -> None:
    assert not quoting(corpus_events("09BRASILIA1276"), "2008 BRASILIA 775")
    assert not quoting(corpus_events("08STATE116943"), "Declassify on")


@pytest.mark.parametrize(
    ("cable_id", "fragment", "date", "event_type"),
    [
        # the law as the subject of "entered into force"
        ("08MANAMA144", "when the anti-TIP law entered into force", dt.date(2008, 1, 9), "law_enacted"),
        # an announcement is the accession it announces
        ("07MANAMA206", "the MFA announced Bahrain's accession", dt.date(2004, 3, 1), "agreement_signed"),
        # "employer-reported" is a compound, not a report
        ("07MANAMA206", "stood up an automated system in mid-2005", dt.date(2005, 1, 1), "other"),
        # "in what was reported to be a mafia meeting": hearsay, the arrest is the event
        ("09TELAVIV1098", "Nissim was arrested with 18 others", dt.date(2008, 12, 1), "arrest"),
        # an arrest of a number of people dated by month is an operation, not a yearly count
        ("09TELAVIV1098", "the INP arrested twelve suspects", dt.date(2009, 3, 1), "arrest"),
        ("08BRASILIA1588", "unusually large riverine seizure", dt.date(2008, 12, 2), "raid"),
        ("08MANAMA144", "the government granted an amnesty", dt.date(2007, 8, 1), "policy_decision"),
        (
            "09BRASILIA251",
            "the President of Brazil signed the National Policy",
            dt.date(2006, 10, 1),
            "policy_decision",
        ),
        (
            "09BRASILIA251",
            "Work Plan to Combat Trafficking in Persons was released",
            dt.date(2008, 1, 1),
            "policy_decision",
        ),
        # "in December ¶2008": a page break's paragraph mark between a month and its year
        ("09TELAVIV1098", "convened an emergency meeting", dt.date(2008, 12, 1), "other"),
    ],
)
def test_event_types_of_new_kinds_of_sentence(cable_id: str, fragment: str, date: dt.date, event_type: str) -> None:
    event = the_event(cable_id, fragment)
    assert (event.event_date, event.event_type) == (date, event_type)


@pytest.mark.parametrize(
    ("cable_id", "fragment", "subject"),
    [
        ("07PHNOMPENH351", "government established a National Task Force", "National Task Force"),
        ("09PHNOMPENH114", "In April 2007, the government launched the NTF", "NTF"),
        ("09TELAVIV1098", "created a new unit called Lahav 433", "Lahav 433"),
        ("09BRASILIA251", "The CONATRAE has existed since 2004", "CONATRAE"),
        ("07MANAMA206", "The GOB opened a government shelter", "government shelter"),
        ("07MANAMA206", "the MFA announced Bahrain's accession", "UN Convention Against Transnational Organized Crime"),
    ],
)
def test_a_one_off_event_names_what_it_is_about(cable_id: str, fragment: str, subject: str) -> None:
    assert the_event(cable_id, fragment).subject == subject


def test_one_body_named_three_ways_has_one_subject_key() -> None:
    # 09PHNOMPENH114 dates the National Task Force's launch to March and to April 2007, naming it
    # "the government National Task Force", "anti-TIP National Task Force" and "the NTF" (defined inline)
    events = [e for e in extract_events(cable("09PHNOMPENH114")) if e.event_type == "body_established"]
    task_force = [e for e in events if e.subject and ("Task Force" in e.subject or e.subject == "NTF")]
    assert len({e.subject for e in task_force}) >= 3
    assert {e.subject_key for e in task_force} == {"ntf"}
    assert {e.event_date.month for e in task_force} == {3, 4}
    others = {e.subject_key for e in events if e not in task_force and e.subject_key}
    assert "anti-corruption body" in others and "ntf" not in others


def test_a_law_event_names_its_law_as_the_cables_law_mentions_write_it() -> None:
    event = the_event("08MANAMA144", "when the anti-TIP law entered into force")
    assert event.subject == event.law == "anti-TIP law"
    assert event.law in {m.surface for m in extract_laws(cable("08MANAMA144"))}


def test_two_agreements_of_one_sentence_keep_their_own_subjects_and_law() -> None:
    # 07MOSCOW2429: the 2006 MOU and the 1957 Convention are two things; the MOU's event concerns no law
    events = quoting(corpus_events("07MOSCOW2429"), "2006 Memorandum of Understanding")
    by_year = {event.event_date.year: event for event in events}
    assert by_year[2006].subject == "Memorandum of Understanding" and by_year[2006].law is None
    assert by_year[1957].subject == by_year[1957].law == "1957 European Convention on Extradition"


def test_a_bare_head_noun_is_no_subject() -> None:
    # 09SEOUL1241: "Those agreements, signed in 2004, did not come with appropriated funds."
    (event,) = quoting(corpus_events("09SEOUL1241"), "Those agreements, signed in 2004")
    assert event.event_type == "agreement_signed" and event.subject is None


def test_events_carry_the_tip_context_of_their_paragraph() -> None:
    assert all(event.tip_context for event in extract_events(cable("08MANAMA144")))
    general = corpus_events("07MOSCOW2429")
    assert general and not any(event.tip_context for event in general)


def test_a_reading_in_parliament_is_a_step_of_drafting_and_a_later_day_stays_ahead() -> None:
    # 09PARIS559 (sent in April 2009): both days are still to come, so May 12 is 2009, not 2008
    events = quoting(corpus_events("09PARIS559"), "to bring the law back for a second reading")
    assert [(e.event_date, e.event_type) for e in events] == [
        (dt.date(2009, 4, 29), "law_drafted"),
        (dt.date(2009, 5, 12), "other"),
    ]


def test_a_relative_clause_is_read_with_the_noun_it_speaks_of() -> None:
    # 07PHNOMPENH351: "... the Sub-regional Plan of Action, which was adopted on Hanoi in 2005."
    events = quoting(extract_events(cable("07PHNOMPENH351")), "Sub-regional Plan of Action, which was adopted")
    assert (dt.date(2005, 1, 1), "policy_decision") in [(e.event_date, e.event_type) for e in events]


def test_a_year_beside_one_count_is_still_a_year() -> None:
    # 09PHNOMPENH114: one count ("135 ... deminers") does not make a series of counts
    event = the_event("09PHNOMPENH114", "135 Royal Cambodian Armed Forces deminers")
    assert (event.event_date, event.event_type) == (dt.date(2008, 1, 1), "other")


def test_regulations_taking_effect_are_enacted_and_a_designation_year_repeats_no_enactment() -> None:
    # 08MANAMA144
    event = the_event("08MANAMA144", "new foreign labor regulations took effect")
    assert (event.event_date, event.event_type, event.subject) == (
        dt.date(2008, 1, 1),
        "law_enacted",
        "foreign labor regulations",
    )
    event = the_event("08MANAMA144", "On January 9, 2008, Bahrain enacted law number 1 of 2008")
    assert (event.event_date, event.date_precision, event.event_type) == (dt.date(2008, 1, 9), "day", "law_enacted")


def test_a_decision_a_meeting_discussed_does_not_type_the_meeting() -> None:
    # 10BAGHDAD70: "... on January 5, 2009 held meetings with Iraqi President Jalal Talabani ... to discuss the
    # recent Blackwater ruling, ..."; 09BANGKOK1998: "The disappointing August 11 Thai Lower Court ruling ..."
    (meeting,) = quoting(corpus_events("10BAGHDAD70"), "held meetings with Iraqi President")
    assert (meeting.event_date, meeting.event_type) == (dt.date(2009, 1, 5), "other")
    (ruling,) = quoting(corpus_events("09BANGKOK1998"), "The disappointing August 11 Thai Lower Court ruling")
    assert (ruling.event_date, ruling.event_type) == (dt.date(2009, 8, 11), "court_decision")


@pytest.mark.parametrize(
    ("cable_id", "fragment"),
    [
        ("10HAVANA84", "All diplomats agreed that Cuba could survive this year"),
        ("09MADRID59", "Jimenez said she might travel to Cuba in May 2009"),
        ("10PARIS207", "should lead the charge in engaging this year"),
        ("09BRASILIA791", "who might replace her as the Workers' Party candidate in 2010"),
        ("08BOGOTA1391", "could be done at the end of April"),
    ],
)
def test_what_only_might_happen_at_a_date_still_to_come_is_no_event(cable_id: str, fragment: str) -> None:
    assert not quoting(corpus_events(cable_id), fragment)


def test_a_scheduled_happening_named_after_a_modal_stays_an_event() -> None:
    # 07PARIS257: "... the Iranians might try to parley the overture into an invitation to attend the January 25
    # Lebanon Conference": the modal governs the trying, the conference is dated
    (event,) = quoting(corpus_events("07PARIS257"), "attend the January 25 Lebanon Conference")
    assert event.event_date == dt.date(2007, 1, 25)


@pytest.mark.parametrize(
    ("cable_id", "fragment", "date", "event_type"),
    [
        # a participle after the body it creates, after a comma or with its agent
        ("07PARIS306", "The Higher Audio-Visual Council, created in 1989", dt.date(1989, 1, 1), "body_established"),
        ("05PARIS5335", "a coalition of center-right parties founded by", dt.date(2002, 1, 1), "body_established"),
        ("09MADRID1152", "the Inter-Ministerial Commission formed October 9", dt.date(2009, 10, 9), "body_established"),
        # a verdict with its object between, a quashing, a conviction named by its date
        ("06MANAGUA1003", "an FSLN judge found him not guilty in December", dt.date(2005, 12, 1), "court_decision"),
        ("10ISLAMABAD416", "a Pakistani court quashed all remaining cases", dt.date(2009, 10, 12), "court_decision"),
        ("10KABUL62", "The ex-mayor's December 7 conviction", dt.date(2009, 12, 7), "court_decision"),
    ],
)
def test_general_cables_type_verdicts_and_new_bodies(
    cable_id: str, fragment: str, date: dt.date, event_type: str
) -> None:
    (event,) = quoting(corpus_events(cable_id), fragment)
    assert (event.event_date, event.event_type) == (date, event_type)


@pytest.mark.parametrize(
    ("cable_id", "fragment"),
    [
        # an amount of money over a year is a figure, not a happening
        ("06DUBLIN1020", "In 2005, the airport turned a euro 2.9 million profit"),
        ("07PARIS2725", "Russian arms sales are consequential, totaling approximately USD 6.7 billion in 2006"),
        ("08ISLAMABAD2524", "Pakistan's trade deficit rose to USD 17 billion, up from USD 11 billion last year"),
        ("10HAVANA84", "Two-way trade with China alone in 2009 fell by close to $1 billion"),
    ],
)
def test_an_amount_of_money_over_a_year_is_no_event(cable_id: str, fragment: str) -> None:
    assert not quoting(corpus_events(cable_id), fragment)


def test_a_sale_or_a_profit_without_an_amount_does_not_hide_a_happening() -> None:
    # 09STATE83014: "If asked about U.S. arms sales to Venezuela: ... a consequence of a 2006 determination"
    assert quoting(corpus_events("09STATE83014"), "a consequence of a 2006 determination")
    # 08TUNIS679: "In summer 2007, Leila Ben Ali received a desirable tract of land ... the for-profit ... School"
    assert quoting(corpus_events("08TUNIS679"), "In summer 2007, Leila Ben Ali received a desirable tract")


@pytest.mark.parametrize(
    ("cable_id", "fragment", "date"),
    [
        # a plural plan, an approval of a course of action
        ("08MADRID620", "This month Spain approved plans to send two cargo aircraft", dt.date(2008, 6, 1)),
        ("09SEOUL1241", "the National Assembly in July approved extending the ROK", dt.date(2009, 7, 1)),
    ],
)
def test_an_approved_course_of_action_is_a_policy_decision(cable_id: str, fragment: str, date: dt.date) -> None:
    (event,) = quoting(corpus_events(cable_id), fragment)
    assert (event.event_date, event.event_type) == (date, "policy_decision")


@pytest.mark.parametrize(
    ("cable_id", "fragment"),
    [
        # a railway train, a schooling, a course of things, a call: no training
        ("08MADRID620", "In 2004 Madrid suffered bloody train bombings"),
        ("08ISLAMABAD3248", 'leading a largely ignored "train march"'),
        ("06LAPAZ3400", "A lawyer by education and a teacher by training"),
        ("09BRUSSELS1580", "In fact, of course, the transformation began at home in Belgium in 2007"),
        ("09KABUL2658", "to a post-election course of action"),
        ("05SANAA923", "In a conference call with Ambassador and DCM"),
        ("08ISLAMABAD3248", "at a news conference October 12"),
    ],
)
def test_words_that_only_look_like_training_type_no_training(cable_id: str, fragment: str) -> None:
    events = quoting(corpus_events(cable_id), fragment)
    assert events and all(event.event_type != "training" for event in events)


@pytest.mark.parametrize(
    ("cable_id", "fragment", "wrong_type"),
    [
        # a campaign for votes is no campaign of awareness
        ("09RIODEJANEIRO329", "Governor Cabral's 2010 reelection campaign", "campaign"),
        ("09BERLIN1167", "At election campaign rallies last week", "campaign"),
        # what just changed is no decision; Amnesty International grants no amnesty
        ("10ISLAMABAD428", "Pakistani terrorism had changed", "policy_decision"),
        ("10LUXEMBOURG5", "Begg later attended an Amnesty International-hosted screening", "policy_decision"),
        # a ruling party makes no ruling
        ("09PRETORIA2263", "the most vocal member of the ruling party during the ANC", "court_decision"),
    ],
)
def test_look_alike_cues_give_no_campaign_decision_or_ruling(cable_id: str, fragment: str, wrong_type: str) -> None:
    events = quoting(corpus_events(cable_id), fragment)
    assert events and all(event.event_type != wrong_type for event in events)


@pytest.mark.parametrize(
    ("cable_id", "fragment", "wrong_type"),
    [
        # a name with Studies or Research in it, a study group, a person set free: no publication
        ("09BEIJING2438", "Director of the Center for Middle East Studies", "report_published"),
        ("08STATE116943", "Analysis from the DoS, Office of Research noted", "report_published"),
        ("10LUXEMBOURG5", "released from Guantanamo Bay in 2005", "report_published"),
        ("09PRETORIA939", "Released from prison at the age of 32 in 1974", "report_published"),
        ("07RABAT1657", "The proposal, which has been under study since 2004", "report_published"),
        # "seized on", "seized with": no seizure
        ("07RABAT1657", "was apparently seized on as a centerpiece", "raid"),
        ("09MOSCOW1591", "While Medvedev appears seized with taking charge", "raid"),
    ],
)
def test_look_alike_cues_give_no_publication_or_raid(cable_id: str, fragment: str, wrong_type: str) -> None:
    events = quoting(corpus_events(cable_id), fragment)
    assert events and all(event.event_type != wrong_type for event in events)


def test_research_at_the_head_of_a_sentence_is_still_a_study() -> None:
    # 09PHNOMPENH114: "Research conducted by Friends International and UNIAP in 2007 on child begging issues ..."
    events = quoting(extract_events(cable("09PHNOMPENH114")), "Research conducted by Friends International and UNIAP")
    assert [(e.event_date, e.event_type) for e in events] == [(dt.date(2007, 1, 1), "report_published")]
