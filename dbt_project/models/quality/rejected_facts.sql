-- Facts set aside because they break a validity rule (int_metrics_validated, int_events_validated):
-- they are not in the marts; each is also a finding of the validity checks.
select
    'fct_metric' as table_name,
    metric_id as fact_id,
    rejection_rule as rule,
    rejection_message as message,
    cable_id
from {{ ref('int_metrics_validated') }}
where rejection_rule is not null
union all
select
    'fct_event',
    event_id,
    rejection_rule,
    rejection_message,
    cable_id
from {{ ref('int_events_validated') }}
where rejection_rule is not null
order by table_name, fact_id
