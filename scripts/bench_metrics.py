"""Time the metrics extractor alone (organizations are its input, computed beforehand), best of N runs.

    PYTHONPATH=$PWD .venv/bin/python scripts/bench_metrics.py [--copies 2000] [--runs 3] [--profile out.prof]

Reports CPU seconds of this process (steadier than wall time on a shared machine) for the 318 repository cables
and for the varied copies (benchmarks.corpus), with the floor (a plain read and `re.findall(r"\\w+")` over the same
bytes) for scale. Each run parses the cables afresh, outside the clock, so nothing memoised on a cable carries over
from one run to the next.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.cables.extract.metrics import extract_metrics  # noqa: E402
from scripts.metrics_snapshot import FOLDERS, ORGANIZATIONS_CACHE, load_cables, organizations_of, parse  # noqa: E402


def floor_seconds(files: list[tuple[str, bytes]]) -> float:
    """The benchmark's floor: decode and tokenise every file."""
    started = time.process_time()
    for _, data in files:
        re.findall(r"\w+", data.decode("utf-8", errors="replace"))
    return time.process_time() - started


def metrics_seconds(files: list[tuple[str, bytes]], organizations: dict[str, list], profile: cProfile.Profile | None):
    """Seconds `extract_metrics` takes over freshly parsed cables."""
    inputs = [(parse(data), organizations[hashlib.sha256(data).hexdigest()]) for _, data in files]
    if profile:
        profile.enable()
    started = time.process_time()
    for cable, mentions in inputs:
        extract_metrics(cable, mentions)
    elapsed = time.process_time() - started
    if profile:
        profile.disable()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the last run of each set here")
    args = parser.parse_args()
    repository = load_cables(FOLDERS, 0)
    copies = load_cables([], args.copies)
    organizations = organizations_of(repository + copies, ORGANIZATIONS_CACHE)
    extract_metrics(parse(repository[0][1]), organizations[hashlib.sha256(repository[0][1]).hexdigest()])  # warm up
    profile = cProfile.Profile() if args.profile else None
    for label, files in (("repository", repository), ("copies", copies)):
        if not files:
            continue
        runs = [
            metrics_seconds(files, organizations, profile if i == args.runs - 1 else None) for i in range(args.runs)
        ]
        floor = min(floor_seconds(files) for _ in range(args.runs))
        size = sum(len(data) for _, data in files) / 1e6
        print(
            f"{label}: {len(files)} cables, {size:.1f} MB; metrics best {min(runs):.2f} s "
            f"(runs {', '.join(f'{r:.2f}' for r in runs)}); floor {floor:.3f} s; x{min(runs) / floor:.0f} the floor"
        )
    if profile:
        profile.dump_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
