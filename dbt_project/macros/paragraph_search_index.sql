{#- The BM25 index of marts.dim_paragraph (schema fts_marts_dim_paragraph), built when dbt's run ends
    (on-run-end in dbt_project.yml), alone: built beside the other models of a whole 25,000-cable build, fts's index
    build ran out of DuckDB's 512MB with them in two benches of eight (docs/scaling.md). A whole build of the table
    drops the index (dim_paragraph's post-hook, drop_paragraph_search_index); the run's end then creates it with fts's
    own pragma. An incremental build updates it in place the way the pragma builds it (same tokenizer macro,
    stopwords and porter stemmer; a document's length is its number of terms; a term's df its number of documents):
    the documents of changed cables' paragraphs and of paragraphs gone are dropped, the changed paragraphs indexed
    anew, and the statistics BM25 reads updated (df from the changed documents' terms; num_docs, avgdl recounted), so
    every score is the one a full rebuild gives. Document and term ids differ from a rebuild's; match_bm25 only
    joins on them. Nothing happens unless this run built dim_paragraph. One transaction: an update that fails half
    way (out of memory, say) leaves the index as it was, not with statistics a rerun could no longer repair. -#}
{% macro paragraph_search_index(results) -%}
{%- set built = [] -%}
{%- for result in (results if execute else []) -%}
    {%- if result.node.resource_type == 'model' and result.node.name == 'dim_paragraph'
        and result.status == 'success' -%}
        {%- do built.append(api.Relation.create(
            database=result.node.database, schema=result.node.schema, identifier=result.node.alias)) -%}
    {%- endif -%}
{%- endfor -%}
{%- if not built -%}
select 1
{%- else -%}
{%- set paragraphs = built[0] -%}
{%- set index = search_index_schema(paragraphs) -%}
{#- a query, not adapter.get_relation: that leaves a transaction open, and the hook opens its own -#}
{%- set existing = run_query(
    "select count(*) from information_schema.tables where table_catalog = '" ~ paragraphs.database
    ~ "' and table_schema = '" ~ index ~ "' and table_name = 'docs'"
).columns[0].values()[0] -%}
begin transaction;
{% if existing == 0 -%}
pragma create_fts_index('{{ paragraphs.schema }}.{{ paragraphs.identifier }}', 'paragraph_id', 'paragraph_text', 'heading', overwrite=1);
{%- else -%}
create or replace temp table fts_changed as
    select paragraph_id, paragraph_text, heading from {{ paragraphs }} where cable_id in {{ changed_cables() }};
create or replace temp table fts_gone as
    select docid from {{ index }}.docs
    where name not in (select paragraph_id from {{ paragraphs }}) or name in (select paragraph_id from fts_changed);
-- how many of the dropped documents hold each term, counted before their terms go
create or replace temp table fts_lost as
    select termid, count(distinct docid) as documents from {{ index }}.terms
    where docid in (select docid from fts_gone) group by termid;
delete from {{ index }}.terms where docid in (select docid from fts_gone);
delete from {{ index }}.docs where docid in (select docid from fts_gone);
create or replace temp table fts_new_docs as
    select (select coalesce(max(docid), -1) from {{ index }}.docs) + row_number() over (order by paragraph_id) as docid,
        paragraph_id as name, paragraph_text, heading
    from fts_changed;
create or replace temp table fts_new_terms as
    with tokenized as (
        select unnest({{ index }}.tokenize(paragraph_text)) as w, docid,
            (select fieldid from {{ index }}.fields where field = 'paragraph_text') as fieldid
        from fts_new_docs
        union all
        select unnest({{ index }}.tokenize(heading)) as w, docid,
            (select fieldid from {{ index }}.fields where field = 'heading') as fieldid
        from fts_new_docs
    )
    select stem(w, 'porter') as term, docid, fieldid
    from tokenized
    where w is not null and len(w) > 0 and w not in (select sw from {{ index }}.stopwords);
insert into {{ index }}.dict (termid, term, df)
    select (select coalesce(max(termid), -1) from {{ index }}.dict) + row_number() over (order by term), term, 0
    from (select distinct term from fts_new_terms where term not in (select term from {{ index }}.dict));
insert into {{ index }}.terms (docid, fieldid, termid)
    select t.docid, t.fieldid, d.termid from fts_new_terms as t join {{ index }}.dict as d using (term);
insert into {{ index }}.docs (docid, name, len)
    select d.docid, d.name, count(t.term) from fts_new_docs as d left join fts_new_terms as t using (docid)
    group by d.docid, d.name;
-- a term's df less the dropped documents that held it, plus the new ones that do: the count a recount over every
-- document gives (19 million term rows at 25,000 cables: 4 s), from the changed documents alone
update {{ index }}.dict as d set df = d.df - coalesce(changes.lost, 0) + coalesce(changes.gained, 0)
    from (
        select coalesce(lost.termid, gained.termid) as termid, lost.documents as lost, gained.documents as gained
        from fts_lost as lost
        full join (
            select d.termid, count(distinct t.docid) as documents
            from fts_new_terms as t join {{ index }}.dict as d using (term)
            group by d.termid
        ) as gained using (termid)
    ) as changes
    where d.termid = changes.termid;
delete from {{ index }}.dict where df = 0;
create or replace table {{ index }}.stats as
    select count(docs.docid) as num_docs, sum(docs.len) / count(docs.len) as avgdl from {{ index }}.docs as docs;
{%- endif %}
{{ create_search_paragraphs_macro() }};
commit
{%- endif -%}
{%- endmacro %}

{#- dim_paragraph's post-hook: a whole build of the table leaves no index of the old one behind (the run's end
    creates it anew). -#}
{% macro drop_paragraph_search_index() -%}
{%- if is_incremental() -%}
select 1
{%- else -%}
drop schema if exists {{ search_index_schema(this) }} cascade
{%- endif -%}
{%- endmacro %}

{#- The schema in which fts's pragma keeps the index of `relation`. -#}
{% macro search_index_schema(relation) -%}
fts_{{ relation.schema }}_{{ relation.identifier }}
{%- endmacro %}
