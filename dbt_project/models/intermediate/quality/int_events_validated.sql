-- Every extracted event with the validity rule it breaks, if any (the one place these rules live;
-- see int_metrics_validated). An event's span must lie inside its quote.
-- Incremental by cable: a build rebuilds only the rows of the cables it changed (macros/incremental_by_cable.sql).
{{ incremental_by_cable_config() }}
with

events as (
    select * from {{ ref('int_events_resolved') }}
    {{- only_changed_cables() }}
),

cables as (
    select cable_id from {{ ref('stg_raw__cables') }}
),

texts as (
    -- the changed cables' texts only, on an incremental run (a join with every text read them all)
    select cable_id, raw_text from {{ ref('stg_raw__cable_texts') }}
    {{- only_changed_cables() }}
),

-- each event's span of raw text, cut with the texts streaming past the spans (macros/joined_to_texts.sql)
event_spans as (
    select spans.event_id, substr(texts.raw_text, spans.char_start, spans.char_end - spans.char_start) as span_text
    from {{ joined_to_texts("select event_id, cable_id, char_start, char_end from events") }} as spans
    join texts using (cable_id)
),

checked as (
    select
        events.*,
        cables.cable_id is not null as cable_exists,
        -- words only: the quote is clean text, the span raw text across line breaks and page lines
        regexp_replace(
            lower({{ strip_page_breaks("event_spans.span_text") }}),
            '[^a-z0-9]+', '', 'g'
        ) as span_words,
        regexp_replace(lower(events.quote), '[^a-z0-9]+', '', 'g') as quote_words
    from events
    left join cables using (cable_id)
    left join event_spans using (event_id)
)

select
    checked.* exclude (span_words, quote_words),
    case
        when not cable_exists then 'orphan_key'
        when span_words is null or span_words = '' or not contains(quote_words, span_words) then 'provenance_mismatch'
        when event_type not in ({{ "'" ~ var("event_types") | join("', '") ~ "'" }}) then 'unknown_event_type'
        when date_precision not in ('day', 'month', 'year') then 'unknown_precision'
    end as rejection_rule,
    case rejection_rule
        when 'orphan_key' then 'the cable ' || cable_id || ' is not in the warehouse'
        when 'provenance_mismatch' then 'the span ' || char_start || '-' || char_end
            || ' does not lie inside the quoted sentence'
        when 'unknown_event_type' then 'the event type "' || event_type || '" is not in the vocabulary'
        when 'unknown_precision' then 'the date precision "' || date_precision || '" is not day, month or year'
    end as rejection_message
from checked
