-- The metrics that break no validity rule (int_metrics_validated): what the marts and every
-- comparison are built from. A part whose total was set aside keeps no parent.
-- A view: its consumers read it in one query each, where a table wrote every metric and its quote again on
-- the way to the marts (a build adding one cable to 25,000 waited on two such writes)
{{ config(materialized='view') }}
with

validated as (
    select * from {{ ref('int_metrics_validated') }}
),

rejected as (
    select metric_id from validated where rejection_rule is not null
)

select
    validated.* exclude (parent_metric_id, rejection_rule, rejection_message, provenance_text, looks_ahead,
        measure_known, counts_what_happened, cable_date),
    case when validated.parent_metric_id in (select metric_id from rejected) then null
        else validated.parent_metric_id end as parent_metric_id
from validated
where validated.rejection_rule is null
