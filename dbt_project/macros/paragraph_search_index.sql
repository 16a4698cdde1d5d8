{#- The BM25 index of marts.dim_paragraph (schema fts_marts_dim_paragraph), built the way fts's
    pragma create_fts_index builds it (same tokenizer macro, stopwords and porter stemmer; a document's length is its
    number of terms; a term's df its number of documents), so every score is the one the pragma's index gives.
    A full build has the pragma create the index's schema, stopwords, fields, tokenize and match_bm25 over an empty
    table, then fills docs, terms, dict and stats itself: the pragma's own filling stems every word of every
    paragraph and stores them all as strings before numbering them (at 10,000 cables 7.5 million words, 20
    thousand distinct; 13.4 CPU s and 690-740 MB peak RSS where this takes 11.6 s and 525 MB).
    An incremental build updates the index in place: the documents of changed cables' paragraphs and of paragraphs
    gone are dropped, the changed paragraphs indexed anew, and the statistics BM25 reads updated (df from the
    changed documents' terms; num_docs, avgdl recounted), so every score is the one a full rebuild gives.
    Document and term ids differ from the pragma's; match_bm25 only joins on them. -#}
{% macro paragraph_search_index() -%}
{%- set index = 'fts_marts_dim_paragraph' -%}
{%- set existing = adapter.get_relation(database=this.database, schema=index, identifier='docs') -%}
{%- if not is_incremental() or existing is none -%}
{#- The pragma names an index's schema fts_<schema>_<table>, and nothing it creates names the indexed table but
    docs and terms, which it fills from it: run over an empty table named so that its index's schema is this
    table's (marts_dim.paragraph for marts.dim_paragraph), it creates this table's index, empty. -#}
{%- set head, tail = this.identifier.split('_', 1) -%}
{%- set scratch_schema = this.schema ~ '_' ~ head -%}
{%- set scratch = scratch_schema ~ '.' ~ tail -%}
{#- run before the hook: DuckDB expands a pragma when it parses the hook's statements, before any runs, and the
    pragma wants its table there. (If not exists / or replace: a build that failed in between left them.) -#}
{%- if execute -%}
    {%- do run_query('create schema if not exists ' ~ scratch_schema ~ '; create or replace table ' ~ scratch
        ~ ' as select paragraph_id, paragraph_text, heading from ' ~ this ~ ' where false') -%}
{%- endif %}
pragma create_fts_index('{{ scratch }}', 'paragraph_id', 'paragraph_text', 'heading', overwrite=1);
-- not cascade: the schema holds nothing else, or the drop fails rather than take it
drop table {{ scratch }};
drop schema {{ scratch_schema }};
{#- The words of every paragraph are the pragma's: tokenize each field, drop empty words and stopwords, stem what
    is left. Stemming and numbering are done once per distinct word rather than once per word, and the paragraphs'
    words are never stored as strings, only their term ids: the paragraphs are tokenized twice instead (once for
    the distinct words, once for the terms), which costs less CPU and memory than stemming and storing every word. -#}
create or replace temp view fts_words as
    select unnest({{ index }}.tokenize(paragraph_text)) as w, rowid as docid,
        (select fieldid from {{ index }}.fields where field = 'paragraph_text') as fieldid
    from {{ this }}
    union all
    select unnest({{ index }}.tokenize(heading)) as w, rowid as docid,
        (select fieldid from {{ index }}.fields where field = 'heading') as fieldid
    from {{ this }};
-- each distinct word indexed, with its term and the term's id (words of one stem share it)
create or replace temp table fts_word_terms as
    with words as (
        select distinct w from fts_words
        where w is not null and len(w) > 0 and w not in (select sw from {{ index }}.stopwords)
    ),
    stemmed as (select w, stem(w, 'porter') as term from words)
    select w, term, dense_rank() over (order by term) - 1 as termid from stemmed;
-- one row per word of a paragraph (a stopword has no term and drops out of the join); a paragraph's document id is
-- its rowid, as in the pragma
insert into {{ index }}.terms (docid, fieldid, termid)
    select words.docid, words.fieldid, word_terms.termid
    from fts_words as words join fts_word_terms as word_terms using (w);
-- each term once, with the number of documents holding it
insert into {{ index }}.dict (termid, term, df)
    select ids.termid, ids.term, counts.df
    from (select distinct termid, term from fts_word_terms) as ids
    join (select termid, count(distinct docid) as df from {{ index }}.terms group by termid) as counts using (termid);
-- every paragraph is a document, of length its number of terms (0 for one with none)
insert into {{ index }}.docs (docid, name, len)
    select p.rowid, p.paragraph_id, coalesce(lengths.len, 0)
    from {{ this }} as p
    left join (select docid, count(*) as len from {{ index }}.terms group by docid) as lengths on lengths.docid = p.rowid;
drop view fts_words;
drop table fts_word_terms;
-- the pragma's statistics of an empty table (0 documents) give way to those of the documents
delete from {{ index }}.stats;
insert into {{ index }}.stats (num_docs, avgdl)
    select count(docs.docid), sum(docs.len) / count(docs.len) from {{ index }}.docs as docs
{%- else -%}
create or replace temp table fts_changed as
    select paragraph_id, paragraph_text, heading from {{ this }} where cable_id in {{ changed_cables() }};
create or replace temp table fts_gone as
    select docid from {{ index }}.docs
    where name not in (select paragraph_id from {{ this }}) or name in (select paragraph_id from fts_changed);
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
    select count(docs.docid) as num_docs, sum(docs.len) / count(docs.len) as avgdl from {{ index }}.docs as docs
{%- endif -%}
{%- endmacro %}
