-- One canonical law per instrument, with every variant name the cables use for it. Its name and country
-- are the spellings most often given, the first in alphabetical order of those given equally often (a choice
-- that does not depend on the order rows are stored in, so a reload and a rebuild from scratch agree).
with

mentions as (
    select
        *,
        md5(lower(law_name) || '|' || coalesce(lower(country), '')) as law_key
    from {{ ref('stg_extracted__law_mentions') }}
),

counted as (
    select
        *,
        count(*) over (partition by law_key, law_name) as count_of_law_name,
        count(*) over (partition by law_key, country) as count_of_country
    from mentions
)

select
    law_key,
    first(law_name order by count_of_law_name desc, law_name) filter (where law_name is not null) as law_name,
    min(enacted_date) as enacted_date,
    first(country order by count_of_country desc, country) filter (where country is not null) as country,
    list_sort(list_distinct(list(surface))) as aliases,
    list_sort(list_distinct(flatten(list(articles)))) as articles,
    count(*) as mention_count,
    count(distinct cable_id) as cable_count
from counted
group by law_key
