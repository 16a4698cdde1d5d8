"""Suites for `marts.fct_metric`: validity (errors) and consistency findings (warnings).

The consistency expectations read the comparison groups the dbt intermediate models compute
(overlaps, conflicts, restatements, part sums, sub-periods, running totals); GX decides which
rows break them, and each broken expectation becomes findings named by its `check_name`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from expectations.runner import finding_meta

if TYPE_CHECKING:  # GX takes seconds to import: only the checks that run it pay for it
    import great_expectations as gx

TABLE = "marts.fct_metric"
ID_COLUMN = "metric_id"

# one query gives each metric its comparison columns and the facts validity needs
QUERY = """
select
    m.*,
    c.sent_at::date as cable_date,
    c.reporting_period_end as cable_reporting_period_end,
    c.cable_id is not null as cable_exists,
    m.source_org_key is null or o.org_key is not null as source_org_exists,
    m.parent_metric_id is null or p.metric_id is not null as parent_exists,
    substr(t.raw_text, m.char_start, m.char_end - m.char_start) as provenance_text,
    ovl.under_caveat,
    parts.part_status,
    parts.part_ids,
    sub.enclosing_metric_id,
    cum.earlier_metric_id as earlier_cumulative_metric_id
from marts.fct_metric m
left join marts.dim_cable c on c.cable_id = m.cable_id
left join raw.cable_texts t on t.cable_id = m.cable_id
left join marts.dim_organization o on o.org_key = m.source_org_key
left join marts.fct_metric p on p.metric_id = m.parent_metric_id
left join intermediate.int_metric_overlap_groups ovl on ovl.metric_id = m.metric_id
left join (
    select total_metric_id as metric_id, min(part_status) as part_status, flatten(list(part_ids)) as part_ids
    from intermediate.int_metric_part_sums where part_status is not null group by 1
) parts on parts.metric_id = m.metric_id
left join (
    select metric_id, min(enclosing_metric_id) as enclosing_metric_id
    from intermediate.int_metric_subperiod_excesses group by 1
) sub on sub.metric_id = m.metric_id
left join (
    select metric_id, min(earlier_metric_id) as earlier_metric_id
    from intermediate.int_metric_cumulative_decreases group by 1
) cum on cum.metric_id = m.metric_id
order by m.metric_id
"""


FORWARD_LOOKING = r"\b(?:will|expects?|expected|scheduled|plans?|planned|projected|forecasts?|aims? to|intends? to)\b"


def _digits(text: object) -> str:
    return "".join(ch for ch in str(text or "") if ch.isalnum()).lower()


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """Derive the booleans the validity suite checks."""
    frame = frame.copy()
    for column in ("period_start", "period_end", "cable_date", "cable_reporting_period_end"):
        frame[column] = pd.to_datetime(frame[column])
    frame["period_is_ordered"] = ~(frame["period_start"] > frame["period_end"])
    # a period may still be running when the cable is sent ("in 2009", a reporting period
    # ending in March), and plans and projections ("expects 2009 revenue") look ahead; a count
    # of what happened cannot start after the cable
    forward_looking = frame["quote"].fillna("").str.contains(FORWARD_LOOKING, case=False, regex=True)
    frame["period_within_cable_date"] = ~(frame["period_start"] > frame["cable_date"]) | forward_looking
    frame["provenance_shows_figure"] = [
        _digits(value_text) in _digits(shown) and bool(_digits(shown))
        for value_text, shown in zip(frame["value_text"], frame["provenance_text"], strict=True)
    ]
    frame["keys_resolve"] = frame["cable_exists"] & frame["source_org_exists"] & frame["parent_exists"]
    return frame


def build_validity_suite(measures: list[str]) -> gx.ExpectationSuite:
    """Errors: a figure that cannot be right as stored."""
    import great_expectations as gx

    e = gx.expectations
    return gx.ExpectationSuite(
        name="fct_metric_validity",
        expectations=[
            e.ExpectColumnValuesToBeUnique(column="metric_id", meta=finding_meta("duplicate_metric_id", "error")),
            e.ExpectColumnValuesToBeBetween(column="value", min_value=0, meta=finding_meta("negative_value", "error")),
            e.ExpectColumnValuesToBeInSet(
                column="measure", value_set=measures, meta=finding_meta("unknown_measure", "error")
            ),
            e.ExpectColumnValuesToBeInSet(
                column="period_is_ordered", value_set=[True], meta=finding_meta("period_start_after_end", "error")
            ),
            e.ExpectColumnValuesToBeInSet(
                column="period_within_cable_date",
                value_set=[True],
                meta=finding_meta("period_after_cable_date", "error"),
            ),
            e.ExpectColumnValuesToBeInSet(
                column="provenance_shows_figure", value_set=[True], meta=finding_meta("provenance_mismatch", "error")
            ),
            e.ExpectColumnValuesToBeInSet(
                column="keys_resolve", value_set=[True], meta=finding_meta("orphan_key", "error")
            ),
        ],
    )


def build_consistency_suite() -> gx.ExpectationSuite:
    """Warnings: figures a reader must not add up or take at face value."""
    import great_expectations as gx

    e = gx.expectations
    return gx.ExpectationSuite(
        name="fct_metric_consistency",
        expectations=[
            e.ExpectColumnValuesToBeNull(
                column="overlap_group", meta=finding_meta("overlapping_statistics", "warning")
            ),
            e.ExpectColumnValuesToBeNull(column="conflict_group", meta=finding_meta("conflicting_values", "warning")),
            e.ExpectColumnValuesToBeNull(column="restates_metric_id", meta=finding_meta("restated_statistic", "info")),
            e.ExpectColumnValuesToNotBeInSet(
                column="part_status",
                value_set=["parts_exceed_total"],
                meta=finding_meta("parts_exceed_total", "warning"),
            ),
            e.ExpectColumnValuesToNotBeInSet(
                column="part_status", value_set=["parts_do_not_sum"], meta=finding_meta("parts_do_not_sum", "info")
            ),
            e.ExpectColumnValuesToBeNull(
                column="enclosing_metric_id", meta=finding_meta("subperiod_exceeds_period", "warning")
            ),
            e.ExpectColumnValuesToBeNull(
                column="earlier_cumulative_metric_id", meta=finding_meta("cumulative_decreased", "warning")
            ),
        ],
    )
