{#- Text folded for word matching, as orchestration.cables.countries.match_key folds it: lower case,
    no accents, words of letters and digits separated by one space. Pad with spaces to match whole words. -#}
{% macro match_key(expression) -%}
trim(regexp_replace(lower(strip_accents({{ expression }})), '[^a-z0-9]+', ' ', 'g'))
{%- endmacro %}
