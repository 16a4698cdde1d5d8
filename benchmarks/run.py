"""Throughput of parsing, ingestion and extraction, and the cost of a no-op reload, in one run.

Copies of the shipped cables under fresh ids make a corpus of N cables; figures are reported as
rates and as ratios measured in the same run (second pass over first pass), so they compare
across machines.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.cables.parser import decode_cable, parse_cable  # noqa: E402
from orchestration.warehouse.extracted_store import extract_changed  # noqa: E402
from orchestration.warehouse.raw_store import ingest_folder  # noqa: E402

SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "cables").glob("*.txt"))


def make_corpus(folder: Path, copies: int) -> int:
    """Write `copies` renamed copies of every shipped cable; return the bytes written."""
    total = 0
    for copy in range(copies):
        for source in SOURCES:
            text = source.read_text(encoding="utf-8")
            cable_id = text.split("\n", 1)[0].strip()
            new_id = f"{cable_id}{copy:04d}"
            data = (new_id + text[len(cable_id) :]).encode("utf-8")
            (folder / f"{new_id}.txt").write_bytes(data)
            total += len(data)
    return total


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10, help="renamed copies of each shipped cable")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cable-bench-"))
    try:
        folder = work / "cables"
        folder.mkdir()
        size = make_corpus(folder, args.copies)
        paths = sorted(folder.glob("*.txt"))
        count = len(paths)
        parse_seconds, _ = timed(lambda: [parse_cable(decode_cable(p.read_bytes())) for p in paths])
        con = duckdb.connect(str(work / "bench.duckdb"))
        ingest_first, report = timed(lambda: ingest_folder(con, folder))
        assert len(report.loaded) == count, report.quarantined[:3]
        ingest_second, report = timed(lambda: ingest_folder(con, folder))
        assert report.unchanged == count
        extract_first, report = timed(lambda: extract_changed(con, log=lambda _: None))
        assert len(report.extracted) == count, report.failed[:3]
        extract_second, report = timed(lambda: extract_changed(con, log=lambda _: None))
        assert report.unchanged == count
        metrics = con.execute("select count(*) from extracted.metrics").fetchone()[0]
        con.close()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        mb = size / 1e6
        print(f"corpus: {count} cables, {mb:.1f} MB ({args.copies} renamed copies of {len(SOURCES)} shipped cables)")
        print(f"parse:    {count / parse_seconds:8.1f} cables/s  {mb / parse_seconds:6.2f} MB/s")
        print(f"ingest:   {count / ingest_first:8.1f} cables/s  (first load into DuckDB, {ingest_first:.2f} s)")
        print(f"extract:  {count / extract_first:8.1f} cables/s  ({metrics} metrics, {extract_first:.2f} s)")
        print(
            f"no-op reload / first load: ingest {ingest_second / ingest_first:.3f}, "
            f"extract {extract_second / extract_first:.3f}"
        )
        print(f"extract / parse time per cable: {extract_first / parse_seconds:.1f}x")
        print(f"peak memory: {peak_mb:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
