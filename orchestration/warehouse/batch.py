"""Process one batch of work items: parse and extract each cable, and write the rows as Parquet.

This is what the parallel workers run (a Dagster step each, in any process or on any machine that
sees the work folder). Workers never open the warehouse: one writer loads their files
(orchestration/warehouse/load.py). A cable that cannot be parsed becomes a quarantine row, and one
whose extraction fails an error row: neither stops the batch.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.cables.model import CableParseError
from orchestration.cables.parser import parse_cable
from orchestration.warehouse.rows import Source, cable_rows, fact_rows
from orchestration.warehouse.sources import source_text
from orchestration.warehouse.tables import CABLE_TABLES, EXTRACTED, FACT_TABLES, RAW

# per-version rows of each table, with the source key so the writer keeps only the shown version
OUTPUT_TABLES = {name: RAW[name] for name in ("cable_versions", *CABLE_TABLES)}
OUTPUT_TABLES.update({name: EXTRACTED[name] for name in FACT_TABLES + ("extraction_errors",)})
FAILURES = pa.schema(
    [
        ("source_key", pa.string()),
        ("source_file", pa.string()),
        ("content_sha256", pa.string()),
        ("reason", pa.string()),
    ]
)


def _with_key(table: pa.Table, keys: list[str]) -> pa.Table:
    return table.append_column("_source_key", pa.array(keys, type=pa.string()))


def claim(batch_file: Path | str, run_id: str) -> bool:
    """Take `batch_file` for this worker in run `run_id`: True for exactly one of the workers that ask.

    Workers share a build's batches by claiming them as they go, not by a list fixed in advance, so none
    idles while another still has several batches to do. A claim is a file created only if it does not
    exist (atomic locally and on NFS from version 3). Claims are per run: a re-execution of a failed run
    claims every batch anew, and a batch done before is done again (the same rows)."""
    path = Path(batch_file).with_suffix(f".{run_id}.claim")
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def result_dir(batch_file: Path | str) -> str:
    """Where the rows of a batch go: a folder named after its work file."""
    return str(Path(batch_file).with_suffix(""))


def process_batch(
    batch_file: Path | str,
    out_dir: Path | str,
    extractor_version: str | None,
    now: dt.datetime,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Parse and extract every work item of `batch_file`; write one Parquet file per table into `out_dir`.

    With no `extractor_version` the cables are parsed only (ingestion tests that do not need facts)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[tuple]] = defaultdict(list)
    keys: dict[str, list[str]] = defaultdict(list)
    failures: list[dict] = []
    items = pq.read_table(batch_file).to_pylist()
    step = max(1, len(items) // 10)
    for done, item in enumerate(items, start=1):
        if progress and done > 1 and ((done - 1) % step == 0):
            progress(done - 1, len(items))
        key = item["source_key"]
        try:
            text, encoding = source_text(item["source_format"], item["raw_bytes"])
            cable = parse_cable(text)
        except CableParseError as error:
            failures.append(
                {
                    "source_key": key,
                    "source_file": item["source_file"],
                    "content_sha256": item["content_sha256"],
                    "reason": str(error),
                }
            )
            continue
        source = Source(
            key,
            item["source_file"],
            item["source_row"],
            item["source_format"],
            encoding,
            item["content_sha256"],
            len(item["raw_bytes"]),
        )
        produced = {"cable_versions": [_text_row(cable, source, item["raw_bytes"], text, now)]}
        produced.update(cable_rows(cable, source, now))
        try:
            if extractor_version is not None:
                produced.update(fact_rows(cable))
        except Exception:  # noqa: BLE001 - one cable's extraction bug must not stop the others
            error = traceback.format_exc(limit=3)
            produced["extraction_errors"] = [(cable.cable_id, source.content_sha256, extractor_version, error, now)]
        for name, table_rows in produced.items():
            rows[name].extend(table_rows)
            keys[name].extend([key] * len(table_rows))
    if progress:
        progress(len(items), len(items))
    for name, spec in OUTPUT_TABLES.items():
        pq.write_table(_with_key(spec.arrow_table(rows[name]), keys[name]), out_dir / f"{name}.parquet")
    pq.write_table(pa.Table.from_pylist(failures, schema=FAILURES), out_dir / "failures.parquet")
    return str(out_dir)


def _text_row(cable, source: Source, raw_bytes: bytes, text: str, now: dt.datetime) -> tuple:
    return (
        source.source_key,
        cable.cable_id,
        source.source_file,
        source.source_row,
        source.source_format,
        source.encoding,
        source.content_sha256,
        source.byte_length,
        raw_bytes,
        text,
        cable.section_count,
        False,  # whether this version is shown is decided by the writer, over every version
        now,
    )
