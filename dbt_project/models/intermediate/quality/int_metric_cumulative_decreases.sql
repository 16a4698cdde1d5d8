-- A running total ("to date", "since 2003") that is smaller in a later cable.
with

metrics as (
    select * from {{ ref('int_metrics_comparable') }}
    where is_cumulative and source_org is not null
)

select
    later.metric_id,
    earlier.metric_id as earlier_metric_id
from metrics as later
join metrics as earlier
    on later.source_identity = earlier.source_identity
    and later.measure = earlier.measure
    and later.breakdown_key = earlier.breakdown_key
    and later.origin = earlier.origin
    and later.sent_at > earlier.sent_at
    and later.value < earlier.value
