"""Metric extraction on real cable sentences (seeds/ and tests/fixtures/cables/)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

from orchestration.cables.extract.metric_periods import find_periods
from orchestration.cables.extract.metrics import extract_metrics, load_measures
from orchestration.cables.extract.numbers import find_numbers
from orchestration.cables.model import Cable
from orchestration.cables.parser import decode_cable, parse_cable

ROOT = Path(__file__).resolve().parents[1]
CABLE_DIRS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "cables"]


def _path(cable_id: str) -> Path:
    for folder in CABLE_DIRS:
        path = folder / f"{cable_id}.txt"
        if path.exists():
            return path
    raise FileNotFoundError(cable_id)


@cache
def _cable(cable_id: str) -> tuple[Cable, str]:
    raw = _path(cable_id).read_bytes()
    cable = parse_cable(decode_cable(raw))
    return cable, decode_cable(raw)


@cache
def _facts(cable_id: str):
    return extract_metrics(_cable(cable_id)[0])


def _find(cable_id: str, quote_part: str, value: float):
    """The facts of the sentence containing `quote_part` with this value."""
    found = [f for f in _facts(cable_id) if quote_part in f.quote and f.value == value]
    assert found, f"no fact {value} in a sentence with {quote_part!r}"
    return found


def _one(cable_id: str, quote_part: str, value: float):
    found = _find(cable_id, quote_part, value)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the government arrested 342 offenders and 1,009 others", [342, 1009]),
        ("sixty five percent have been raped", [65]),
        ("Thirteen foreigners were arrested", [13]),
        ("twenty-one cases", [21]),
        ("65.6 percent were Cambodian", [65.6]),
        ("$1.1 billion in cooperation agreements", [1_100_000_000]),
        ("between three and ten million riels", [3, 10_000_000]),
        ("women operating brothels (between five-ten women)", [5, 10]),
    ],
)
def test_find_numbers_digits_and_words(text, values):
    assert [n.value for n in find_numbers(text)] == pytest.approx(values)


def test_two_thirds_is_one_fraction_not_the_number_two():
    numbers = find_numbers("two-thirds of the traffickers are women")
    assert [round(n.value, 2) for n in numbers] == [66.67]


def test_periods_resolve_years_months_ranges():
    sent = dt.datetime(2009, 2, 19)
    (p,) = find_periods("From 1996-1999, the Cambodian government arrested", sent, (None, None))
    assert (p.period_start, p.period_end) == (dt.date(1996, 1, 1), dt.date(1999, 12, 31))
    (p,) = find_periods("From April to December 2008, the MOI reported", sent, (None, None))
    assert (p.period_start, p.period_end) == (dt.date(2008, 4, 1), dt.date(2008, 12, 31))
    (p,) = find_periods("between March 2005 to January 2006, and ten", sent, (None, None))
    assert (p.period_start, p.period_end) == (dt.date(2005, 3, 1), dt.date(2006, 1, 31))
    (p,) = find_periods("In 2008, the shelter assisted 84 victims", sent, (None, None))
    assert (p.period_start, p.period_end) == (dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    # "changed in late 2008 to 23 provinces" is not the range 2008-2023
    (p,) = find_periods("changed in late 2008 to 23 provinces", sent, (None, None))
    assert (p.period_start, p.period_end) == (dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    # a phone number is not a year
    assert find_periods("the hotline (tel. 8-800-2000-122) received calls", sent, (None, None)) == []
    # "the same period" is resolved by the extractor, from the previous sentence
    (p,) = find_periods("were arrested for debauchery during the same period.", sent, (None, None))
    assert p.kind == "same"


# ------------------------------------------------------------------ classification


def test_every_measure_is_in_the_vocabulary_and_spans_show_the_figure():
    measures = load_measures()
    for cable_id in ("07PHNOMPENH351", "09PHNOMPENH114", "08DAKAR262", "10CARACAS231", "09ANKARA273"):
        cable, raw = _cable(cable_id)
        facts = _facts(cable_id)
        assert facts
        for f in facts:
            assert f.measure in measures
            assert f.cable_id == cable.cable_id
            assert re.sub(r"\s+", " ", raw[f.char_start : f.char_end]) == f.value_text
            assert f.value_text in f.quote
            assert f.parent_index is None or 0 <= f.parent_index < len(facts)


def test_verb_before_number_arrested_and_source():
    f = _one("07PHNOMPENH351", "police arrested 91 perpetrators", 91)
    assert (f.measure, f.unit, f.source_org) == ("arrests", "persons", "police")
    assert (f.period_start, f.period_end) == (dt.date(2006, 1, 1), dt.date(2006, 12, 31))
    assert f.value_text == "91"


def test_digits_with_comma_and_year_range():
    f = _one("07PHNOMPENH351", "arrest record increased to 1,009", 1009)
    assert f.measure == "arrests" and f.value_text == "1,009"
    assert (f.period_start, f.period_end) == (dt.date(2000, 1, 1), dt.date(2004, 12, 31))


def test_number_word_with_same_period_carried_from_previous_sentence():
    f = _one("07PHNOMPENH351", "Thirteen foreigners were arrested", 13)
    assert f.value_text == "Thirteen"
    assert f.measure == "arrests"
    assert "foreign_nationals" in f.breakdown
    # the previous sentences speak of March 2005 to January 2006
    assert (f.period_start, f.period_end) == (dt.date(2005, 3, 1), dt.date(2006, 1, 31))


def test_noun_after_number_cases_and_perpetrators():
    cases = _one("07PHNOMPENH351", "reported 49 cases of human trafficking", 49)
    assert (cases.measure, cases.unit, cases.source_org) == ("cases", "cases", "MOI")
    perpetrators = _one("07PHNOMPENH351", "involving 65 perpetrators", 65)
    assert perpetrators.measure == "perpetrators"
    tried = _one("07PHNOMPENH351", "the court tried 37 cases", 37)
    assert tried.measure == "prosecutions"
    assert tried.source_org == "Phnom Penh Municipal Court"  # "the court" resolved to the court named before


def test_passive_verb_after_noun_and_organizations():
    rescued = _one("09PHNOMPENH114", "137 victims of trafficking were rescued", 137)
    assert (rescued.measure, rescued.source_org) == ("victims_rescued", "MOI")
    brothels = _one("07PHNOMPENH351", "raided nine brothels", 9)
    assert brothels.measure == "organizations_count"
    ngos = _one("09PHNOMPENH114", "An estimated 90 NGOs work", 90)
    assert ngos.measure == "organizations_count"


def test_totals_and_parts_parent_index():
    facts = _facts("09PHNOMPENH114")
    total = _one("09PHNOMPENH114", "From April to December 2008, the MOI reported arrests in 21 cases", 21)
    nine = _one("09PHNOMPENH114", "From April to December 2008, the MOI reported arrests in 21 cases", 9)
    twelve = _one("09PHNOMPENH114", "From April to December 2008, the MOI reported arrests in 21 cases", 12)
    assert facts[nine.parent_index] is total
    assert facts[twelve.parent_index] is total
    assert nine.breakdown == ["sex_trafficking"] and twelve.breakdown == ["labor_trafficking"]
    assert total.parent_index is None
    assert nine.period_start == dt.date(2008, 4, 1) and nine.period_end == dt.date(2008, 12, 31)


def test_of_whom_part_points_at_total_and_takes_its_measure():
    facts = _facts("09PHNOMPENH114")
    total = _one("09PHNOMPENH114", "13 of whom were victims of cross border trafficking", 204)
    part = _one("09PHNOMPENH114", "13 of whom were victims of cross border trafficking", 13)
    assert total.measure == part.measure == "victims_assisted"
    assert total.source_org == part.source_org == "CWCC"
    assert facts[part.parent_index] is total


def test_country_list_in_parentheses_continues_previous_total():
    facts = _facts("09ANKARA273")
    total = _one("09ANKARA273", "reported 118 victims rescued in 2008", 118)
    listed = [f for f in facts if f.quote.startswith("The source countries were")]
    assert len(listed) == 14 and sum(f.value for f in listed) == 118
    assert {f.measure for f in listed} == {"victims_rescued"}
    assert all(facts[f.parent_index] is total for f in listed)
    assert all(f.period_start == dt.date(2008, 1, 1) for f in listed)


def test_parts_in_parentheses_point_at_total():
    facts = _facts("09PHNOMPENH114")
    seven = _one("09PHNOMPENH114", "MOI reported the arrests of seven foreign nationals", 7)
    four = _one("09PHNOMPENH114", "MOI reported the arrests of seven foreign nationals", 4)
    assert seven.measure == four.measure == "arrests"
    assert facts[four.parent_index] is seven


def test_reporting_period_from_cable_header():
    cable, _ = _cable("09PHNOMPENH114")
    assert cable.reporting_period_start == dt.date(2008, 4, 1)
    f = _find("09PHNOMPENH114", "were referred to them by local police during the reporting period", 505)[0]
    assert (f.measure, f.source_org) == ("victims_referred", "MOSAVY")
    assert (f.period_start, f.period_end) == (dt.date(2008, 4, 1), dt.date(2009, 3, 31))
    assert f.breakdown == ["sex_trafficking"]


def test_reporting_period_unknown_gives_no_period():
    f = _one("07PHNOMPENH351", "receiving 51 trafficking cases during the reporting period", 51)
    assert f.measure == "cases"
    assert f.period_start is None and f.period_end is None


def test_years_sentence_lengths_and_ages_are_not_metrics():
    values = {f.value for f in _facts("07PHNOMPENH351")}
    assert not values & {2005.0, 2006.0, 2007.0, 1996.0, 1999.0}
    for f in _facts("07PHNOMPENH351"):
        assert "ranging from one to 18 years" not in f.quote or f.value not in (1, 18)
    ages = [f for f in _facts("10CARACAS231") if "The female victims were age 10" in f.quote]
    assert sorted(f.value for f in ages) == [1, 1, 2, 2, 3, 4]  # the counts, not the ages
    assert all(f.measure == "victims_assisted" for f in ages)


def test_percent_digits_and_words():
    f = _one("09PHNOMPENH114", "81 percent of workers were Cambodian", 81)
    assert (f.measure, f.unit) == ("share", "percent")
    assert f.source_org == "Commission on Human Rights"
    words = _one("08DAKAR262", "sixty five percent", 65)
    assert (words.measure, words.value_text) == ("share", "sixty five")
    share = _one("07PHNOMPENH351", "two-thirds of the traffickers", 66.67)
    assert (share.measure, share.source_org) == ("share", "IJM")


def test_money_with_currency_codes_and_ranges():
    quote = "three and ten million riels"
    khr = sorted(f.value for f in _facts("07PHNOMPENH351") if quote in f.quote and f.unit == "KHR")
    usd = sorted(f.value for f in _facts("07PHNOMPENH351") if quote in f.quote and f.unit == "USD")
    assert khr == [3_000_000, 10_000_000]
    assert usd == [750, 2500]
    cfa = _one("08DAKAR262", "fined of 50,000 CFAF", 50000)
    assert (cfa.measure, cfa.unit) == ("money", "XOF")
    assert _one("08DAKAR262", "fined of 50,000 CFAF", 111).unit == "USD"


def test_penalties_provided_by_law_are_not_metrics():
    assert not [f for f in _facts("08DAKAR262") if "a fine of between USD 10,000 and 40,000" in f.quote]
    # article numbers, ages and penalty ranges of a law text
    assert not [f for f in _facts("09CAIRO386") if "below 21 years of age" in f.quote]
    assert not [f for f in _facts("09CAIRO386") if "a fine between 100 LE and 300 LE" in f.quote]
    # an actual amount is kept, with its currency
    usaid = _one("09CAIRO386", "USD 1 million of USAID", 1_000_000)
    assert (usaid.measure, usaid.unit, usaid.value_text) == ("money", "USD", "1 million")


def test_cumulative_to_date_and_since():
    to_date = _one("09PHNOMPENH114", "To date, more than 6,000 police officers", 6000)
    assert to_date.measure == "persons_trained" and to_date.is_cumulative
    assert to_date.period_start is None
    since = _one("09PHNOMPENH114", "187 victims have been rescued", 187)
    assert since.measure == "victims_rescued" and since.is_cumulative
    assert (since.period_start, since.period_end) == (dt.date(2003, 1, 1), None)
    assert since.source_org == "APLE"
    plain = _one("09PHNOMPENH114", "CWCC) assisted 204 victims", 204)
    assert not plain.is_cumulative


def test_training_and_list_continuation():
    trained = _one("09PHNOMPENH114", "provided an anti-TIP training session to 115", 115)
    assert trained.measure == "persons_trained"
    repatriated = [f for f in _facts("08DAKAR262") if "repatriated 85 children to Mali" in f.quote]
    assert sorted(f.value for f in repatriated) == [2, 19, 58, 85]
    assert {f.measure for f in repatriated} == {"victims_repatriated"}


# ------------------------------------------------------------------ sources


def test_reporter_of_a_that_clause_is_the_source():
    # "MOSAVY reported that ..., police referred to MOSAVY 407 victims": the reporter, not the clause's subject
    f = _one("09PHNOMPENH114", "police referred to MOSAVY 407", 407)
    assert f.source_org == "MOSAVY"
    # "a study ..., conducted by AidTous, estimated that ...": the study's author reports
    assert _one("07PHNOMPENH351", "conducted by AidTous, estimated", 1000).source_org.lower() == "aidtous"


def test_first_of_coordinated_subjects_reports():
    assert _one("09PHNOMPENH114", "DHS/ICE and the FBI reported", 150).source_org == "DHS/ICE"


def test_acronym_in_brackets_restates_the_object_of_a_preposition():
    # "the Ginndi center, in conjunction with IOM (International Organization for Migrations), repatriated 85"
    f = _one("08DAKAR262", "in conjunction with IOM", 85)
    assert f.source_org.lower() == "ginndi center"


def test_names_from_the_organization_extractor():
    assert _one("09PHNOMPENH114", "Equal Access shows are broadcast", 9).source_org == "Equal Access"
    # "About forty percent of IOM-assisted victims": the agent of the compound
    assert _one("09ANKARA273", "IOM-assisted victims", 40).source_org == "IOM"


def test_the_government_is_the_host_government_named_before():
    assert _one("09PHNOMPENH114", "the government's arrest record", 1009).source_org == "Cambodian government"


def test_anaphoric_subject_carries_the_institution_of_the_sentence_before():
    # "World Hope International reported ...  In 2008, the center received 84 victims ..., enforced by police"
    f = _one("09PHNOMPENH114", "the center received 84 victims", 84)
    assert f.source_org == "World Hope International"


def test_authors_of_a_study_carry_to_its_findings():
    # "Research conducted by Friends International and UNIAP in 2007 ...  However, the research found that almost 20"
    f = _one("09PHNOMPENH114", "the research found that almost 20 percent", 20)
    assert f.source_org == "Friends International; UNIAP"


def test_unnamed_or_impersonal_reporter_gives_no_source():
    assert _one("09PHNOMPENH114", "one NGO reported that Asian men paid", 1000).source_org is None
    assert _one("09PHNOMPENH114", "It is reported that there are about 5,000", 5000).source_org is None
    assert _one("09DAMASCUS139", "One local businessman told us", 50).source_org is None


def test_indefinite_subject_starts_a_new_topic():
    # "A few Koranic teachers ... are arrested each year. In year 2007, one marabout ... was arrested"
    assert _one("08DAKAR262", "one marabout in Diourbel", 1).source_org is None


def test_counts_of_institutions_are_not_reported_by_what_they_count():
    assert _one("09DAMASCUS139", "are the four government bodies", 4).source_org is None
    assert _one("08DAKAR262", "more than 250 hotels", 250).source_org is None  # no "government" carried over
    assert _one("07PHNOMPENH351", "the six governments met", 6).source_org is None
    assert _one("09PHNOMPENH114", "roughly 40 NGOs provide", 40).source_org is None


def test_institution_head_noun_ends_a_word():
    # "Political Officers Janet Deutsch, ...": officers, not a "Political Office"
    assert _one("09PHNOMPENH114", "Political Officers Janet Deutsch", 2).source_org is None


def test_period_of_a_dated_study_carries_to_its_figures():
    # "The 2008 UNIAP report detailed a July-August 2008 study ...  Of 50 deportees interviewed, ... 56 instances"
    f = _one("09PHNOMPENH114", "a total of 56 instances", 56)
    assert (f.period_start, f.period_end) == (dt.date(2008, 7, 1), dt.date(2008, 8, 31))
    assert f.source_org == "UNIAP"


def test_no_dagster_import():
    source = (ROOT / "orchestration" / "cables" / "extract" / "metrics.py").read_text()
    assert "dagster" not in source
