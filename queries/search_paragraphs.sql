-- Full-text search (BM25) over every paragraph, best first, with the cable's subject and date.
-- Needs DuckDB's fts extension loaded: `make sql` does it; in Python,
-- orchestration.search.fts.load_fts(con).
select s.score, s.cable_id, d.sent_at::date as sent_on, d.subject, s.section, s.paragraph_label, s.paragraph_text
from marts.search_paragraphs('statistics may overlap') as s
join marts.dim_cable as d using (cable_id)
order by s.score desc
limit 10;
