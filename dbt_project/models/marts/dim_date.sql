-- Every day from the earliest to the latest date any fact or cable refers to.
with

bounds as (
    select min(day) as first_day, max(day) as last_day
    from (
        select period_start as day from {{ ref('fct_metric') }}
        union all select period_end from {{ ref('fct_metric') }}
        union all select event_date from {{ ref('fct_event') }}
        union all select sent_at::date from {{ ref('dim_cable') }}
    )
    where day is not null
),

days as (
    select unnest(generate_series(first_day, last_day, interval 1 day))::date as date_day
    from bounds
    where first_day is not null
)

select
    date_day,
    year(date_day) as year,
    quarter(date_day) as quarter,
    month(date_day) as month,
    monthname(date_day) as month_name,
    day(date_day) as day_of_month,
    isodow(date_day) as iso_day_of_week,
    date_trunc('month', date_day)::date as month_start,
    date_trunc('year', date_day)::date as year_start
from days
