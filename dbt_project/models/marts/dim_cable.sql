with

cables as (
    select * from {{ ref('stg_raw__cables') }}
),

paragraph_counts as (
    select cable_id, count(*) as paragraph_count
    from {{ ref('stg_raw__paragraphs') }}
    group by cable_id
),

reference_counts as (
    select cable_id, count(*) as reference_count
    from {{ ref('stg_raw__references') }}
    group by cable_id
)

select
    cables.cable_id,
    cables.subject,
    cables.sent_at,
    cables.classification,
    cables.origin,
    cables.tags,
    cables.signer,
    cables.section_count,
    cables.reporting_period_start,
    cables.reporting_period_end,
    cables.source_file,
    cables.content_sha256,
    cables.precedence,
    cables.body_subject,
    coalesce(paragraph_counts.paragraph_count, 0) as paragraph_count,
    coalesce(reference_counts.reference_count, 0) as reference_count
from cables
left join paragraph_counts using (cable_id)
left join reference_counts using (cable_id)
