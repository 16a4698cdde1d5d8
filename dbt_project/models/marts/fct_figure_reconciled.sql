-- One answer per question "how many <measure> in <country> in <period>?": the figures of one
-- country, measure, unit and breakdown (incl. the origin country) whose periods intersect (over
-- at least half the shorter one) and are of similar length (the shorter at least half the longer);
-- linked figures chain into one period group. The best figure is chosen by explicit rules:
--   R1 restatements count once: a figure repeating an earlier statement is not a figure of its own
--   R2 a national body's total beats a police, court, international or NGO figure, which are parts
--      (source rank: government, police, court, international organization, NGO, unidentified)
--   R3 of equally ranked sources, the figure covering the longest period wins
--   R4 for the same period, a later cable's statement beats an older one
--   R5 then the first stated
-- Conflicts stay visible: every other figure, and any institution giving two values, are in basis.
-- Parts of a stated total ("of which nine") and figures without a period or country are left out.
with recursive

metrics as (
    select
        m.metric_id, m.cable_id, m.value, m.measure, m.unit, m.breakdown, m.country_code, m.origin_country_code,
        m.period_start, m.period_end, m.restates_metric_id, m.conflict_group,
        c.source_identity, c.sent_at, c.char_start,
        coalesce(o.name, m.source_org, 'an unnamed source') as institution,
        case c.source_org_type
            when 'government' then 1 when 'police' then 2 when 'court' then 3
            when 'international_org' then 4 when 'ngo' then 5 else 6
        end as source_rank,
        coalesce(m.breakdown, '') || '|' || coalesce(m.origin_country_code, '') as breakdown_key,
        datediff('day', m.period_start, m.period_end) + 1 as period_days
    from {{ ref('fct_metric') }} as m
    join {{ ref('int_metrics_comparable') }} as c using (metric_id)
    left join {{ ref('dim_organization') }} as o on o.org_key = m.source_org_key
    where c.is_case_count
      and m.country_code is not null
      and m.period_start is not null and m.period_end is not null
      and m.parent_metric_id is null
),

pairs as (
    select a.metric_id as a, b.metric_id as b
    from metrics as a
    join metrics as b
        on a.metric_id < b.metric_id
        and a.country_code = b.country_code
        and a.measure = b.measure
        and a.unit is not distinct from b.unit
        and a.breakdown_key = b.breakdown_key
        -- they intersect over at least half the shorter period, and the shorter is at least half the longer
        and datediff('day', greatest(a.period_start, b.period_start), least(a.period_end, b.period_end)) + 1
            >= 0.5 * least(a.period_days, b.period_days)
        and least(a.period_days, b.period_days) >= 0.5 * greatest(a.period_days, b.period_days)
),

edges as (
    select a as metric_id, b as neighbour from pairs
    union
    select b, a from pairs
),

