"""Ingest and extraction assets: plan the build, process batches of cables in parallel, load once.

A graph of steps backs the `raw` and `extracted` tables:
- `plan_cables` compares the input folder with the warehouse and cuts the work into batches, offered
  to a fixed number of shards (BUILD_SHARDS), largest first;
- `process_shard_<k>` claims batches one at a time until none is left, in parallel with the other
  shards under the multiprocess or Dask executor (so no worker idles while another has a queue):
  parse and extract, write Parquet, never touch the warehouse;
- `load_cables`, the one writer, loads every batch in one transaction.
The shards are static steps, not dynamic ones, because Dask (and other cluster executors) cannot
map dynamic outputs; the rows never depend on the number of shards, workers or the batch size.
"""

import datetime as dt
import time
from pathlib import Path

import dagster as dg

from orchestration.metadata import table_metadata
from orchestration.resources import CableSourceResource, WarehouseResource
from orchestration.warehouse.batch import claim, process_batch, result_dir
from orchestration.warehouse.extracted_store import extractor_version
from orchestration.warehouse.load import load_build
from orchestration.warehouse.plan import DEFAULT_BATCH_SIZE, Plan, claim_order, plan_build, shard_count
from orchestration.warehouse.sources import HashCache, hash_cache_path, list_sources
from orchestration.warehouse.tables import ensure_schema

RAW_TABLES = {
    "cable_versions": ("Every version of every cable source, byte for byte, with its SHA-256.", "source_key, cable_id"),
    "cable_texts": (
        "The version of each cable the warehouse shows (a view of cable_versions).",
        "cable_id, source_key",
    ),
    "cables": ("One parsed row per cable: header, routing block and body fields.", "cable_id, subject, sent_at"),
    "paragraphs": ("Paragraphs with clean text and offsets into the raw text.", "cable_id, section, text"),
    "references": ("Cables cited in REF blocks, as canonical cable ids.", "*"),
    "non_cable_references": ("References that are not cables (e-mails, reports, calls), as written.", "*"),
    "recipients": ("TO and INFO addressees of the routing block.", "*"),
    "glossary": ("Abbreviations glossaries: acronym and expansion.", "*"),
    "quarantine": ("Inputs that could not be loaded, with the reason.", "source_key, kind, reason"),
    "ingest_log": ("What each build did with each input.", "build_id, action, source_key, detail"),
}
EXTRACTED_TABLES = {
    "organization_mentions": ("Organizations named in each cable.", "cable_id, name, acronym, org_type"),
    "law_mentions": ("Laws and legal instruments named in each cable.", "cable_id, name, enacted_date"),
    "metrics": (
        "Numeric statistics with measure, source, period, breakdown and provenance.",
        "cable_id, section, value, measure, source_org, period_start, period_end",
    ),
    "events": ("Dated events with type, actors and law.", "cable_id, event_date, date_precision, event_type"),
}
OUTPUTS = {f"raw__{name}": ("raw", name, "ingest") for name in RAW_TABLES} | {
    f"extracted__{name}": ("extracted", name, "extraction") for name in EXTRACTED_TABLES
}


class ReloadConfig(dg.Config):
    """How much to redo: by default only what changed since the last build."""

    force: bool = False  # re-parse and re-extract every cable (the scheduled full reload)
    batch_size: int = DEFAULT_BATCH_SIZE  # cables per parallel batch; the result does not depend on it


SHARDS = shard_count()


@dg.op(out={"plan": dg.Out(str)} | {f"shard_{k}": dg.Out(list) for k in range(SHARDS)})
def plan_cables(
    context: dg.OpExecutionContext,
    config: ReloadConfig,
    warehouse: WarehouseResource,
    cable_source: CableSourceResource,
):
    """Compare the input folder with the warehouse; write the work in batches, offered to every shard."""
    work = warehouse.work_dir()
    with warehouse.connect() as con:
        ensure_schema(con)
        plan = plan_build(
            con,
            list_sources(cable_source.folder, HashCache(hash_cache_path(warehouse.published_path))),
            work / "batches",
            warehouse.build_id or context.run_id,
            extractor_version(),
            config.force,
            config.batch_size,
        )
    context.log.info(
        f"progress: {plan.inputs} inputs in {cable_source.folder}: {plan.work_items} to process in {len(plan.batches)} "
        f"batches over {SHARDS} shards, {plan.unchanged} unchanged, {len(plan.refused)} refused, "
        f"{len(plan.removed)} removed"
    )
    yield dg.Output(str(plan.save(work / "plan.json")), "plan")
    offered = claim_order(plan.batches)
    for shard in range(SHARDS):
        yield dg.Output(offered, f"shard_{shard}")


