"""Ingest assets: the cable folder becomes the verbatim and parsed `raw` tables."""

import dagster as dg

from orchestration.metadata import table_metadata
from orchestration.resources import CableSourceResource, WarehouseResource
from orchestration.warehouse.raw_store import ingest_folder

RAW_TABLES = {
    "cable_texts": ("Verbatim cable files, byte for byte, with their SHA-256.", "cable_id, source_file, byte_length"),
    "cables": ("One parsed row per cable: header, routing block and body fields.", "cable_id, subject, sent_at"),
    "paragraphs": ("Numbered paragraphs with clean text and offsets into the raw text.", "cable_id, section, text"),
    "references": ("Cables cited in REF blocks, as canonical cable ids.", "*"),
    "recipients": ("TO and INFO addressees of the routing block.", "*"),
    "glossary": ("Abbreviations glossaries: acronym and expansion.", "*"),
    "quarantine": ("Files that could not be loaded, with the reason.", "source_file, kind, reason"),
}


class ReloadConfig(dg.Config):
    """How much to redo: by default only what changed since the last run."""

    force: bool = False  # re-parse and re-extract every cable (the scheduled full reload)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", name], description=description, group_name="ingest", kinds={"duckdb", "python"})
        for name, (description, _) in RAW_TABLES.items()
    ],
    can_subset=False,
)
def raw_cables(
    context: dg.AssetExecutionContext,
    config: ReloadConfig,
    warehouse: WarehouseResource,
    cable_source: CableSourceResource,
):
    """Load new and changed cable files, remove vanished ones, quarantine the unreadable."""
    with warehouse.connect() as con:
        report = ingest_folder(con, cable_source.folder, force=config.force)
        for source_file, reason in report.quarantined:
            context.log.warning(f"quarantined {source_file}: {reason}")
        context.log.info(
            f"loaded {len(report.loaded)}, replaced {len(report.replaced)}, removed {len(report.removed)}, "
            f"unchanged {report.unchanged}, quarantined {len(report.quarantined)}"
        )
        for name, (_, preview_columns) in RAW_TABLES.items():
            metadata = table_metadata(con, f'raw."{name}"', preview_columns)
            if name == "cables":
                metadata["changed_cable_ids"] = dg.MetadataValue.json(report.changed_cable_ids)
                metadata["cables_dir"] = dg.MetadataValue.path(str(cable_source.folder))
            yield dg.MaterializeResult(asset_key=["raw", name], metadata=metadata)
