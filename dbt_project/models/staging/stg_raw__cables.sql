with

source as (
    select * from {{ source('raw', 'cables') }}
),

renamed as (
    select
        -- ids
        cable_id,
        transmission_id,
        -- text
        trim(subject) as subject,
        trim(classification) as classification,
        trim(origin) as origin,
        body_subject,
        signer,
        eo_line,
        from_station,
        precedence,
        date_time_group,
        tags,
        caveats,
        -- dates
        sent_at,
        header_date_local,
        header_utc_offset,
        reporting_period_start,
        reporting_period_end,
        -- counts
        section_count,
        -- provenance
        source_file,
        content_sha256,
        loaded_at
    from source
)

select * from renamed
