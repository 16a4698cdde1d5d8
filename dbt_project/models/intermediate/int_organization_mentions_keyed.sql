-- Each organization mention with the key of the canonical organization it names.
select
    mentions.*,
    md5(lower(mentions.organization_name) || '|' || coalesce(lower(mentions.country), '')) as org_key
from {{ ref('stg_extracted__organization_mentions') }} as mentions
