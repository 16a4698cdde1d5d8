{#- marts.search_paragraphs(query): paragraphs ranked by BM25 over the fts index of marts.dim_paragraph,
    best first. Needs `load fts` in the session (dbt's plugin, orchestration.search.fts.load_fts, make sql). -#}
{% macro create_search_paragraphs_macro() -%}
create or replace macro marts.search_paragraphs(query_text) as table
    select
        ranked.cable_id,
        ranked.section,
        ranked.paragraph_label,
        ranked.score,
        ranked.paragraph_text,
        ranked.paragraph_id
    from (
        select *, fts_marts_dim_paragraph.match_bm25(paragraph_id, query_text) as score
        from marts.dim_paragraph
    ) as ranked
    where ranked.score is not null
    order by ranked.score desc, ranked.paragraph_id
{%- endmacro %}
