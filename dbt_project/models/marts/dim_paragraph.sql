-- One row per numbered paragraph, with its text; the post-hooks keep the BM25 full-text index on it (schema
-- fts_marts_dim_paragraph) in step with the table, and define marts.search_paragraphs(query) over it.
-- Incremental by cable: a build rewrites only the paragraphs of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config(post_hook=[
    "{{ paragraph_search_index() }}",
    "{{ create_search_paragraphs_macro() }}",
]) }}

select
    cable_id || '-p' || lpad(paragraph_ordinal::varchar, 3, '0') as paragraph_id,
    cable_id,
    paragraph_ordinal,
    section,
    paragraph_label,
    heading,
    paragraph_text,
    char_start,
    char_end
from {{ ref('stg_raw__paragraphs') }}
{{ only_changed_cables() }}
order by cable_id, paragraph_ordinal
