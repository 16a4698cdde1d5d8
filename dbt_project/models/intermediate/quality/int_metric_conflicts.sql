-- The same institution, measure, breakdown and period given different values in different
-- places (another section or another cable). Not conflicts: figures of one sentence (they
-- describe different groups), parts of a total ("of which nine"), running totals, two
-- sentences that share another figure (the same story told with other sub-figures), a
-- figure that is the sum of the other sentence's figures ("619 in Dakar and 116 in the
-- regions" against "a total of 735"), and values too far apart to count the same thing.
with

metrics as (
    select * from {{ ref('int_metrics_comparable') }}
    where period_start is not null and period_end is not null
      and source_org_key is not null
      and is_case_count
      and not is_cumulative
      and parent_metric_id is null
),

figures as (
    select * from {{ ref('int_metric_sentence_figures') }}
),

pairs as (
    select a.metric_id as a, b.metric_id as b,
        'cnf-' || substr(md5(a.source_identity || a.measure || a.breakdown_key || a.period_start || a.period_end), 1, 10)
            as conflict_group
    from metrics as a
    join metrics as b
        on a.metric_id < b.metric_id
        and a.source_identity = b.source_identity
        and a.measure = b.measure
        and a.breakdown_key = b.breakdown_key
        and a.period_start = b.period_start
        and a.period_end = b.period_end
        and a.value <> b.value
        and a.quote <> b.quote
        and not (a.cable_id = b.cable_id and a.section is not distinct from b.section)
    join figures as fa on fa.cable_id = a.cable_id and fa.quote = a.quote
    join figures as fb on fb.cable_id = b.cable_id and fb.quote = b.quote
    where len(list_intersect(fa.sentence_values, fb.sentence_values)) = 0
      and a.value <> list_sum(fb.sentence_counts) and b.value <> list_sum(fa.sentence_counts)
      and least(a.value, b.value) >= 0.5 * greatest(a.value, b.value)
)

select a as metric_id, conflict_group from pairs
union
select b, conflict_group from pairs
