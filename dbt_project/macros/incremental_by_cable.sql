{#- Models incremental by cable rebuild only the rows of the cables the load step changed since dbt last built the
    models (raw.cables_changed: cables loaded, replaced, removed or extracted again). The dbt asset empties that
    table after a successful build, and builds everything anew (--full-refresh) when the dbt project changed or
    most cables did. -#}
{% macro changed_cables() -%}
(select cable_id from raw.cables_changed)
{%- endmacro %}

{#- Pre-hook of a model incremental by cable: the rows of changed cables go; the model selects them anew. -#}
{% macro delete_changed_cables() -%}
{%- if is_incremental() -%}
delete from {{ this }} where cable_id in {{ changed_cables() }}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}

{#- A model's filter to the changed cables' rows on an incremental run (nothing on a full one). -#}
{% macro only_changed_cables(column='cable_id') -%}
{%- if is_incremental() %}
where {{ column }} in {{ changed_cables() }}
{%- endif -%}
{%- endmacro %}

{#- The configuration of a model incremental by cable: its rows are appended, and a build first deletes the
    changed cables' rows (delete_changed_cables); `post_hook` adds statements after the build. -#}
{% macro incremental_by_cable_config(post_hook=[]) -%}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook=["{{ delete_changed_cables() }}"],
    post_hook=post_hook,
) }}
{%- endmacro %}
