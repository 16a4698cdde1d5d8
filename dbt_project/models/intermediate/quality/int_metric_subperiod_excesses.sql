-- A figure for a sub-period larger than the same institution's figure for an enclosing period.
with

metrics as (
    select * from {{ ref('int_metrics_comparable') }}
    where period_start is not null and period_end is not null and source_org_key is not null
      and not is_cumulative and is_case_count and parent_metric_id is null
)

select
    inner_metric.metric_id,
    outer_metric.metric_id as enclosing_metric_id
from metrics as inner_metric
join metrics as outer_metric
    on inner_metric.source_identity = outer_metric.source_identity
    and inner_metric.measure = outer_metric.measure
    and inner_metric.breakdown_key = outer_metric.breakdown_key
    and inner_metric.period_start >= outer_metric.period_start
    and inner_metric.period_end <= outer_metric.period_end
    and (inner_metric.period_start, inner_metric.period_end) <> (outer_metric.period_start, outer_metric.period_end)
    and inner_metric.value > outer_metric.value
