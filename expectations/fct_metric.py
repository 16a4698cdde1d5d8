"""Suites for `marts.fct_metric`: validity (errors) and consistency findings (warnings).

The consistency expectations read the comparison groups the dbt intermediate models compute
(overlaps, conflicts, restatements, part sums, sub-periods, running totals); GX decides which
rows break them, and each broken expectation becomes findings named by its `check_name`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.runner import finding_meta
from expectations.thresholds import mostly

if TYPE_CHECKING:  # GX takes seconds to import, pandas ~50 MB: only the checks that run them pay for them
    import great_expectations as gx
    import pandas as pd

TABLE = "marts.fct_metric"
ID_COLUMN = "metric_id"

# one query gives each metric its comparison columns, and what a finding says of it (orchestration/quality/
# findings.py: describe_metric and the messages): only those, since 150,000 figures and their quotes take seconds
# to read into pandas
QUERY = """
select
    m.metric_id, m.cable_id, m.value, m.value_text, m.measure, m.breakdown, m.source_org, m.period_start,
    m.period_end, m.quote, m.overlap_group, m.conflict_group, m.restates_metric_id,
    ovl.under_caveat,
    parts.part_status,
    parts.part_ids,
    sub.enclosing_metric_id,
    cum.earlier_metric_id as earlier_cumulative_metric_id
from marts.fct_metric m
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


# the rows the validity suite checks: every extracted metric, with the rule it breaks decided in dbt
# (int_metrics_validated), so the rule lives in one place and GX measures how many break it
VALIDITY_QUERY = """
select
    v.metric_id, v.cable_id, v.value, v.value_text, v.measure, v.source_org, v.period_start, v.period_end,
    v.breakdown, v.quote, v.rejection_rule, v.rejection_message
from intermediate.int_metrics_validated v
order by v.metric_id
"""


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """The consistency frame as read (the comparison columns come from dbt)."""
    return frame


def prepare_validity(frame: pd.DataFrame) -> pd.DataFrame:
    """The validity frame as read (the rules are applied in dbt)."""
    return frame


def build_validity_suite() -> gx.ExpectationSuite:
    """Facts that break a rule are set aside and reported; the check fails only when too many do."""
    import great_expectations as gx

    e = gx.expectations
    return gx.ExpectationSuite(
        name="fct_metric_validity",
        expectations=[
            e.ExpectColumnValuesToBeUnique(column="metric_id", meta=finding_meta("duplicate_metric_id", "error")),
            e.ExpectColumnValuesToBeNull(
                column="rejection_rule",
                mostly=mostly("fct_metric"),
                meta=finding_meta("rejected_metric", "warning"),
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
