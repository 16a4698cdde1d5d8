"""Rows of the raw and extracted tables for one parsed cable (plain Python, no DuckDB)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from orchestration.cables.extract.events import extract_events
from orchestration.cables.extract.laws import extract_laws
from orchestration.cables.extract.metrics import extract_metrics
from orchestration.cables.extract.organizations import extract_organizations
from orchestration.cables.model import Cable


@dataclass(frozen=True)
class Source:
    """Where one version of a cable came from."""

    source_key: str
    source_file: str
    source_row: int | None
    source_format: str
    encoding: str
    content_sha256: str
    byte_length: int


def cable_rows(cable: Cable, source: Source, now: dt.datetime) -> dict[str, list[tuple]]:
    """The published rows of one cable, by raw table name (cable_texts excluded)."""
    cid = cable.cable_id
    return {
        "cables": [
            (
                cid,
                cable.subject,
                cable.header_date.replace(tzinfo=None),
                cable.header_date.strftime("%z"),
                cable.sent_at,
                cable.classification,
                cable.origin,
                cable.transmission_id,
                cable.precedence,
                cable.date_time_group,
                cable.from_station,
                cable.section_count,
                list(cable.caveats),
                cable.eo_line,
                list(cable.tags),
                cable.body_subject,
                cable.signer,
                list(cable.signers),
                cable.reporting_period_start,
                cable.reporting_period_end,
                source.source_key,
                source.source_file,
                source.source_format,
                source.encoding,
                source.content_sha256,
                now,
            )
        ],
        "paragraphs": [
            (
                cid,
                p.ordinal,
                p.label,
                p.section,
                p.classification_mark,
                p.heading,
                p.text,
                p.char_start + 1,
                p.char_end + 1,
            )
            for p in cable.paragraphs
        ],
        "references": [(cid, i, ref) for i, ref in enumerate(cable.references, start=1)],
        "non_cable_references": [(cid, i, text) for i, text in enumerate(cable.other_references, start=1)],
        "recipients": [(cid, r.role, r.position, r.routing_indicator, r.name, r.precedence) for r in cable.recipients],
        "glossary": [(cid, g.acronym, g.expansion, g.origin) for g in cable.glossary],
    }


def fact_rows(cable: Cable) -> dict[str, list[tuple]]:
    """The extracted facts of one cable, by extracted table name (spans stored 1-based)."""
    cid = cable.cable_id
    organizations = extract_organizations(cable)
    laws = extract_laws(cable)
    metrics = extract_metrics(cable, organizations)
    events = extract_events(cable)
    return {
        "organization_mentions": [
            (cid, i, m.name, m.acronym, m.org_type, m.country, m.surface, m.section, m.char_start + 1, m.char_end + 1)
            for i, m in enumerate(organizations)
        ],
        "law_mentions": [
            (
                cid,
                i,
                m.name,
                m.surface,
                m.enacted_date,
                m.country,
                list(m.articles),
                m.section,
                m.char_start + 1,
                m.char_end + 1,
            )
            for i, m in enumerate(laws)
        ],
        "metrics": [
            (
                cid,
                i,
                m.section,
                m.paragraph_ordinal,
                float(m.value),
                m.value_text,
                m.measure,
                m.unit,
                m.source_org,
                m.period_start,
                m.period_end,
                list(m.breakdown),
                bool(m.is_cumulative),
                m.parent_index,
                bool(m.tip_context),
                m.quote,
                m.char_start + 1,
                m.char_end + 1,
            )
            for i, m in enumerate(metrics)
        ],
        "events": [
            (
                cid,
                i,
                e.section,
                e.paragraph_ordinal,
                e.event_date,
                e.date_precision,
                e.event_type,
                list(e.actors),
                e.law,
                e.subject,
                e.subject_key,
                bool(e.tip_context),
                e.quote,
                e.char_start + 1,
                e.char_end + 1,
            )
            for i, e in enumerate(events)
        ],
    }
