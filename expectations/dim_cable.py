"""Suite for `marts.dim_cable`: ids, dates, subject and origin a reader can trust.

A cable that breaks one of these is odd, not broken: it stays in the warehouse and becomes a
finding. The check fails the build only when more than a set share of the cables breaks a rule
(expectations/thresholds.py), which means the parser is broken.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from expectations.runner import finding_meta
from expectations.thresholds import mostly

if TYPE_CHECKING:  # GX takes seconds to import, pandas ~50 MB: only the checks that run them pay for them
    import great_expectations as gx
    import pandas as pd

TABLE = "marts.dim_cable"
ID_COLUMN = "cable_id"
QUERY = "select * from marts.dim_cable order by cable_id"
VALIDITY_QUERY = QUERY
CABLE_ID_PATTERN = r"^\d{2}[A-Z][A-Z]*\d+$"
ORIGIN_PATTERN = r"^[A-Z][A-Za-z .'-]+$"  # "Embassy Phnom Penh", "Consulate Chiang Mai"
# the oldest cables in the public corpus are from 1966
EARLIEST_PLAUSIBLE = dt.datetime(1966, 1, 1)


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns the suite checks: the id's year against the sending year."""
    import pandas as pd

    frame = frame.copy()
    frame["sent_at"] = pd.to_datetime(frame["sent_at"])
    frame["id_year_matches_sent_at"] = frame["cable_id"].str[:2] == frame["sent_at"].dt.strftime("%y")
    # free text is checked through derived columns so that it never reaches Data Docs as markup
    frame["has_subject"] = frame["subject"].fillna("").str.strip().str.len() > 0
    frame["origin_is_a_post"] = frame["origin"].fillna("").str.match(ORIGIN_PATTERN)
    frame["sent_at_is_plausible"] = frame["sent_at"].between(
        EARLIEST_PLAUSIBLE, dt.datetime.now() + dt.timedelta(days=1)
    )
    frame["reporting_period_is_ordered"] = ~(frame["reporting_period_start"] > frame["reporting_period_end"])
    frame["one_source"] = frame["source_versions"].fillna(1) <= 1
    return frame


prepare_validity = prepare


def _row_rule(expectation, column: str, check_name: str, share: float, **kwargs) -> gx.expectations.Expectation:
    return expectation(column=column, mostly=share, meta=finding_meta(check_name, "warning"), **kwargs)


def build_suite() -> gx.ExpectationSuite:
    """The expectations on dim_cable: row rules are findings, their share decides the build."""
    import great_expectations as gx

    e = gx.expectations
    share = mostly("dim_cable")
    return gx.ExpectationSuite(
        name="dim_cable",
        expectations=[
            e.ExpectColumnValuesToBeUnique(column="cable_id", meta=finding_meta("duplicate_cable_id", "error")),
            e.ExpectColumnValuesToNotBeNull(column="sent_at", meta=finding_meta("cable_without_date", "error")),
            _row_rule(
                e.ExpectColumnValuesToMatchRegex, "cable_id", "cable_id_malformed", share, regex=CABLE_ID_PATTERN
            ),
            _row_rule(e.ExpectColumnValuesToBeInSet, "has_subject", "cable_without_subject", share, value_set=[True]),
            _row_rule(e.ExpectColumnValuesToBeInSet, "origin_is_a_post", "origin_not_a_post", share, value_set=[True]),
            _row_rule(
                e.ExpectColumnValuesToBeInSet, "sent_at_is_plausible", "implausible_cable_date", share, value_set=[True]
            ),
            _row_rule(
                e.ExpectColumnValuesToBeInSet,
                "id_year_matches_sent_at",
                "cable_id_year_differs_from_date",
                share,
                value_set=[True],
            ),
            _row_rule(
                e.ExpectColumnValuesToBeInSet,
                "reporting_period_is_ordered",
                "reporting_period_out_of_order",
                share,
                value_set=[True],
            ),
            # the same cable id from several sources: every version is kept, the most complete shown
            e.ExpectColumnValuesToBeInSet(
                column="one_source", value_set=[True], meta=finding_meta("duplicate_cable_source", "info")
            ),
        ],
    )
