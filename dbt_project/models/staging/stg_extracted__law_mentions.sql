with

source as (
    select * from {{ source('extracted', 'law_mentions') }}
),

renamed as (
    select
        -- ids
        cable_id,
        mention_index,
        -- text
        trim(name) as law_name,
        surface,
        country,
        articles,
        section,
        -- dates
        enacted_date,
        -- offsets (1-based, end exclusive) into raw_text
        char_start,
        char_end
    from source
)

select * from renamed
