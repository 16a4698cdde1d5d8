"""Plan a build: compare the inputs with what the warehouse holds, and cut the work into batches.

A source whose bytes, and whose cable's extractor version, are those already loaded is left alone;
every other source becomes a work item. Work items are written to Parquet batch files as the
inputs stream by, so memory stays flat whatever the size of the input; each batch is processed on
its own (orchestration/warehouse/batch.py) and one writer loads the results
(orchestration/warehouse/load.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.warehouse.sources import SourceItem
from orchestration.warehouse.work import stored_versions

WORK_SCHEMA = pa.schema(
    [
        ("source_key", pa.string()),
        ("source_file", pa.string()),
        ("source_row", pa.int64()),
        ("source_format", pa.string()),
        ("content_sha256", pa.string()),
        ("raw_bytes", pa.binary()),
    ]
)
PRESENT_SCHEMA = pa.schema([("source_key", pa.string()), ("content_sha256", pa.string())])
DEFAULT_BATCH_SIZE = 1000
DEFAULT_SHARDS = 8


def shard_count() -> int:
    """How many parallel steps share a build's batches: BUILD_SHARDS, else 8 (at least the workers to use)."""
    return max(1, int(os.environ.get("BUILD_SHARDS") or DEFAULT_SHARDS))


def claim_order(batches: list[str]) -> list[str]:
    """The order in which every shard offers to take the batches: largest file first, so the last batches
    taken are the small ones and the workers finish together (a batch of long trafficking reports takes
    several times a batch of short cables' time)."""
    return sorted(batches, key=lambda batch: (-Path(batch).stat().st_size, batch))


@dataclass
class Plan:
    """What a build will do: its batches of work, what was removed, refused or left alone."""

    build_id: str
    extractor_version: str | None  # None: parse only, leave facts as they are
    force: bool
    inputs: int = 0
    unchanged: int = 0
    known_bad: int = 0
    work_items: int = 0
    batches: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (source_key, cable_id)
    refused: list[tuple[str, str, str, str]] = field(default_factory=list)  # (key, file, sha256, reason)
    present_file: str = ""

    def save(self, path: Path) -> Path:
        """Write the plan as JSON; return its path."""
        path.write_text(json.dumps(asdict(self)))
        return path

    @classmethod
    def read(cls, path: Path | str) -> Plan:
        """The plan saved at `path`."""
        data = json.loads(Path(path).read_text())
        data["removed"] = [tuple(item) for item in data["removed"]]
        data["refused"] = [tuple(item) for item in data["refused"]]
        return cls(**data)


class _BatchWriter:
    def __init__(self, folder: Path, batch_size: int) -> None:
        self.folder, self.batch_size = folder, max(1, batch_size)
        self.rows: list[tuple] = []
        self.paths: list[str] = []

    def add(self, row: tuple) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        path = self.folder / f"batch-{len(self.paths) + 1:05d}.parquet"
        columns = list(zip(*self.rows, strict=True))
        table = pa.Table.from_arrays(
            [pa.array(list(c), type=f.type) for c, f in zip(columns, WORK_SCHEMA, strict=True)], schema=WORK_SCHEMA
        )
        pq.write_table(table, path)
        self.paths.append(str(path))
        self.rows = []


def plan_build(
    con: duckdb.DuckDBPyConnection,
    sources: Iterable[SourceItem],
    work_dir: Path,
    build_id: str,
    extractor_version: str | None,
    force: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Plan:
    """Stream `sources` against the warehouse's state into batch files under `work_dir`."""
    work_dir.mkdir(parents=True, exist_ok=True)
    plan = Plan(build_id, extractor_version, force)
    stored = stored_versions(con)
    extracted = dict(con.execute("select cable_id, extractor_version from extracted.extraction_state").fetchall())
    known_bad = set(
        con.execute("select source_key, content_sha256 from raw.quarantine where kind <> 'unreadable'").fetchall()
    )
    writer = _BatchWriter(work_dir, batch_size)
    present: list[tuple[str, str]] = []
    changed_published: set[str] = set()

    def left_alone(item: SourceItem) -> str | None:
        """'unchanged' or 'known_bad' when the build leaves the source alone, None when it is work."""
        previous = stored.get(item.source_key)
        if previous and previous[0] == item.content_sha256 and not force:
            current = not previous[2] or extractor_version is None or extracted.get(previous[1]) == extractor_version
            if current:
                return "unchanged"
        if (item.source_key, item.content_sha256) in known_bad and not force:
            return "known_bad"
        return None

    for item in sources:
        outcome = None if item.refused else left_alone(item)
        if not item.refused and outcome is None and item.raw_bytes is None:
            try:  # listed by its cached hash: its bytes are read only now that it is work
                item = item.with_bytes()
            except OSError:  # gone since it was listed: the next build sees it gone
                continue
            outcome = left_alone(item)
        plan.inputs += 1
        present.append((item.source_key, item.content_sha256))
        if item.refused:
            plan.refused.append((item.source_key, item.source_file, item.content_sha256, item.refused))
            continue
        if outcome == "unchanged":
            plan.unchanged += 1
            continue
        if outcome == "known_bad":
            plan.known_bad += 1
            continue
        previous = stored.get(item.source_key)
        if previous and previous[2]:
            changed_published.add(previous[1])
        writer.add(
            (
                item.source_key,
                item.source_file,
                item.source_row,
                item.source_format,
                item.content_sha256,
                item.raw_bytes,
            )
        )
        plan.work_items += 1
    seen = dict(present)
    for key, (_, cable_id, published) in sorted(stored.items()):
        if key not in seen:
            plan.removed.append((key, cable_id))
            if published:
                changed_published.add(cable_id)
    if not force:  # a forced build queues every source already
        _requeue_other_versions(con, changed_published, seen, writer, plan)
    writer.flush()
    plan.batches = writer.paths
    present_path = work_dir / "present.parquet"
    pq.write_table(
        pa.Table.from_pylist([{"source_key": k, "content_sha256": d} for k, d in present], schema=PRESENT_SCHEMA),
        present_path,
    )
    plan.present_file = str(present_path)
    return plan


def _requeue_other_versions(
    con: duckdb.DuckDBPyConnection, cable_ids: set[str], seen: dict[str, str], writer: _BatchWriter, plan: Plan
) -> None:
    """A cable whose shown version changed or went away may now be shown from another stored version:
    those versions are processed again, from the bytes the warehouse keeps."""
    if not cable_ids:
        return
    rows = con.execute(
        "select source_key, source_file, source_row, source_format, content_sha256, raw_bytes from raw.cable_versions "
        "where not is_published and cable_id in (select unnest(?::varchar[])) order by source_key",
        [sorted(cable_ids)],
    ).fetchall()
    for row in rows:
        if seen.get(row[0]) == row[4]:  # still in the folder, unchanged (a changed one is queued already)
            writer.add(tuple(row))
            plan.work_items += 1
            plan.unchanged -= 1
