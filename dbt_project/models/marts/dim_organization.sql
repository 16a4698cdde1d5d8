select
    org_key,
    organization_name as name,
    acronym,
    org_type,
    country,
    aliases,
    mention_count,
    cable_count
from {{ ref('int_organizations_resolved') }}
