"""Amounts of money on real cables: currency codes, signs and names, glued codes, local currencies with a dollar
conversion in brackets (failure kind 2 of issue 8)."""

from __future__ import annotations

import datetime as dt
import functools

from orchestration.cables.extract.currencies import currencies
from orchestration.cables.extract.metrics import extract_metrics
from orchestration.cables.parser import read_cable_file
from tests.conftest import FIXTURE_CABLES, cable

CORPUS_TXT = FIXTURE_CABLES.parent / "corpus" / "txt"


@functools.cache
def _facts(cable_id: str):
    path = CORPUS_TXT / f"{cable_id}.txt"
    return extract_metrics(read_cable_file(path) if path.exists() else cable(cable_id))


def _one(cable_id: str, quote_part: str, value: float):
    found = [f for f in _facts(cable_id) if quote_part in f.quote and f.value == value]
    assert len(found) == 1, (value, found)
    return found[0]


def test_local_currency_initials_before_a_dollar_conversion_are_money_of_the_host_country():
    # 08MANAMA144: "the LMRA charges employers a monthly fee of BD 10 (USD 26.50) for each expatriate laborer"
    local = _one("08MANAMA144", "a monthly fee of BD 10 (USD 26.50)", 10)
    dollars = _one("08MANAMA144", "a monthly fee of BD 10 (USD 26.50)", 26.5)
    assert (local.measure, local.unit) == ("money", "BHD")
    assert (dollars.measure, dollars.unit) == ("money", "USD")
    assert local.source_org == dollars.source_org == "LMRA"  # the sign "BD" is no institution
    assert dollars.parent_index is None  # a conversion, not a part of the amount


def test_currency_name_after_the_amount_is_the_host_currency():
    # 07MANAMA206: "for a fee of up to more than 1000 dinars ($2650)"
    dinars = _one("07MANAMA206", "more than 1000 dinars ($2650)", 1000)
    assert (dinars.measure, dinars.unit) == ("money", "BHD")
    assert _one("07MANAMA206", "more than 1000 dinars ($2650)", 2650).unit == "USD"


def test_local_currency_with_a_scale_word_and_its_conversion_are_two_amounts():
    # 09TELAVIV1098: "to allocate approximately NIS 340 million (USD 81 million)"
    shekels = _one("09TELAVIV1098", "NIS 340 million (USD 81 million)", 340_000_000)
    dollars = _one("09TELAVIV1098", "NIS 340 million (USD 81 million)", 81_000_000)
    assert (shekels.measure, shekels.unit, shekels.value_text) == ("money", "ILS", "340 million")
    assert (dollars.measure, dollars.unit) == ("money", "USD")
    assert shekels.source_org != "NIS" and dollars.source_org != "NIS"


def test_a_code_glued_to_the_digits_and_a_thousands_suffix_are_read():
    # 09BRASILIA244: "could generate up to USD30 billion over time"; 06ASUNCION589: "The USD 155K that post received"
    glued = _one("09BRASILIA244", "could generate up to USD30 billion", 30_000_000_000)
    assert (glued.measure, glued.unit, glued.value_text) == ("money", "USD", "30 billion")
    thousands = _one("06ASUNCION589", "The USD 155K that post received", 155_000)
    assert (thousands.measure, thousands.unit, thousands.value_text) == ("money", "USD", "155K")


def test_identifiers_that_look_like_currency_codes_are_not_money():
    # 10BRUSSELS4: "He predicted Mexico COP 16 would be a disaster" (a climate conference, not Colombian pesos)
    assert not [f for f in _facts("10BRUSSELS4") if "COP 16" in f.quote and f.measure == "money"]
    # 08BRASILIA1588: "along the BR 174, a federal highway"
    assert not [f for f in _facts("08BRASILIA1588") if "BR 174" in f.quote and f.measure == "money"]


def test_a_penalty_the_law_provides_is_not_a_statistic():
    # 07MANAMA206: "Sponsors are liable for deportation expenses and fines of up to 1000 dinars ($2,650)"
    assert not [f for f in _facts("07MANAMA206") if "Sponsors are liable for deportation" in f.quote]


def test_currency_table_comes_from_cldr_with_signs_and_users():
    table = currencies()
    assert "NIS" in table["ILS"].symbols and "IL" in table["ILS"].territories
    assert table["BHD"].plural == "Bahraini dinars" and table["XOF"].territories
    assert "VEF" in table and "USD" in table


def test_amounts_listed_under_their_currency_are_money_not_years():
    # 09BRASILIA251: "USD equivalent value for the prizes were: in the graduate student category, 4000 for first
    # place, 2800 for second, 2000 for third; and in the undergraduate category, 2000 for first, 1200 ..."
    listed = [f for f in _facts("09BRASILIA251") if f.quote.startswith("USD equivalent value for the prizes")]
    assert [(f.value, f.measure, f.unit) for f in listed] == [
        (v, "money", "USD") for v in (4000, 2800, 2000, 2000, 1200, 800)
    ]
    # "2000 for third" is no year: the prizes are of the ceremony the sentence before dates ("On December 10, 2008")
    assert {f.period_start for f in listed} == {dt.date(2008, 12, 10)}
