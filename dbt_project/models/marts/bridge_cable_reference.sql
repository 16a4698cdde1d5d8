with

refs as (
    select * from {{ ref('stg_raw__references') }}
),

cables as (
    select cable_id from {{ ref('stg_raw__cables') }}
)

select
    refs.cable_id,
    refs.referenced_cable_id,
    refs.reference_position,
    cited.cable_id is not null as is_in_warehouse
from refs
left join cables as cited on cited.cable_id = refs.referenced_cable_id
