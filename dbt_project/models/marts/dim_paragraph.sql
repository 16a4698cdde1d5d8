-- One row per numbered paragraph, with its text; the post-hooks (re)build the BM25 full-text
-- index on it (schema fts_marts_dim_paragraph) each time the table is rebuilt, so the index
-- always matches the paragraphs, and define marts.search_paragraphs(query) over it.
{{ config(post_hook=[
    "pragma create_fts_index('marts.dim_paragraph', 'paragraph_id', 'paragraph_text', 'heading', overwrite=1)",
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
order by cable_id, paragraph_ordinal
