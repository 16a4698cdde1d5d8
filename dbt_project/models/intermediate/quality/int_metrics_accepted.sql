-- The metrics that break no validity rule (int_metrics_validated): what the marts and every
-- comparison are built from. A part whose total was set aside keeps no parent.
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
