select
    cable_id,
    law_key,
    count(*) as mention_count,
    list_sort(list_distinct(flatten(list(articles)))) as articles_cited
from {{ ref('int_law_mentions_keyed') }}
group by cable_id, law_key
