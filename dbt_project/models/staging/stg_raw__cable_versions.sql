with

source as (
    select * from {{ source('raw', 'cable_versions') }}
),

renamed as (
    select
        -- ids
        source_key,
        cable_id,
        -- provenance
        source_file,
        source_row,
        source_format,
        encoding,
        content_sha256,
        byte_length,
        length(raw_text) as text_length,
        section_count,
        -- flags
        is_published,
        -- dates
        loaded_at
    from source
)

select * from renamed
