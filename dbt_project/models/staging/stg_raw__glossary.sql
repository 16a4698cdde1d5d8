with

source as (
    select * from {{ source('raw', 'glossary') }}
),

renamed as (
    select
        -- ids
        cable_id,
        -- text
        trim(acronym) as acronym,
        trim(expansion) as expansion,
        origin as definition_origin
    from source
)

select * from renamed
