-- One row per accepted event.
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}

select
    event_id,
    cable_id,
    section,
    event_date,
    date_precision,
    event_type,
    law_key,
    law_text,
    subject,
    subject_key,
    actors,
    tip_context,
    quote,
    char_start,
    char_end
from {{ ref("int_events_accepted") }}
{{ only_changed_cables() }}
order by cable_id, event_index
