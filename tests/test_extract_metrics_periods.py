"""The period a figure covers, on real cable sentences: fiscal years, the period covered by the report, a month
without its year, "as of" a day, the base of a comparison, and counts of institutions that a date does not date."""

from __future__ import annotations

import datetime as dt
import functools

from orchestration.cables.extract.metrics import extract_metrics
from orchestration.cables.parser import read_cable_file
from tests.conftest import CORPUS_TXT, cable


@functools.cache
def _facts(cable_id: str):
    return extract_metrics(cable(cable_id))


def _one(cable_id: str, quote_part: str, value: float):
    found = [f for f in _facts(cable_id) if quote_part in f.quote and f.value == value]
    assert len(found) == 1, (value, found)
    return found[0]


def _period(f) -> tuple:
    return f.period_start, f.period_end


def test_a_fiscal_year_is_the_us_government_fiscal_year():
    # 06ASUNCION589: "Post requests an allocation of USD 310,000 in FY-2006 INL funds"
    f = _one("06ASUNCION589", "USD 310,000 in FY-2006", 310_000)
    assert _period(f) == (dt.date(2005, 10, 1), dt.date(2006, 9, 30))


def test_the_period_covered_by_this_report_is_the_reporting_period():
    # 09PHNOMPENH114: "During the period covered in this report, MOI reported the arrests of seven foreign nationals"
    f = _one("09PHNOMPENH114", "During the period covered in this report", 7)
    assert _period(f) == (dt.date(2008, 4, 1), dt.date(2009, 3, 31))


def test_a_month_without_a_year_is_of_the_cables_year():
    # 08MANAMA144 (sent February 2008): "In July, two women, one Ukrainian and one Russian, approached the shelter"
    f = _one("08MANAMA144", "In July, two women", 2)
    assert _period(f) == (dt.date(2007, 7, 1), dt.date(2007, 7, 31))


def test_as_of_a_day_is_a_total_up_to_that_day():
    # 08MANAMA144: "As of February 11, 75 inspectors had been hired"
    f = _one("08MANAMA144", "As of February 11, 75 inspectors", 75)
    assert _period(f) == (None, dt.date(2008, 2, 11))


def test_the_base_year_of_a_comparison_is_not_the_period():
    # 09ANKARA273: "In 2008, over 25 million tourists visited Turkey, a 13 percent increase over 2007."
    f = _one("09ANKARA273", "a 13 percent increase over 2007", 13)
    assert _period(f) == (dt.date(2008, 1, 1), dt.date(2008, 12, 31))


def test_a_count_of_institutions_is_not_dated_by_the_deed_it_serves():
    # 09PHNOMPENH114: "In April 2007, the government launched the NTF to coordinate 11 government ministries"
    f = _one("09PHNOMPENH114", "launched the NTF to coordinate 11 government ministries", 11)
    assert (f.measure, _period(f)) == ("organizations_count", (None, None))
    # 07PHNOMPENH351: "During August 2006, Cambodian police raided nine brothels": the raid is dated
    raided = _one("07PHNOMPENH351", "raided nine brothels", 9)
    assert _period(raided) == (dt.date(2006, 8, 1), dt.date(2006, 8, 31))


def test_part_of_a_year_is_that_part():
    # 07MANAMA206: "there were four in the first two months of 2007"
    f = _one("07MANAMA206", "in the first two months of 2007", 4)
    assert _period(f) == (dt.date(2007, 1, 1), dt.date(2007, 2, 28))


def test_since_a_clause_naming_an_initial_or_month_of_year_is_a_running_total_from_then():
    # 09PHNOMPENH114: "Since the U.S. PROTECT Act was passed in 2003, the Cambodian government has cooperated with the
    # U.S. in 19 cases": the dots of "U.S." end no clause
    f = _one("09PHNOMPENH114", "cooperated with the U.S. in 19 cases", 19)
    assert (_period(f), f.is_cumulative) == ((dt.date(2003, 1, 1), None), True)
    # 09CARACAS442 (Embassy Caracas, no gold): "Since February of 2009, DHS has notified Post that 73 Cuban Medical
    # Personnel Program (CMPP) applicants have been approved"
    caracas = extract_metrics(read_cable_file(CORPUS_TXT / "09CARACAS442.txt"))
    (f,) = [f for f in caracas if f.value == 73 and "Since February of 2009" in f.quote]
    assert _period(f) == (dt.date(2009, 2, 1), None)