@dg.op
def process_cables(context: dg.OpExecutionContext, batches: list) -> list:
    """Parse and extract the batches this shard claims into Parquet files (a worker: it never opens the
    warehouse); returns the result folders of the batches it processed."""
    results = []
    for batch in batches:
        if not claim(batch, context.run_id):
            continue
        started = time.monotonic()
        name = Path(batch).stem

        def report(done: int, total: int, name: str = name, started: float = started) -> None:
            rate = done / max(time.monotonic() - started, 1e-6)
            context.log.info(f"progress: {name} {done}/{total} cables parsed and extracted ({rate:.1f} cables/s)")

        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        results.append(process_batch(batch, result_dir(batch), extractor_version(), now, progress=report))
    return results


@dg.op(
    ins={"plan": dg.In(str)} | {f"after_shard_{k}": dg.In(dg.Nothing) for k in range(SHARDS)},
    out={name: dg.Out(dg.Nothing) for name in OUTPUTS},
)
def load_cables(context: dg.OpExecutionContext, plan: str, warehouse: WarehouseResource):
    """Load every batch of every shard and apply removals in one transaction (the one writer).

    It waits for each shard through an input of its own rather than a list of them: Dask's executor
    drops inputs fanned in from several steps. The batches' results are where the plan put them."""
    loaded_plan = Plan.read(plan)
    started = time.monotonic()
    batches = [result_dir(batch) for batch in loaded_plan.batches]
    missing = [batch for batch in batches if not Path(batch).is_dir()]
    if missing:  # a shard's step did not run: never publish a build with cables left out
        raise RuntimeError(f"{len(missing)} batches were not processed, e.g. {missing[0]}")
    with warehouse.connect() as con:
        report = load_build(con, loaded_plan, batches)
        context.log.info(f"progress: loaded {len(batches)} batches in {time.monotonic() - started:.1f} s")
        for source_file, reason in report.quarantined:
            context.log.warning(f"quarantined {source_file}: {reason}")
        context.log.info(report.summary())
        for output, (schema, name, _) in OUTPUTS.items():
            tables = RAW_TABLES if schema == "raw" else EXTRACTED_TABLES
            metadata = table_metadata(con, f'{schema}."{name}"', tables[name][1])
            if output == "raw__cables":
                metadata["changed_cable_ids"] = dg.MetadataValue.json(report.changed_cable_ids[:1000])
                metadata["inputs"] = dg.MetadataValue.md(report.summary())
            if output == "extracted__metrics":
                metadata["cables_extracted"] = len(report.extracted)
                metadata["extraction_failures"] = dg.MetadataValue.json(report.extraction_failures[:1000])
            yield dg.Output(None, output, metadata=metadata)


@dg.graph_multi_asset(
    name="cables",
    group_name="ingest",
    outs={
        output: dg.AssetOut(
            key=[schema, name],
            kinds={"duckdb", "python"},
            description=(RAW_TABLES if schema == "raw" else EXTRACTED_TABLES)[name][0],
            dagster_type=dg.Nothing,
        )
        for output, (schema, name, group) in OUTPUTS.items()
    },
)
def _cables():
    """The raw cables and the facts extracted from them, built from the input folder."""
    plan, *shards = plan_cables()
    done = {f"after_shard_{k}": process_cables.alias(f"process_shard_{k}")(shard) for k, shard in enumerate(shards)}
    outputs = load_cables(plan, **done)
    return {name: getattr(outputs, name) for name in OUTPUTS}


_GROUPS = {(schema, name): group for schema, name, group in OUTPUTS.values()}
# raw tables in the `ingest` group, facts in `extraction`, as the UI shows the layers
cables = _cables.map_asset_specs(lambda spec: spec.replace_attributes(group_name=_GROUPS[tuple(spec.key.path)]))
