-- The events that break no validity rule (int_events_validated): what the marts and the date
-- comparisons are built from.
select * exclude (rejection_rule, rejection_message, cable_exists)
from {{ ref('int_events_validated') }}
where rejection_rule is null
