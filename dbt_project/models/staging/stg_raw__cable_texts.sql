with

source as (
    select * from {{ source('raw', 'cable_texts') }}
),

renamed as (
    select
        -- ids
        cable_id,
        source_file,
        -- text
        raw_text,
        -- provenance
        content_sha256,
        byte_length,
        loaded_at
    from source
)

select * from renamed
