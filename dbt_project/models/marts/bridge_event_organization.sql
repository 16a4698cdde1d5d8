select event_id, org_key
from {{ ref('int_event_organizations') }}
