-- One canonical law per instrument, with every variant name the cables use for it.
with

mentions as (
    select
        *,
        md5(lower(law_name) || '|' || coalesce(lower(country), '')) as law_key
    from {{ ref('stg_extracted__law_mentions') }}
)

select
    law_key,
    any_value(law_name) as law_name,
    min(enacted_date) as enacted_date,
    any_value(country) as country,
    list_sort(list_distinct(list(surface))) as aliases,
    list_sort(list_distinct(flatten(list(articles)))) as articles,
    count(*) as mention_count,
    count(distinct cable_id) as cable_count
from mentions
group by law_key
