-- Timeline of events (laws enacted, bodies established, raids, trainings ...) with their
-- organizations and law, oldest first; date_precision says how exact the date is.
select
    e.event_date,
    e.date_precision,
    e.event_type,
    l.name as law,
    list(distinct o.name order by o.name) filter (where o.name is not null) as organizations,
    e.cable_id,
    e.quote
from marts.fct_event as e
left join marts.dim_law as l using (law_key)
left join marts.bridge_event_organization as eo using (event_id)
left join marts.dim_organization as o using (org_key)
group by all
order by e.event_date, e.event_type;
