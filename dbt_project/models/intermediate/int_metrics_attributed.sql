-- Metrics with stable ids, their parent total's id, and the source institution resolved to an
-- organization: first among the organizations the same cable mentions (by acronym, name or
-- the text as written), then among all known organizations.
with

metrics as (
    select * from {{ ref('stg_extracted__metrics') }}
),

-- every name a cable gives an organization (canonical name, acronym, text as written), one row each: an equality
-- join on the cable and the name, where one row per mention matched by either name was a join on the cable alone
-- that tested 4 million pairs (0.55 s against 0.8, six runs each at 25,000 cables; the same rows)
cable_orgs as (
    {%- for name in ['organization_name', 'acronym', 'surface'] %}
    select cable_id, lower({{ name }}) as name_lower, org_key from {{ ref('int_organization_mentions_keyed') }}
    {{- '\n    union all' if not loop.last }}
    {%- endfor %}
),

all_orgs as (
    select org_key, lower(organization_name) as name_lower, lower(acronym) as acronym_lower
    from {{ ref('int_organizations_resolved') }}
),

in_cable as (
    select metrics.cable_id, metrics.metric_index, min(cable_orgs.org_key) as org_key
    from metrics
    join cable_orgs
        on cable_orgs.cable_id = metrics.cable_id
        and cable_orgs.name_lower = lower(metrics.source_org)
    group by all
),

-- by name or by acronym: two equality joins (hash joins), not one join on either (a nested loop over every
-- metric and organization: 18 s against 0.2 s at 10,000 cables)
anywhere as (
    select cable_id, metric_index, min(org_key) as org_key
    from (
        select metrics.cable_id, metrics.metric_index, all_orgs.org_key
        from metrics
        join all_orgs on lower(metrics.source_org) = all_orgs.name_lower
        union all
        select metrics.cable_id, metrics.metric_index, all_orgs.org_key
        from metrics
        join all_orgs on lower(metrics.source_org) = all_orgs.acronym_lower
    )
    group by all
)

select
    metrics.cable_id || '-m' || lpad(metrics.metric_index::varchar, 3, '0') as metric_id,
    case when metrics.parent_index is not null
        then metrics.cable_id || '-m' || lpad(metrics.parent_index::varchar, 3, '0') end as parent_metric_id,
    metrics.*,
    coalesce(in_cable.org_key, anywhere.org_key) as source_org_key
from metrics
left join in_cable using (cable_id, metric_index)
left join anywhere using (cable_id, metric_index)
