-- Every extracted metric with the validity rule it breaks, if any (the rules: int_metrics_checked, which
-- rebuilds only the changed cables' rows; this model carries every metric's attribution, which can change with
-- any cable).
-- A view: its consumers read it in one query each, where a table wrote every metric and its quote again on
-- the way to the marts (a build adding one cable to 25,000 waited on two such writes)
{{ config(materialized='view') }}
with

metrics as (
    select * from {{ ref('int_metrics_attributed') }}
),

checks as (
    select * from {{ ref('int_metrics_checked') }}
)

select
    metrics.*,
    checks.cable_date,
    checks.provenance_text,
    checks.looks_ahead,
    checks.measure_known,
    checks.counts_what_happened,
    checks.rejection_rule,
    checks.rejection_message
from metrics
left join checks on checks.cable_id = metrics.cable_id and checks.metric_index = metrics.metric_index
