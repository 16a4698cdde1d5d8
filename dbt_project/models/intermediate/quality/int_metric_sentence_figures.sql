-- The figures each sentence states (in the order it states them), to tell a sub-figure or a restated context from a
-- conflict.
select
    cable_id,
    quote,
    list(value order by char_start, metric_id) as sentence_values,
    list(value order by char_start, metric_id) filter (where is_case_count) as sentence_counts
from {{ ref('int_metrics_comparable') }}
group by cable_id, quote
