-- Where a cable warns that the statistics after it may overlap ("the statistics below may
-- overlap, as a consolidated database ... is yet to be available"): the caveat covers the
-- figures that follow it in the same section.
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}
with

-- the paragraphs that word a caveat, found in their clean text; only these few are cut from the raw text, with the
-- texts streaming past them (macros/joined_to_texts.sql)
caveat_paragraphs as (
    select * from (
        select cable_id, section, char_start, char_end
        from {{ ref('stg_raw__paragraphs') }}
        where regexp_matches(
            lower(paragraph_text), '(may|might|could|possibly|likely) (overlap|be double[- ]counted|include duplicates)'
        )
    )
    {{- only_changed_cables() }}
),

paragraphs as (
    select p.cable_id, p.section, p.char_start,
        substr(t.raw_text, p.char_start, p.char_end - p.char_start) as raw_paragraph
    from {{ joined_to_texts("select cable_id, section, char_start, char_end from caveat_paragraphs") }} as p
    join (select cable_id, raw_text from {{ ref('stg_raw__cable_texts') }}{{ only_changed_cables() }}) as t using (cable_id)
),

caveats as (
    select
        cable_id,
        section,
        regexp_extract(
            lower(raw_paragraph),
            '(may|might|could|possibly|likely)\s+(overlap|be\s+double[- ]counted|include\s+duplicates)'
        ) as caveat_phrase,
        char_start as paragraph_start,
        raw_paragraph
    from paragraphs
)

select
    cable_id,
    section,
    cable_id || ':' || coalesce(section, '') || ':' || (paragraph_start + strpos(lower(raw_paragraph), caveat_phrase) - 1)::varchar
        as caveat_id,
    paragraph_start + strpos(lower(raw_paragraph), caveat_phrase) - 1 as caveat_char_start
from caveats
