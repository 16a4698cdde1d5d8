{#- Raw cable text without its page lines (`PHNOM PENH 00000114  002 OF 026`), the same lines the parser
    leaves out of paragraph text (orchestration/cables/cleantext.py, PAGE_BREAK). -#}
{% macro strip_page_breaks(text) -%}
    regexp_replace({{ text }}, '(?m)^\s*[A-Z][A-Z .''()-]*?\s+\d{8}\s+\d{3}(\.\d+)?\s+OF\s+\d{3}\s*$', '', 'g')
{%- endmacro %}
