-- The events that break no validity rule (int_events_validated): what the marts and the date
-- comparisons are built from.
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}
select * exclude (rejection_rule, rejection_message, cable_exists)
from {{ ref('int_events_validated') }}
where rejection_rule is null
{%- if is_incremental() %}
    and cable_id in {{ changed_cables() }}
{%- endif %}
