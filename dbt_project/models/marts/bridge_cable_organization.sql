select
    cable_id,
    org_key,
    count(*) as mention_count,
    min(char_start) as first_char_start
from {{ ref('int_organization_mentions_keyed') }}
group by cable_id, org_key
