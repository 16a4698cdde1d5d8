"""The period a figure covers, on real cable sentences: fiscal years, the period covered by the report, a month
without its year, "as of" a day, the base of a comparison, and counts of institutions that a date does not date."""

from __future__ import annotations

import datetime as dt
import functools

from orchestration.cables.extract.metrics import extract_metrics
from tests.conftest import cable


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
