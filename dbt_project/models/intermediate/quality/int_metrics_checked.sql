-- The validity rule each extracted metric breaks, if any. The rules live here and only here (int_metrics_validated
-- joins them to every metric): a metric that breaks one stays out of the marts, is listed in quality.rejected_facts
-- and becomes a finding; the GX check fails the build only when too many do (expectations/thresholds.py).
-- A rule reads the metric, its cable and the cable's text alone, never another cable.
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}
with

metrics as (
    select * from {{ ref('int_metrics_attributed') }}
    {{- only_changed_cables() }}
),

cables as (
    select cable_id, sent_at::date as cable_date from {{ ref('stg_raw__cables') }}
),

texts as (
    -- the changed cables' texts only, on an incremental run (a join with every text read them all)
    select cable_id, raw_text from {{ ref('stg_raw__cable_texts') }}
    {{- only_changed_cables() }}
),

-- each metric's span of raw text, cut with the texts streaming past the spans (macros/joined_to_texts.sql)
provenance as (
    select spans.metric_id, substr(texts.raw_text, spans.char_start, spans.char_end - spans.char_start) as provenance_text
    from {{ joined_to_texts("select metric_id, cable_id, char_start, char_end from metrics") }} as spans
    join texts using (cable_id)
),

measures as (
    select measure from {{ ref('stg_reference__measures') }}
),

checked as (
    select
        metrics.metric_id,
        metrics.cable_id,
        metrics.metric_index,
        metrics.value,
        metrics.value_text,
        metrics.measure,
        metrics.period_start,
        metrics.period_end,
        metrics.char_start,
        metrics.char_end,
        cables.cable_date,
        provenance.provenance_text,
        -- plans, budgets, targets and projections look ahead: their periods may follow the cable
        regexp_matches(metrics.quote, '{{ var("forward_looking_pattern") }}', 'i') as looks_ahead,
        metrics.measure in (select measure from measures) as measure_known,
        metrics.measure in (
            'arrests', 'investigations', 'cases', 'prosecutions', 'convictions', 'acquittals', 'perpetrators',
            'victims_identified', 'victims_rescued', 'victims_referred', 'victims_assisted', 'victims_repatriated',
            'migrants_returned', 'persons_trained'
        ) as counts_what_happened
    from metrics
    left join cables using (cable_id)
    left join provenance using (metric_id)
)

select
    metric_id,
    cable_id,
    metric_index,
    cable_date,
    provenance_text,
    looks_ahead,
    measure_known,
    counts_what_happened,
    case
        when cable_date is null then 'orphan_key'
        when provenance_text is null
            or regexp_replace(trim(provenance_text), '\s+', ' ', 'g')
            <> regexp_replace(trim(value_text), '\s+', ' ', 'g') then 'provenance_mismatch'
        when value < 0 then 'negative_value'
        when not measure_known then 'unknown_measure'
        when period_start > period_end then 'period_start_after_end'
        -- a count of what happened cannot start after the cable; budgets, polls, estimates and plans can
        when period_start > cable_date and counts_what_happened and not looks_ahead then 'period_after_cable_date'
    end as rejection_rule,
    case rejection_rule
        when 'orphan_key' then 'the cable ' || cable_id || ' is not in the warehouse'
        when 'provenance_mismatch' then 'the span ' || char_start || '-' || char_end || ' shows "'
            || coalesce(left(provenance_text, 40), '') || '", not the figure "' || value_text || '"'
        when 'negative_value' then 'a count or amount cannot be negative: ' || value
        when 'unknown_measure' then 'the measure "' || measure || '" is not in the vocabulary'
        when 'period_start_after_end' then 'the period starts ' || period_start || ', after it ends ' || period_end
        when 'period_after_cable_date' then 'a count of ' || measure || ' for a period starting ' || period_start
            || ', after the cable was sent (' || cable_date || '), in a sentence that does not look ahead'
    end as rejection_message
from checked
