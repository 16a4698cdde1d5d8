-- Every country (ISO 3166-1 and Kosovo) with its names and region, and how much the warehouse says about it.
with

countries as (
    select * from {{ ref('country_codes') }}
),

cable_counts as (
    select subject_country_code as country_code, count(*) as cable_count
    from {{ ref('int_cable_countries') }}
    group by all
),

metric_counts as (
    select country_code, count(*) as metric_count
    from {{ ref('int_metric_countries') }}
    group by all
)

select
    countries.country_code,
    countries.alpha3,
    countries.name,
    countries.iso_name,
    countries.official_name,
    nullif(countries.region, '') as region,
    nullif(countries.subregion, '') as subregion,
    nullif(countries.continent, '') as continent,
    nullif(countries.state_tag, '') as state_tag,
    nullif(countries.capital, '') as capital,
    coalesce(cable_counts.cable_count, 0) as cable_count,
    coalesce(metric_counts.metric_count, 0) as metric_count
from countries
left join cable_counts using (country_code)
left join metric_counts using (country_code)
order by countries.country_code
