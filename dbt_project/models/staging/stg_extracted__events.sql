with

source as (
    select * from {{ source('extracted', 'events') }}
),

renamed as (
    select
        -- ids
        cable_id,
        event_index,
        section,
        paragraph_ordinal,
        -- event
        event_type,
        event_date,
        date_precision,
        actors,
        nullif(trim(law), '') as law_text,
        nullif(trim(subject), '') as subject,
        nullif(trim(subject_key), '') as subject_key,
        -- context: stated where the cable speaks of trafficking in persons
        tip_context,
        -- provenance: offsets (1-based, end exclusive) of the sentence in raw_text
        quote,
        char_start,
        char_end
    from source
)

select * from renamed
