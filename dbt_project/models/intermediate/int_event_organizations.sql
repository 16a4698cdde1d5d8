-- Which organizations take part in each event: actors matched to the same cable's mentions.
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}
with

actors as (
    select event_id, cable_id, lower(trim(unnest(actors))) as actor_lower
    from {{ ref('int_events_accepted') }}
    {{- only_changed_cables() }}
),

cable_orgs as (
    select distinct cable_id, org_key, lower(organization_name) as name_lower, lower(acronym) as acronym_lower,
        lower(surface) as surface_lower
    from {{ ref('int_organization_mentions_keyed') }}
    {{- only_changed_cables() }}
)

select distinct actors.event_id, cable_orgs.org_key, actors.cable_id
from actors
join cable_orgs
    on cable_orgs.cable_id = actors.cable_id
    and actors.actor_lower in (cable_orgs.name_lower, cable_orgs.acronym_lower, cable_orgs.surface_lower)
