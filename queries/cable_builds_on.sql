-- What does a cable build on, transitively? Its REF block, the REF blocks of the cited cables that
-- are loaded, and so on (depth = how many citations away; a cable reached twice keeps its shortest path).
with recursive builds_on(cable_id, depth, path) as (
    select referenced_cable_id, 1, ['09PHNOMPENH114', referenced_cable_id]
    from marts.bridge_cable_reference
    where cable_id = '09PHNOMPENH114'
    union all
    select r.referenced_cable_id, b.depth + 1, list_append(b.path, r.referenced_cable_id)
    from builds_on as b
    join marts.bridge_cable_reference as r on r.cable_id = b.cable_id
    where not list_contains(b.path, r.referenced_cable_id)  -- no cycles
)
select
    b.cable_id,
    min(b.depth) as depth,
    arg_min(b.path, b.depth) as path,
    c.sent_at,
    c.subject
from builds_on as b
left join marts.dim_cable as c using (cable_id)
group by b.cable_id, c.sent_at, c.subject
order by depth, b.cable_id;