def test_the_day_of_a_publication_or_of_a_report_of_earlier_deeds_is_not_the_period():
    # 09DAMASCUS139: "According to a January 12 article in the Jakarta Post, the Indonesian Ministry of Manpower and
    # Transmigration reported that 75,000 Indonesians working without documents in Syria had requested assistance"
    assert _period(_one("09DAMASCUS139", "According to a January 12 article", 75_000)) == (None, None)
    # 08BRASILIA1588: "According to leading Brazilian newsweekly Veja, 70 percent of the cocaine entering Brazil comes
    # through the Peru-Colombia-Brazil triborder region (Veja, Sept. 10, 2008, pp."
    assert _period(_one("08BRASILIA1588", "(Veja, Sept. 10, 2008", 70)) == (None, None)
    # 10CARACAS231: "On March 27, 2009, the Government reported it had repatriated a total of 5 victims"
    assert _period(_one("10CARACAS231", "reported it had repatriated a total of 5", 5)) == (None, None)
    # but the day of the deed itself: "On March 18, 2009, the Public Ministry's website noted charges were filed
    # against two individuals"
    filed = _one("10CARACAS231", "noted charges were filed against two", 2)
    assert _period(filed) == (dt.date(2009, 3, 18), dt.date(2009, 3, 18))


def test_the_day_of_an_event_is_not_carried_to_a_stock_or_a_proportion():
    # 08MANAMA144: "By the March 1 deadline, we had not received responses ... There are approximately 517,000
    # expatriates in Bahrain."
    assert _period(_one("08MANAMA144", "approximately 517,000 expatriates", 517_000)) == (None, None)
    # 09ASTANA363: "... as soon as April 15 ... Pollett said GE will honor the commitments it made in the December MOU,
    # including acquisition of a 15 percent stake"
    assert _period(_one("09ASTANA363", "acquisition of a 15 percent stake", 15)) == (None, None)


def test_a_figure_about_the_happening_the_sentence_before_dated_takes_its_date():
    # 08MANAMA144: "Between August 1, 2007, and January 31, 2008, the government granted an amnesty for all illegal
    # laborers ... According to the LMRA website, at the end of the amnesty, 12,897 workers returned"
    f = _one("08MANAMA144", "at the end of the amnesty, 12,897 workers", 12_897)
    assert _period(f) == (dt.date(2007, 8, 1), dt.date(2008, 1, 31))
    # 09BRASILIA251: "On December 10, 2008, the MOJ presented the first winners of the Libertas Prize with cash awards
    # for monographs on TIP. USD equivalent value for the prizes were: in the graduate student category, 4000 ..."
    f = _one("09BRASILIA251", "4000 for first place", 4000)
    assert _period(f) == (dt.date(2008, 12, 10), dt.date(2008, 12, 10))
    # but not a figure that names nothing of it: 09PHNOMPENH114 "... Three judges and one deputy prosecutor of the
    # Appeals Court also received official letters of reprimand" (a court named again is no happening)
    assert _one("09PHNOMPENH114", "Three judges and one deputy prosecutor", 3).period_start is None


def test_a_paragraph_mark_the_release_set_before_a_year_inside_a_sentence_is_no_paragraph():
    # 09PARIS1426 (Embassy Paris, no gold): "... increased the unemployment rate to 7.8 percent in the fourth quarter
    # of ¶2008." (the raw cable wraps "of\n2008.", which the release marked as a numbered paragraph)
    paris = extract_metrics(read_cable_file(CORPUS_TXT / "09PARIS1426.txt"))
    (f,) = [f for f in paris if f.value == 7.8]
    assert _period(f) == (dt.date(2008, 10, 1), dt.date(2008, 12, 31))


def test_a_lettered_answer_inside_a_paragraph_starts_afresh():
    # 08MANAMA144 writes its lettered answers inside one paragraph ("--D. (U) Rape of a female ... --E. (SBU) Current
    # law criminalizes ..."): the date of an earlier answer ("As of February 11, 75 inspectors had been hired") is not
    # carried into a later one ("Nonetheless, Public Prosecution received 122 prostitution cases.")
    assert _period(_one("08MANAMA144", "Public Prosecution received 122 prostitution cases", 122)) == (None, None)
    assert _period(_one("08MANAMA144", "for fees exceeding 1000 dinars ($2650)", 1000)) == (None, None)


def test_a_target_date_is_not_carried_to_the_next_sentence():
    # 09LONDON2005 (Embassy London, no gold): "It reiterates HMG's commitment to dedicate 0.7 percent of GDP to aid by
    # 2015 ... Of DFID's assistance budget, 42 percent is delivered through multilateral mechanisms"
    london = extract_metrics(read_cable_file(CORPUS_TXT / "09LONDON2005.txt"))
    (f,) = [f for f in london if f.value == 42 and "42 percent is delivered" in f.quote]
    assert _period(f) == (None, None)
    # 10LAGOS75 (Consulate Lagos): "... would need 20 percent growth per annum in energy and USD 22 billion investment"
    lagos = extract_metrics(read_cable_file(CORPUS_TXT / "10LAGOS75.txt"))
    assert {_period(f) for f in lagos if "USD 22 billion investment" in f.quote and f.value == 22e9} == {(None, None)}
