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
),

-- the reference graph: cables it cites, and loaded cables that cite it (self-references dropped)
out_degrees as (
    select cable_id, count(distinct referenced_cable_id) as out_degree
    from {{ ref('stg_raw__references') }}
    where referenced_cable_id <> cable_id
    group by cable_id
),

in_degrees as (
    select referenced_cable_id as cable_id, count(distinct cable_id) as in_degree
    from {{ ref('stg_raw__references') }}
    where referenced_cable_id <> cable_id
    group by referenced_cable_id
),

versions as (
    select cable_id, count(*) as source_versions, list(source_key order by source_key) as source_keys
    from {{ ref('stg_raw__cable_versions') }}
    group by cable_id
),

countries as (
    select cable_id, subject_country_code, subject_country_basis, post_country_code
    from {{ ref('int_cable_countries') }}
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
    coalesce(reference_counts.reference_count, 0) as reference_count,
    countries.subject_country_code,
    countries.subject_country_basis,
    countries.post_country_code,
    coalesce(out_degrees.out_degree, 0) as out_degree,
    coalesce(in_degrees.in_degree, 0) as in_degree,
    coalesce(versions.source_versions, 1) as source_versions
from cables
left join paragraph_counts using (cable_id)
left join reference_counts using (cable_id)
left join countries using (cable_id)
left join out_degrees using (cable_id)
left join in_degrees using (cable_id)
left join versions using (cable_id)
