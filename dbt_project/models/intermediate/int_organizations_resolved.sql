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

-- each attribute's most given value per organization, counted by grouping (four window counts over every
-- mention sorted 760,000 rows four times: 6 s at 25,000 cables, against 1)
{%- for attribute in ['organization_name', 'acronym', 'org_type', 'country'] %}

{{ attribute }}_chosen as (
    select org_key, first({{ attribute }} order by given desc, {{ attribute }}) as {{ attribute }}
    from (
        select org_key, {{ attribute }}, count(*) as given
        from keyed
        where {{ attribute }} is not null
        group by org_key, {{ attribute }}
    )
    group by org_key
),
{%- endfor %}

totals as (
    select
        org_key,
        list_sort(list_distinct(list(surface))) as aliases,
        count(*) as mention_count,
        count(distinct cable_id) as cable_count
    from keyed
    group by org_key
)

select
    totals.org_key,
    organization_name_chosen.organization_name,
    acronym_chosen.acronym,
    org_type_chosen.org_type,
    country_chosen.country,
    totals.aliases,
    totals.mention_count,
    totals.cable_count
from totals
left join organization_name_chosen using (org_key)
left join acronym_chosen using (org_key)
left join org_type_chosen using (org_key)
left join country_chosen using (org_key)
