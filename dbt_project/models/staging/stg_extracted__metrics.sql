with

source as (
    select * from {{ source('extracted', 'metrics') }}
),

renamed as (
    select
        -- ids
        cable_id,
        metric_index,
        parent_index,
        section,
        paragraph_ordinal,
        -- measurement
        value,
        value_text,
        measure,
        unit,
        nullif(array_to_string(list_sort(breakdown), ';'), '') as breakdown,
        is_cumulative,
        -- context: stated where the cable speaks of trafficking in persons
        tip_context,
        -- attribution
        nullif(trim(source_org), '') as source_org,
        -- dates
        period_start,
        period_end,
        -- provenance: offsets (1-based, end exclusive) of the figure in raw_text
        quote,
        char_start,
        char_end
    from source
)

select * from renamed
