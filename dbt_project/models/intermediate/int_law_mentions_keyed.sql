-- Each law mention with the key of the canonical law it names.
select
    mentions.*,
    md5(lower(mentions.law_name) || '|' || coalesce(lower(mentions.country), '')) as law_key
from {{ ref('stg_extracted__law_mentions') }} as mentions
