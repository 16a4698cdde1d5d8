-- The same one-off event (a law enacted, a body established, an agreement signed: same type
-- and the same law, or the same subject the extractor names) given dates that disagree at their
-- common precision. Two different bodies' founding years are never paired: an event is compared
-- only with events about the same thing. Amendments and revisions are later events of their own
-- ("the Penal Code of 1949, revised in 1985"), so sentences telling of one are not compared.
with

events as (
    select e.*
    from {{ ref('int_events_accepted') }} as e
    where e.event_type in ('law_enacted', 'body_established', 'agreement_signed')
      and not regexp_matches(lower(e.quote), 'amend|revis|replac|re-?establish|reorgani')
),

subjects as (
    select * replace (coalesce('law:' || law_key, 'subject:' || subject_key) as subject_key)
    from events
    where law_key is not null or subject_key is not null
),

pairs as (
    select a.event_id as a, b.event_id as b, a.event_type, a.subject_key
    from subjects as a
    join subjects as b
        on a.event_id < b.event_id
        and a.event_type = b.event_type
        and a.subject_key = b.subject_key
        -- bodies are re-founded and renamed over the years ("a National Task Force" of 2004 and the
        -- NTF of 2007), so their dates are compared within one cable; laws across cables too
        and (a.law_key is not null or a.cable_id = b.cable_id)
    where case
        when 'year' in (a.date_precision, b.date_precision) then year(a.event_date) <> year(b.event_date)
        when 'month' in (a.date_precision, b.date_precision) then date_trunc('month', a.event_date) <> date_trunc('month', b.event_date)
        else a.event_date <> b.event_date
    end
)

select a as event_id, 'evd-' || substr(md5(event_type || subject_key), 1, 10) as date_conflict_group from pairs
union
select b, 'evd-' || substr(md5(event_type || subject_key), 1, 10) from pairs
