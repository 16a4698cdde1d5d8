-- Each organization mention with the key of the canonical organization it names.
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}
select
    mentions.*,
    md5(lower(mentions.organization_name) || '|' || coalesce(lower(mentions.country), '')) as org_key
from {{ ref('stg_extracted__organization_mentions') }} as mentions
{{ only_changed_cables('mentions.cable_id') }}
