-- The figures each sentence states, to tell a sub-figure or a restated context from a conflict.
select
    cable_id,
    quote,
    list(value) as sentence_values,
    list(value) filter (where is_case_count) as sentence_counts
from {{ ref('int_metrics_comparable') }}
group by cable_id, quote
