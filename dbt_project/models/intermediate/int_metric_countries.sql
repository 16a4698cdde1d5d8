-- The country each figure is about and, for a breakdown by origin, the country the counted
-- people come from, read from the words right after the figure in the raw text (to the end of
-- its clause):
--   origin_country_code  "from <country>" within the next five words ("21 women from Vietnam",
--                        "160 Cambodian victims of trafficking from Vietnam": where they came from
--                        tells the breakdown), else a demonym among the next two words ("two
--                        Russian citizens", "eight underage Cambodian girls", "75,000 Indonesians")
--   country_code         "in <country>" within the next eight words ("75,000 Indonesians working
--                        without documents in Syria"), else the cable's subject country
-- A money figure has no origin ("10 billion through Israeli holdings"): only counts of people and
-- cases, and shares, get an origin_country_code.
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook=["{{ delete_changed_cables() }}"],
) }}
with

metrics as (
    select metric_id, cable_id, char_end, coalesce(unit in ('persons', 'cases', 'percent'), true) as counts_people
    from {{ ref('int_metrics_accepted') }}
    {{- only_changed_cables() }}
),

texts as (
    select cable_id, raw_text from {{ ref('stg_raw__cable_texts') }}
),

windows as (
    select
        metrics.metric_id,
        metrics.cable_id,
        ' ' || {{ match_key("regexp_extract(substr(texts.raw_text, metrics.char_end, 200), '^[^.;:]*')") }} || ' '
            as after_key
    from metrics
    join texts using (cable_id)
),

names as (
    select match_key, country_code, kind from {{ ref('country_names') }}
),

-- each name found after the figure, with the number of the word it starts at
found as (
    select windows.metric_id, names.country_code, names.kind, names.match_key, pattern.rule,
        length(left(windows.after_key, strpos(windows.after_key, pattern.needle)))
            - length(replace(left(windows.after_key, strpos(windows.after_key, pattern.needle)), ' ', '')) as word_number
    from windows
    join names on contains(windows.after_key, ' ' || names.match_key || ' ')
    cross join lateral (
        select 'demonym' as rule, ' ' || names.match_key || ' ' as needle where names.kind = 'demonym'
        union all select 'from', ' from ' || names.match_key || ' '
        union all select 'in', ' in ' || names.match_key || ' ' where names.kind = 'name'
    ) as pattern
    where contains(windows.after_key, pattern.needle)
),

origins as (
    select metric_id,
        arg_min(country_code, (case rule when 'from' then 0 else 1 end, word_number, -length(match_key)))
            as origin_country_code
    from found
    where (rule = 'demonym' and word_number <= 2) or (rule = 'from' and word_number <= 5)
    group by metric_id
),

locations as (
    select metric_id, arg_min(country_code, (word_number, -length(match_key))) as location_country_code
    from found
    where rule = 'in' and word_number <= 8
    group by metric_id
),

cables as (
    select cable_id, subject_country_code from {{ ref('int_cable_countries') }}
)

select
    metrics.metric_id,
    metrics.cable_id,
    coalesce(locations.location_country_code, cables.subject_country_code) as country_code,
    case when locations.location_country_code is not null then 'in <country> after the figure'
        when cables.subject_country_code is not null then 'subject country of the cable' end as country_basis,
    case when metrics.counts_people then origins.origin_country_code end as origin_country_code
from metrics
left join cables using (cable_id)
left join locations using (metric_id)
left join origins using (metric_id)
