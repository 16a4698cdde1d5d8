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
order by cable_id, event_index
