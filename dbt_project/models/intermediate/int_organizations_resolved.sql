-- One canonical organization per real body: mentions sharing a canonical name (and, for
-- national bodies, a country) are one organization; its acronym and type are the ones most
-- often given to it.
with

mentions as (
    select * from {{ ref('stg_extracted__organization_mentions') }}
),

keyed as (
    select
        *,
        md5(lower(organization_name) || '|' || coalesce(lower(country), '')) as org_key
    from mentions
)

select
    org_key,
    any_value(organization_name) as organization_name,
    mode(acronym) as acronym,
    mode(org_type) as org_type,
    any_value(country) as country,
    list_sort(list_distinct(list(surface))) as aliases,
    count(*) as mention_count,
    count(distinct cable_id) as cable_count
from keyed
group by org_key
