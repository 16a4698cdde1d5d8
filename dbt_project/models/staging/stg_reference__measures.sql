with

source as (
    select * from {{ ref('measures') }}
),

renamed as (
    select
        measure,
        nullif(unit, '') as unit,
        definition,
        examples
    from source
)

select * from renamed