-- connected components by label propagation: every figure starts as its own label; each round, a figure whose label
-- just fell passes it to its neighbours, which keep it when it is smaller than theirs (`using key` keeps one row per
-- figure; `recurring.walk` is every figure's label so far). Each figure ends with the least id of its component. A walk
-- keeping every (figure, reachable figure) pair took 9 s over 4,300 figures of 25,000 cables, this 0.3 s
walk(metric_id, component) using key (metric_id) as (
    select metric_id, metric_id from edges group by metric_id
    union
    select edges.neighbour, min(walk.component)
    from walk
    join edges on edges.metric_id = walk.metric_id
    join recurring.walk as known on known.metric_id = edges.neighbour
    group by edges.neighbour, known.component
    having min(walk.component) < known.component
),

grouped as (
    select metrics.*, coalesce(components.component, metrics.metric_id) as group_seed
    from metrics
    left join (select metric_id, min(component) as component from walk group by metric_id) as components
        using (metric_id)
),

ranked as (
    select
        *,
        restates_metric_id is not null as is_restatement,
        case when value = round(value) then value::bigint::varchar else value::varchar end as value_text,
        row_number() over (
            partition by group_seed
            order by restates_metric_id is not null, source_rank, period_days desc, sent_at desc, cable_id, char_start
        ) as choice,
        case source_rank
            when 1 then 'a national body''s total' when 2 then 'a police figure' when 3 then 'a court''s figure'
            when 4 then 'an international organization''s figure' when 5 then 'an NGO''s figure'
            else 'a figure of an unidentified source'
        end as source_kind,
        case when month(period_start) = 1 and day(period_start) = 1 and month(period_end) = 12
                and day(period_end) = 31 and year(period_start) = year(period_end)
            then year(period_start)::varchar
            else strftime(period_start, '%Y-%m-%d') || ' to ' || strftime(period_end, '%Y-%m-%d')
        end as period_text
    from grouped
),

described as (
    select *, value_text || ' by ' || institution || ' (' || period_text || ', ' || metric_id || ')' as figure_text
    from ranked
),

best as (select * from described where choice = 1),

runner_up as (select * from described where choice = 2 and not is_restatement),

-- an institution giving two values for one group: both stay in view
conflicts as (
    select group_seed,
        string_agg(institution || ' gives ' || values_text, '; ' order by institution) as conflict_text
    from (
        select group_seed, institution,
            string_agg(distinct value_text, ' and ' order by value_text) as values_text
        from described
        where not is_restatement
        group by group_seed, institution, source_identity
        having count(distinct value) > 1
    )
    group by group_seed
),

summary as (
    select
        group_seed,
        min(period_start) as period_start,
        max(period_end) as period_end,
        count(*) filter (where not is_restatement) as n_figures,
        count(*) filter (where is_restatement) as n_restatements,
        count(distinct source_identity) as n_institutions,
        min(value) as min_value,
        max(value) as max_value,
        list(metric_id order by choice) as metric_ids,
        string_agg(figure_text, '; ' order by choice) filter (where choice > 1 and not is_restatement) as others_text
    from described
    group by group_seed
)

select
    'rec-' || substr(md5(best.country_code || best.measure || best.breakdown_key || best.group_seed), 1, 12)
        as reconciled_id,
    best.country_code,
    best.measure,
    best.unit,
    best.breakdown,
    best.origin_country_code,
    summary.period_start,
    summary.period_end,
    year(summary.period_start + ((summary.period_end - summary.period_start) // 2)::integer) as year,
    summary.n_figures,
    summary.n_institutions,
    summary.min_value,
    summary.max_value,
    best.value as best_value,
    best.metric_id as best_metric_id,
    best.institution as best_institution,
    summary.metric_ids,
    conflicts.conflict_text is not null as has_conflict,
    best.figure_text || ' is chosen: '
        || case
            when runner_up.metric_id is null then 'the only figure'
            when summary.min_value = summary.max_value then 'every figure agrees'
            when best.source_rank < runner_up.source_rank
                then best.source_kind || ' beats ' || runner_up.source_kind || ' (R2)'
            when best.period_days > runner_up.period_days then 'of equally ranked sources it covers the longest period (R3)'
            when best.sent_at > runner_up.sent_at
                then 'a later cable''s statement beats ' || runner_up.cable_id || '''s for the same period (R4)'
            else 'the first stated of equally ranked figures (R5)'
        end
        || case when summary.n_restatements > 0
            then '; restated ' || summary.n_restatements || ' time(s), counted once (R1)' else '' end
        || '.'
        || case when summary.others_text is not null then ' Other figures: ' || summary.others_text || '.' else '' end
        || case when conflicts.conflict_text is not null
            then ' Conflicting: ' || conflicts.conflict_text || '.' else '' end
        || case when summary.n_figures > 1 then ' They may count the same cases: do not add them.' else '' end
        as basis
from best
join summary using (group_seed)
left join runner_up using (group_seed)
left join conflicts using (group_seed)
order by best.country_code, best.measure, best.breakdown nulls first, summary.period_start
