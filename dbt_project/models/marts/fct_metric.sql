with

metrics as (
    select * from {{ ref('int_metrics_accepted') }}
),

overlap_groups as (
    select metric_id, overlap_group from {{ ref('int_metric_overlap_groups') }}
),

restatements as (
    select metric_id, restates_metric_id from {{ ref('int_metric_restatements') }}
),

conflicts as (
    select metric_id, conflict_group from {{ ref('int_metric_conflicts') }}
),

countries as (
    select metric_id, country_code, origin_country_code from {{ ref('int_metric_countries') }}
)

select
    metrics.metric_id,
    metrics.cable_id,
    metrics.section,
    metrics.value,
    metrics.value_text,
    metrics.measure,
    metrics.unit,
    metrics.source_org,
    metrics.source_org_key,
    metrics.period_start,
    metrics.period_end,
    metrics.breakdown,
    metrics.is_cumulative,
    metrics.tip_context,
    metrics.parent_metric_id,
    overlap_groups.overlap_group,
    conflicts.conflict_group,
    restatements.restates_metric_id,
    restatements.restates_metric_id is not null as is_restatement,
    metrics.quote,
    metrics.char_start,
    metrics.char_end,
    countries.country_code,
    countries.origin_country_code
from metrics
left join overlap_groups using (metric_id)
left join conflicts using (metric_id)
left join restatements using (metric_id)
left join countries using (metric_id)
order by metrics.cable_id, metrics.metric_index
