with

source as (
    select * from {{ source('raw', 'paragraphs') }}
),

renamed as (
    select
        -- ids
        cable_id,
        ordinal as paragraph_ordinal,
        label as paragraph_label,
        section,
        -- text
        classification_mark,
        heading,
        text as paragraph_text,
        -- offsets (1-based, end exclusive) into raw_text
        char_start,
        char_end
    from source
)

select * from renamed
