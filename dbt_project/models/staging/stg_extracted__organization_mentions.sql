with

source as (
    select * from {{ source('extracted', 'organization_mentions') }}
),

renamed as (
    select
        -- ids
        cable_id,
        mention_index,
        -- text
        trim(name) as organization_name,
        nullif(trim(acronym), '') as acronym,
        org_type,
        country,
        surface,
        section,
        -- offsets (1-based, end exclusive) into raw_text
        char_start,
        char_end
    from source
)

select * from renamed
