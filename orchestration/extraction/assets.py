"""Extraction assets: thin wrappers running the extraction library on changed cables."""

import dagster as dg

from orchestration.ingest.assets import ReloadConfig
from orchestration.metadata import table_metadata
from orchestration.resources import WarehouseResource
from orchestration.warehouse.extracted_store import extract_changed

EXTRACTED_TABLES = {
    "organization_mentions": (
        "Organizations named in each cable, resolved to canonical names.",
        "cable_id, name, acronym, org_type",
    ),
    "law_mentions": (
        "Laws and legal instruments named in each cable, resolved to canonical names.",
        "cable_id, name, enacted_date",
    ),
    "metrics": (
        "Numeric statistics with measure, source, period, breakdown and provenance.",
        "cable_id, section, value, measure, source_org, period_start, period_end",
    ),
    "events": ("Dated events with type, actors and law.", "cable_id, event_date, date_precision, event_type"),
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["extracted", name],
            description=description,
            group_name="extraction",
            kinds={"duckdb", "python"},
            deps=[dg.AssetKey(["raw", "cable_texts"])],
        )
        for name, (description, _) in EXTRACTED_TABLES.items()
    ],
    can_subset=False,
)
def extracted_facts(context: dg.AssetExecutionContext, config: ReloadConfig, warehouse: WarehouseResource):
    """Extract facts from cables whose text or the extraction code changed since last time."""
    with warehouse.connect() as con:
        report = extract_changed(con, log=context.log.warning, force=config.force)
        context.log.info(
            f"extracted {len(report.extracted)}, removed {len(report.removed)}, unchanged {report.unchanged}, "
            f"failed {len(report.failed)}"
        )
        for name, (_, preview_columns) in EXTRACTED_TABLES.items():
            metadata = table_metadata(con, f"extracted.{name}", preview_columns)
            metadata["cables_extracted_this_run"] = dg.MetadataValue.json(report.extracted)
            metadata["extraction_failures"] = dg.MetadataValue.json([cable for cable, _ in report.failed])
            yield dg.MaterializeResult(asset_key=["extracted", name], metadata=metadata)
