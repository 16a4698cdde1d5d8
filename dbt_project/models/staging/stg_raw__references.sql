with

source as (
    select * from {{ source('raw', 'references') }}
),

renamed as (
    select
        -- ids
        cable_id,
        referenced_cable_id,
        -- order in the REF block
        position as reference_position
    from source
)

select * from renamed
