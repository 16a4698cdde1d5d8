-- A figure that repeats one already stated (same value, measure, source, breakdown and
-- period), later in the same cable or in a later cable, points at the first statement.
-- Small counts (under 10) coincide by chance ("one victim" in two stories), so they count as
-- restated only when the sentence is repeated too. So do figures that are no count of people or
-- cases in talk of trafficking (is_case_count): "40 suicide bombings" and "40 hectares" share a
-- value, a measure ("other") and a year, not a meaning; an amount or a share is restated only
-- where its sentence is. Of statements sent at the same time at the same place (copies of a cable), the first by
-- id is the one pointed at, whatever the order rows are stored in.
with

metrics as (
    select * from {{ ref('int_metrics_comparable') }}
    where period_start is not null and period_end is not null
),

earlier as (
    select
        later.metric_id,
        first.metric_id as first_metric_id,
        row_number() over (
            partition by later.metric_id order by first.sent_at, first.char_start, first.metric_id
        ) as rank_in_time
    from metrics as later
    join metrics as first
        on first.value = later.value
        and first.measure = later.measure
        and first.source_identity is not distinct from later.source_identity
        and first.breakdown_key = later.breakdown_key
        and first.period_start = later.period_start
        and first.period_end = later.period_end
        and (first.sent_at < later.sent_at
             or (first.cable_id = later.cable_id and first.char_start < later.char_start))
        and not (first.cable_id = later.cable_id and first.quote = later.quote)
    where first.quote = later.quote
        or (later.is_case_count and first.is_case_count and later.value >= 10)
)

select metric_id, first_metric_id as restates_metric_id
from earlier
where rank_in_time = 1
