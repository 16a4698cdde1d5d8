"""Suites for `marts.fct_event`: validity (errors) and date conflicts (warnings)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from expectations.runner import finding_meta

if TYPE_CHECKING:  # GX takes seconds to import: only the checks that run it pay for it
    import great_expectations as gx

TABLE = "marts.fct_event"
ID_COLUMN = "event_id"
EVENT_TYPES = [
    "law_enacted",
    "law_drafted",
    "agreement_signed",
    "body_established",
    "raid",
    "arrest",
    "court_decision",
    "training",
    "campaign",
    "policy_decision",
    "report_published",
    "other",
]

QUERY = """
select
    e.*,
    c.sent_at::date as cable_date,
    c.cable_id is not null as cable_exists,
    e.law_key is null or l.law_key is not null as law_exists,
    substr(t.raw_text, e.char_start, e.char_end - e.char_start) as provenance_text,
    d.date_conflict_group
from marts.fct_event e
left join marts.dim_cable c using (cable_id)
left join raw.cable_texts t using (cable_id)
left join marts.dim_law l on l.law_key = e.law_key
left join (
    select event_id, min(date_conflict_group) as date_conflict_group
    from intermediate.int_event_date_conflicts group by 1
) d using (event_id)
order by e.event_id
"""


def _words(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(text or "").lower())


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """Derive the booleans the validity suite checks."""
    frame = frame.copy()
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["cable_date"] = pd.to_datetime(frame["cable_date"])
    # the quote is clean text; the raw span holds the same words across line and page breaks
    frame["provenance_shows_quote"] = [
        bool(_words(quote)) and _words(quote)[:40] in _words(shown)
        for quote, shown in zip(frame["quote"], frame["provenance_text"], strict=True)
    ]
    frame["keys_resolve"] = frame["cable_exists"] & frame["law_exists"]
    return frame


def build_validity_suite() -> gx.ExpectationSuite:
    """Errors: an event that cannot be right as stored."""
    import great_expectations as gx

    e = gx.expectations
    return gx.ExpectationSuite(
        name="fct_event_validity",
        expectations=[
            e.ExpectColumnValuesToBeUnique(column="event_id", meta=finding_meta("duplicate_event_id", "error")),
            e.ExpectColumnValuesToBeInSet(
                column="event_type", value_set=EVENT_TYPES, meta=finding_meta("unknown_event_type", "error")
            ),
            e.ExpectColumnValuesToBeInSet(
                column="date_precision",
                value_set=["day", "month", "year"],
                meta=finding_meta("unknown_precision", "error"),
            ),
            e.ExpectColumnValuesToBeInSet(
                column="provenance_shows_quote", value_set=[True], meta=finding_meta("provenance_mismatch", "error")
            ),
            e.ExpectColumnValuesToBeInSet(
                column="keys_resolve", value_set=[True], meta=finding_meta("orphan_key", "error")
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
