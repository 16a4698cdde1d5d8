-- Organizations by the number of cables that mention them.
select name, acronym, org_type, country, cable_count, mention_count
from marts.dim_organization
order by cable_count desc, mention_count desc, name
limit 50;
