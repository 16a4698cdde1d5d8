select
    law_key,
    law_name as name,
    enacted_date,
    country,
    aliases,
    articles,
    mention_count,
    cable_count
from {{ ref('int_laws_resolved') }}
