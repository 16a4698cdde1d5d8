-- Metrics with what comparisons need: who reported them (resolved key, else the name as
-- written), the cable's date and sending post, and the source's type.
with

metrics as (
    select * from {{ ref('int_metrics_accepted') }}
),

cables as (
    select cable_id, sent_at, origin, reporting_period_end from {{ ref('stg_raw__cables') }}
),

orgs as (
    select org_key, org_type from {{ ref('int_organizations_resolved') }}
)

select
    metrics.*,
    coalesce(metrics.source_org_key, 'name:' || lower(metrics.source_org)) as source_identity,
    coalesce(metrics.breakdown, '') as breakdown_key,
    orgs.org_type as source_org_type,
    -- counts of people or cases, the figures that overlap, conflict and add up; money, shares and
    -- counts of organizations
    -- describe other things and are left out; so are figures stated outside talk of trafficking in
    -- persons (a defence cable's "arrests" do not count the same thing as a TIP report's)
    metrics.tip_context and metrics.measure in (
        'arrests', 'investigations', 'cases', 'prosecutions', 'convictions', 'acquittals', 'perpetrators',
        'victims_identified', 'victims_rescued', 'victims_referred', 'victims_assisted', 'victims_repatriated',
        'migrants_returned', 'persons_trained'
    ) as is_case_count,
    cables.sent_at,
    cables.origin,
    cables.reporting_period_end as cable_reporting_period_end
from metrics
join cables using (cable_id)
left join orgs on orgs.org_key = metrics.source_org_key
