-- Laws and legal instruments, when they were enacted, and which cables cite them.
select
    l.name,
    l.country,
    l.enacted_date,
    l.aliases,
    l.articles,
    l.cable_count,
    list(distinct b.cable_id order by b.cable_id) as cables
from marts.dim_law as l
join marts.bridge_cable_law as b using (law_key)
group by all
order by l.enacted_date nulls last, l.name;
