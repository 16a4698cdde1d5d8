-- Each real figure once: restatements of a figure already stated are left out.
select * exclude (restates_metric_id, is_restatement)
from {{ ref('fct_metric') }}
where not is_restatement
