-- "How many traffickers did Cambodia convict in 2008?": one reconciled figure per question, with the
-- range of what the cables say, who said it, and why this figure was chosen (basis).
select
    c.name as country,
    r.measure,
    r.breakdown,
    r.period_start,
    r.period_end,
    r.best_value,
    r.best_institution,
    r.min_value,
    r.max_value,
    r.n_figures,
    r.n_institutions,
    r.basis
from marts.fct_figure_reconciled as r
join marts.dim_country as c using (country_code)
where c.name = 'Cambodia' and r.measure = 'convictions' and r.year = 2008 and r.breakdown is null
order by r.n_figures desc;
