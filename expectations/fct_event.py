"""Suites for `marts.fct_event`: validity (errors) and date conflicts (warnings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.runner import finding_meta
from expectations.thresholds import mostly

if TYPE_CHECKING:  # GX takes seconds to import, pandas ~50 MB: only the checks that run them pay for them
    import great_expectations as gx
    import pandas as pd

TABLE = "marts.fct_event"
ID_COLUMN = "event_id"
QUERY = """
select e.*, d.date_conflict_group
from marts.fct_event e
left join (
    select event_id, min(date_conflict_group) as date_conflict_group
    from intermediate.int_event_date_conflicts group by 1
) d using (event_id)
order by e.event_id
"""
# every extracted event with the rule it breaks, decided in dbt (int_events_validated)
VALIDITY_QUERY = """
select event_id, cable_id, event_type, event_date, date_precision, quote, rejection_rule, rejection_message
from intermediate.int_events_validated
order by event_id
"""


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """The consistency frame as read."""
    return frame


def prepare_validity(frame: pd.DataFrame) -> pd.DataFrame:
    """The validity frame as read (the rules are applied in dbt)."""
    return frame


def build_validity_suite() -> gx.ExpectationSuite:
    """Events that break a rule are set aside and reported; the check fails only when too many do."""
    import great_expectations as gx

    e = gx.expectations
    return gx.ExpectationSuite(
        name="fct_event_validity",
        expectations=[
            e.ExpectColumnValuesToBeUnique(column="event_id", meta=finding_meta("duplicate_event_id", "error")),
            e.ExpectColumnValuesToBeNull(
                column="rejection_rule",
                mostly=mostly("fct_event"),
                meta=finding_meta("rejected_event", "warning"),
            ),
        ],
    )


def build_consistency_suite() -> gx.ExpectationSuite:
    """Warnings: the same one-off event given different dates."""
    import great_expectations as gx

    e = gx.expectations
    return gx.ExpectationSuite(
        name="fct_event_consistency",
        expectations=[
            e.ExpectColumnValuesToBeNull(
                column="date_conflict_group", meta=finding_meta("conflicting_event_dates", "warning")
            ),
        ],
    )
