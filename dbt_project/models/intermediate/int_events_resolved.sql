-- Events with stable ids and the law they concern resolved to a canonical law named in the
-- same cable (by canonical name or the text as written).
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}
with

events as (
    select * from {{ ref('stg_extracted__events') }}
    {{- only_changed_cables() }}
),

cable_laws as (
    select distinct cable_id, law_key, lower(law_name) as name_lower, lower(surface) as surface_lower
    from {{ ref('int_law_mentions_keyed') }}
    {{- only_changed_cables() }}
),

resolved as (
    select events.cable_id, events.event_index, min(cable_laws.law_key) as law_key
    from events
    join cable_laws
        on cable_laws.cable_id = events.cable_id
        and lower(events.law_text) in (cable_laws.name_lower, cable_laws.surface_lower)
    group by all
)

select
    events.cable_id || '-e' || lpad(events.event_index::varchar, 3, '0') as event_id,
    events.*,
    resolved.law_key
from events
left join resolved using (cable_id, event_index)
