-- Figures per institution and year, with the flags that say how far they can be trusted.
-- Counts each real figure once (fct_metric_distinct) and shows overlap and conflict groups:
-- figures sharing an overlap_group may count the same cases, so do not add them up.
select
    coalesce(o.name, m.source_org, '(no institution named)') as institution,
    year(m.period_start) as year,
    m.measure,
    m.breakdown,
    m.value,
    m.period_start,
    m.period_end,
    m.overlap_group,
    m.conflict_group,
    m.cable_id,
    m.section,
    m.quote
from marts.fct_metric_distinct as m
left join marts.dim_organization as o on o.org_key = m.source_org_key
where m.measure in ('arrests', 'prosecutions', 'convictions', 'victims_identified', 'victims_assisted')
order by institution, year, m.measure;
