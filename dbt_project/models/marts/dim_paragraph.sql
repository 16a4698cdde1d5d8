-- One row per numbered paragraph, with its text. The BM25 full-text index on it (schema fts_marts_dim_paragraph) and
-- marts.search_paragraphs(query) over it are kept in step with the table when dbt's run ends
-- (macros/paragraph_search_index.sql); a whole build of the table drops the old index first.
-- Incremental by cable: a build rewrites only the paragraphs of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config(post_hook=["{{ drop_paragraph_search_index() }}"]) }}

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
