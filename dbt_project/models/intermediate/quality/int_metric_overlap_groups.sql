-- Figures that may count the same cases: the same kind of measure, intersecting periods,
-- different institutions, and either under the same overlap caveat or both reported by
-- institutions that count cases (police, courts, ministries, NGOs) in the same country.
-- Each connected set of such pairs is one overlap group.
with recursive

metrics as (
    select m.*, c.caveat_id
    from {{ ref('int_metrics_comparable') }} as m
    left join {{ ref('int_metric_overlap_caveats') }} as c
        on c.cable_id = m.cable_id and c.section is not distinct from m.section and m.char_start > c.caveat_char_start
    where m.period_start is not null and m.period_end is not null
      and m.source_org is not null
      and m.is_case_count
      and m.measure not in ('persons_trained', 'migrants_returned')
      and m.parent_metric_id is null  -- a part ("13 of whom") is not a separate figure to add
),

pairs as (
    select distinct a.metric_id as a, b.metric_id as b
    from metrics as a
    join metrics as b
        on a.metric_id < b.metric_id
        and a.measure = b.measure
        and a.origin = b.origin
        and a.source_identity <> b.source_identity
        and a.period_start <= b.period_end and b.period_start <= a.period_end
        and a.breakdown_key = b.breakdown_key
        and not (a.value = b.value and a.period_start = b.period_start and a.period_end = b.period_end)
    where (a.caveat_id is not null and a.caveat_id = b.caveat_id)
       or (a.source_org_type in ('police', 'court', 'government', 'ngo')
           and b.source_org_type in ('police', 'court', 'government', 'ngo'))
),

edges as (
    select a as metric_id, b as neighbour from pairs
    union
    select b, a from pairs
),

-- connected components by label propagation, as in fct_figure_reconciled: each figure ends with the least id of its
-- component
walk(metric_id, component) using key (metric_id) as (
    select metric_id, metric_id from edges group by metric_id
    union
    select edges.neighbour, min(walk.component)
    from walk
    join edges on edges.metric_id = walk.metric_id
    join recurring.walk as known on known.metric_id = edges.neighbour
    group by edges.neighbour, known.component
    having min(walk.component) < known.component
)

select
    walk.metric_id,
    'ovl-' || substr(md5(min(walk.component)), 1, 10) as overlap_group,
    bool_or(metrics.caveat_id is not null) as under_caveat
from walk
join metrics using (metric_id)
group by walk.metric_id
