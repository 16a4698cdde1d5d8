-- Totals and the parts their own sentence breaks them into ("21 cases, of which nine ... and
-- 12 ..."). Parts told in later sentences often break down a sub-group ("the female victims
-- were age 10 (1 victim) ..."), so only a total's own sentence is summed.
with

metrics as (
    select * from {{ ref('int_metrics_comparable') }}
    where is_case_count
),

parts as (
    select
        parent.metric_id as total_metric_id,
        child.quote as parts_quote,
        any_value(parent.value) as total_value,
        count(*) as part_count,
        sum(child.value) as parts_sum,
        list(child.metric_id order by child.char_start) as part_ids
    from metrics as parent
    join metrics as child
        on child.parent_metric_id = parent.metric_id
        and child.measure = parent.measure
        and child.unit is not distinct from parent.unit
        and child.quote = parent.quote
    group by parent.metric_id, child.quote
)

select
    *,
    case
        when parts_sum > total_value then 'parts_exceed_total'
        when part_count >= 2 and parts_sum < total_value then 'parts_do_not_sum'
    end as part_status
from parts
