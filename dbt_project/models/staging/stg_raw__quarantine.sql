with

source as (
    select * from {{ source('raw', 'quarantine') }}
),

renamed as (
    select
        -- ids
        source_file,
        content_sha256,
        -- text
        kind as quarantine_kind,
        reason,
        -- dates
        detected_at
    from source
)

select * from renamed
