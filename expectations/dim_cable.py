"""Suite for `marts.dim_cable`: ids, dates, subject and origin a reader can trust."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # GX takes seconds to import: only the checks that run it pay for it
    import great_expectations as gx

TABLE = "marts.dim_cable"
CABLE_ID_PATTERN = r"^\d{2}[A-Z][A-Z]*\d+$"
ORIGIN_PATTERN = r"^[A-Z][A-Za-z .'-]+$"  # "Embassy Phnom Penh", "Consulate Chiang Mai"
# the oldest cables in the public corpus are from 1966
EARLIEST_PLAUSIBLE = dt.datetime(1966, 1, 1)


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns the suite checks: the id's year against the sending year."""
    frame = frame.copy()
    frame["sent_at"] = pd.to_datetime(frame["sent_at"])
    frame["id_year_matches_sent_at"] = frame["cable_id"].str[:2] == frame["sent_at"].dt.strftime("%y")
    # free text is checked through derived columns so that it never reaches Data Docs as markup
    frame["subject_length"] = frame["subject"].fillna("").str.len()
    frame["origin_is_a_post"] = frame["origin"].fillna("").str.match(ORIGIN_PATTERN)
    return frame


def build_suite() -> gx.ExpectationSuite:
    """The expectations on dim_cable."""
    import great_expectations as gx

    expectations = gx.expectations
    checks = []
    checks.append(expectations.ExpectColumnValuesToBeUnique(column="cable_id"))
    checks.append(expectations.ExpectColumnValuesToMatchRegex(column="cable_id", regex=CABLE_ID_PATTERN))
    for column in ("cable_id", "subject", "origin", "sent_at"):
        checks.append(expectations.ExpectColumnValuesToNotBeNull(column=column))
    checks.append(expectations.ExpectColumnValuesToBeBetween(column="subject_length", min_value=3))
    checks.append(expectations.ExpectColumnValuesToBeInSet(column="origin_is_a_post", value_set=[True]))
    checks.append(
        expectations.ExpectColumnValuesToBeBetween(
            column="sent_at",
            min_value=EARLIEST_PLAUSIBLE,
            max_value=dt.datetime.now() + dt.timedelta(days=1),
        )
    )
    checks.append(expectations.ExpectColumnValuesToBeInSet(column="id_year_matches_sent_at", value_set=[True]))
    checks.append(
        expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="reporting_period_end",
            column_B="reporting_period_start",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        )
    )
    checks.append(expectations.ExpectColumnValuesToBeBetween(column="section_count", min_value=1))
    return gx.ExpectationSuite(name="dim_cable", expectations=checks)
