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
{{ incremental_by_cable_config() }}
with

metrics as (
    select metric_id, cable_id, char_end, coalesce(unit in ('persons', 'cases', 'percent'), true) as counts_people
    from {{ ref('int_metrics_accepted') }}
    {{- only_changed_cables() }}
),

texts as (
    -- the changed cables' texts only, on an incremental run (a join with every text read them all)
    select cable_id, raw_text from {{ ref('stg_raw__cable_texts') }}
    {{- only_changed_cables() }}
),

-- cut with the texts streaming past the figures (macros/joined_to_texts.sql)
windows as (
    select
        spans.metric_id,
        string_split({{ match_key("regexp_extract(substr(texts.raw_text, spans.char_end, 200), '^[^.;:]*')") }}, ' ')
            as words
    from {{ joined_to_texts("select metric_id, cable_id, char_end from metrics") }} as spans
    join texts using (cable_id)
),

names as (
    select match_key, country_code, kind from {{ ref('country_names') }}
),

name_lengths as (
    select distinct len(string_split(match_key, ' ')) as name_words from names
),

-- every phrase of the window as long as some name, by the number of the word it starts at, with the word
-- before it: names are then found by equality (a hash join), not by testing every name against every
-- window (25,000 cables: 19.5 s to 9.0 s, same rows). No rule reads past the eighth word ("in" + name
-- starting at word 9), so phrases start at words 1 to 9.
starts as (
    select metric_id, words, unnest(range(1, least(len(words), 9) + 1)) as word_number from windows
),

phrases as (
    select
        starts.metric_id,
        starts.word_number,
        case when starts.word_number > 1 then starts.words[starts.word_number - 1] end as word_before,
        array_to_string(starts.words[starts.word_number:starts.word_number + name_lengths.name_words - 1], ' ')
            as phrase
    from starts
    cross join name_lengths
    where starts.word_number + name_lengths.name_words - 1 <= len(starts.words)
),

-- each name found after the figure by each rule, with the number of the word its first match starts at
-- (for "from" and "in", the number of that word)
found as (
    select phrases.metric_id, names.country_code, names.kind, names.match_key, rule.rule,
        min(case rule.rule when 'demonym' then phrases.word_number else phrases.word_number - 1 end)
            as word_number
    from phrases
    join names on names.match_key = phrases.phrase
    join (values ('demonym'), ('from'), ('in')) as rule (rule)
        on (rule.rule = 'demonym' and names.kind = 'demonym')
        or (rule.rule = 'from' and phrases.word_before = 'from')
        or (rule.rule = 'in' and names.kind = 'name' and phrases.word_before = 'in')
    group by all
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
