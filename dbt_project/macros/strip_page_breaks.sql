{#- Raw cable text without its page lines (`PHNOM PENH 00000114  002 OF 026`, `Moscow 00003579 002 of 005`, or one
    the viewer's re-flow runs into a paragraph), the same text the parser leaves out of paragraph text
    (orchestration/cables/cleantext.py, PAGE_BREAK and _INLINE_PAGE_BREAK). -#}
{% macro strip_page_breaks(text) -%}
    regexp_replace(
        regexp_replace({{ text }}, '(?mi)^\s*[A-Z][A-Z .''()-]*?\s+\d{8}\s+\d{3}(\.\d+)?\s+OF\s+\d{3}\s*$', '', 'g'),
        '\b([A-Z][A-Z''-]*\s+){1,4}\d{8}\s+\d{3}(\.\d+)?\s+(OF|of)\s+\d{3}\b', ' ', 'g'
    )
{%- endmacro %}
