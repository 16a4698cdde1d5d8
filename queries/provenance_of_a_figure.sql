-- Where a figure comes from: the exact span of the raw cable text it was read from.
select
    m.metric_id,
    m.value,
    m.measure,
    substr(t.raw_text, m.char_start, m.char_end - m.char_start) as as_written,
    substr(t.raw_text, greatest(m.char_start - 120, 1), 300) as context
from marts.fct_metric as m
join raw.cable_texts as t using (cable_id)
where m.cable_id = '09PHNOMPENH114' and m.measure = 'convictions'
order by m.char_start;
