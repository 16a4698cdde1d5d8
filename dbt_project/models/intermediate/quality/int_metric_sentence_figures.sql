-- The figures each sentence states (in the order it states them), to tell a sub-figure or a restated context from a
-- conflict.
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}
select
    cable_id,
    quote,
    list(value order by char_start, metric_id) as sentence_values,
    list(value order by char_start, metric_id) filter (where is_case_count) as sentence_counts
from {{ ref('int_metrics_comparable') }}
{{ only_changed_cables() }}
group by cable_id, quote
