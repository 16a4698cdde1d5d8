-- The country each cable is about. TAGS use the State Department's codes (FIPS 10-4: CB is
-- Cambodia, TU Turkey), which reference.country_state_tags reads (some codes also have an ISO
-- reading: BO is Belarus in FIPS, Bolivia in ISO); where the tags do not decide, the subject line
-- and the sending post do. The first rule that gives a country wins:
--   1 subject heading        the subject line opens with a country name and a colon ("TURKEY: 9TH
--                            ANNUAL TIP REPORT"), the drafters' convention for the country reported on
--   2 tag and subject line   of the tag countries (any reading), the first the subject line names
--   3 tag                    the only country the geographic tags name (FIPS reading)
--   4 tag and post           of several tag countries (any reading), the one the post is in
--   5 subject line           the first country the subject line names (by name or demonym)
--   6 post                   the country of the sending post (Embassy Ankara -> TR)
--   7 first tag              the first of several tags (FIPS reading)
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}
with

cables as (
    select
        cable_id,
        tags,
        ' ' || {{ match_key("coalesce(body_subject, '') || ' ' || coalesce(subject, '')") }} || ' ' as subject_key,
        ' ' || {{ match_key('origin') }} || ' ' as origin_key,
        {{ match_key("regexp_extract(coalesce(body_subject, subject), '^([^:]{3,60}):', 1)") }} as heading_key
    from {{ ref('stg_raw__cables') }}
    {{- only_changed_cables() }}
),

names as (
    select match_key, country_code, kind from {{ ref('country_names') }}
),

headings as (
    select cables.cable_id, names.country_code
    from cables
    join names on names.match_key = cables.heading_key and names.kind = 'name'
),

tag_readings as (
    select tagged.cable_id, tagged.tag_position, readings.country_code, readings.reading
    from (
        select cable_id, trim(unnest(tags), ' ,') as tag, unnest(generate_series(1, len(tags))) as tag_position
        from cables
    ) as tagged
    join {{ ref('country_state_tags') }} as readings on readings.tag = tagged.tag
),

subject_mentions as (
    select cables.cable_id, names.country_code, names.match_key,
        strpos(cables.subject_key, ' ' || names.match_key || ' ') as position
    from cables
    join names on contains(cables.subject_key, ' ' || names.match_key || ' ')
),

-- "Guinea" inside "Papua New Guinea", "Sudan" inside "South Sudan" are not mentions of their own
subject_countries as (
    select mention.cable_id, mention.country_code, min(mention.position) as position
    from subject_mentions as mention
    where not exists (
        select 1 from subject_mentions as longer
        where longer.cable_id = mention.cable_id
          and length(longer.match_key) > length(mention.match_key)
          and mention.position >= longer.position
          and mention.position + length(mention.match_key) <= longer.position + length(longer.match_key)
    )
    group by all
),

origins as (
    select distinct origin_key from cables
),

-- the longest place name the post ends with; a country name before a capital before a big city
origin_places as (
    select origins.origin_key,
        arg_min(
            places.country_code,
            (-length(places.match_key), case places.kind when 'country' then 0 when 'capital' then 1 else 2 end,
             -places.population, places.country_code)
        ) as country_code
    from origins
    join {{ ref('country_places') }} as places on ends_with(origins.origin_key, ' ' || places.match_key || ' ')
    group by origins.origin_key
),

post_countries as (
    select cables.cable_id, origin_places.country_code
    from cables
    join origin_places using (origin_key)
),

single_tag as (
    select cable_id, any_value(country_code) as country_code
    from tag_readings
    where reading = 'fips'
    group by cable_id
    having count(distinct country_code) = 1
),

candidates as (
    select cable_id, 1 as priority, 'subject heading' as basis, country_code, 0 as position from headings
    union all
    select t.cable_id, 2, 'tag and subject line', t.country_code, s.position
    from tag_readings as t join subject_countries as s using (cable_id, country_code)
    union all
    select cable_id, 3, 'tag', country_code, 0 from single_tag
    union all
    select t.cable_id, 4, 'tag and post', t.country_code, t.tag_position
    from tag_readings as t join post_countries as p using (cable_id, country_code)
    union all
    select cable_id, 5, 'subject line', country_code, position from subject_countries
    union all
    select cable_id, 6, 'post', country_code, 0 from post_countries
    union all
    select cable_id, 7, 'first tag', country_code, tag_position from tag_readings where reading = 'fips'
)

select
    cables.cable_id,
    arg_min(candidates.country_code, (candidates.priority, candidates.position)) as subject_country_code,
    arg_min(candidates.basis, (candidates.priority, candidates.position)) as subject_country_basis,
    any_value(post_countries.country_code) as post_country_code
from cables
left join candidates using (cable_id)
left join post_countries using (cable_id)
group by cables.cable_id
