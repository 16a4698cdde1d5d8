-- One canonical organization per real body: mentions sharing a canonical name (and, for
-- national bodies, a country) are one organization; its name, acronym and type are the ones most
-- often given to it, the first in alphabetical order of those given equally often (a choice that does
-- not depend on the order rows are stored in, so a reload and a rebuild from scratch agree).
with

mentions as (
    select * from {{ ref('stg_extracted__organization_mentions') }}
),

keyed as (
    select
        *,
        md5(lower(organization_name) || '|' || coalesce(lower(country), '')) as org_key
    from mentions
),

counted as (
    select
        *,
        count(*) over (partition by org_key, organization_name) as count_of_organization_name,
        count(*) over (partition by org_key, acronym) as count_of_acronym,
        count(*) over (partition by org_key, org_type) as count_of_org_type,
        count(*) over (partition by org_key, country) as count_of_country
    from keyed
)

select
    org_key,
    first(organization_name order by count_of_organization_name desc, organization_name) filter (where organization_name is not null) as organization_name,
    first(acronym order by count_of_acronym desc, acronym) filter (where acronym is not null) as acronym,
    first(org_type order by count_of_org_type desc, org_type) filter (where org_type is not null) as org_type,
    first(country order by count_of_country desc, country) filter (where country is not null) as country,
    list_sort(list_distinct(list(surface))) as aliases,
    count(*) as mention_count,
    count(distinct cable_id) as cable_count
from counted
group by org_key
