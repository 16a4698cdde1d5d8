-- What the quality checks found: overlapping, conflicting and restated figures, parts that do
-- not add up, and validity errors, each with the figures involved and their quotes.
select check_name, severity, cable_id, subject_ids, message
from quality.findings
order by case severity when 'error' then 0 when 'warning' then 1 else 2 end, check_name, cable_id;
