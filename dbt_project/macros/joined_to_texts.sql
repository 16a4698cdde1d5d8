{#- `query`'s rows (spans of raw text to cut: a cable_id and offsets), as a subquery to join with the raw texts
    (stg_raw__cable_texts) so that the texts stream past the spans and are never held whole.

    DuckDB builds a hash join's table on the side it estimates the smaller, and it counts a text as a few bytes
    whatever its length: joined to spans directly, the texts were the side held, every cable's raw text at once
    (260 MB at 25,000 cables). Each of the four models that cut spans then needed about 300 MB of DuckDB's 512MB,
    two of them side by side ran out of it, and at the release's 251,287 cables one alone would. The spans' rows,
    gathered into one list value and unnested again, are estimated as one row, so the join is built on them
    (154,671 metric spans at 25,000 cables: about 10 MB) and the texts are read past it: the same rows in 1.7 s at a
    limit of 128MB, against 1.9 s needing 320MB. tests/test_text_joins.py runs such a join within 16MB. -#}
{% macro joined_to_texts(query) -%}
(select spans.* from (select unnest(rows) as spans from (select list(q) as rows from ({{ query }}) as q)))
{%- endmacro %}
