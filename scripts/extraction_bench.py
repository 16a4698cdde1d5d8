"""Time parsing and each extractor on the repository's cables and varied copies (best of N passes).

    PYTHONPATH=$PWD .venv/bin/python scripts/extraction_bench.py [--varied 2000] [--repeat 3] [--only organizations]

Each stage runs over every cable in one pass; a pass is timed whole (CPU time of this process, steadier than the
wall clock on a shared machine) and the best of `--repeat` is reported, with the first (cold caches) beside it.
The floor is a plain read and `re.findall(r"\\w+")` over the same files, the measure `make bench` compares the
build with. Metrics are timed given the organizations, as fact_rows calls them.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import make_corpus  # noqa: E402
from orchestration.cables.extract.events import extract_events  # noqa: E402
from orchestration.cables.extract.laws import extract_laws  # noqa: E402
from orchestration.cables.extract.metrics import extract_metrics  # noqa: E402
from orchestration.cables.extract.organizations import extract_organizations  # noqa: E402
from orchestration.cables.parser import decode_cable, parse_cable  # noqa: E402

REPOSITORY_FOLDERS = ("seeds", "tests/fixtures/cables", "tests/fixtures/corpus/txt")
STAGES = ("parse", "organizations", "laws", "metrics", "events")


def passes(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(first, best) seconds of `repeat` passes."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return times[0], min(times)


def floor(paths: list[Path]) -> float:
    """A plain read and tokenisation of every file."""
    started = time.process_time()
    for path in paths:
        re.findall(r"\w+", path.read_text(encoding="utf-8", errors="replace"))
    return time.process_time() - started


def bench(paths: list[Path], stages: list[str], repeat: int) -> dict[str, tuple[float, float]]:
    """(first, best) seconds per stage over the files."""
    raws = [path.read_bytes() for path in paths]
    cables = [parse_cable(decode_cable(raw)) for raw in raws]
    organizations = [extract_organizations(cable) for cable in cables] if "metrics" in stages else []
    runs = {
        "parse": lambda: [parse_cable(decode_cable(raw)) for raw in raws],
        "organizations": lambda: [extract_organizations(cable) for cable in cables],
        "laws": lambda: [extract_laws(cable) for cable in cables],
        "metrics": lambda: [extract_metrics(cable, orgs) for cable, orgs in zip(cables, organizations, strict=True)],
        "events": lambda: [extract_events(cable) for cable in cables],
    }
    results = {"floor": (floor(paths), min(floor(paths) for _ in range(repeat)))}
    for stage in stages:
        results[stage] = passes(runs[stage], repeat)
    return results


def report(title: str, results: dict[str, tuple[float, float]]) -> None:
    """One line per stage: best and first pass, and the best as a multiple of the floor."""
    base = results["floor"][1]
    print(f"{title}\n  {'stage':<14}{'best s':>9}{'first s':>9}{'x floor':>9}")
    for stage, (first, best) in results.items():
        print(f"  {stage:<14}{best:9.2f}{first:9.2f}{best / base:9.1f}")
    total = sum(best for stage, (_, best) in results.items() if stage != "floor")
    print(f"  {'total':<14}{total:9.2f}{'':>9}{total / base:9.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--varied", type=int, default=2000, help="varied copies to time as well (0: none)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="+", choices=STAGES, default=list(STAGES))
    args = parser.parse_args()
    repository = [path for folder in REPOSITORY_FOLDERS for path in sorted((ROOT / folder).glob("*.txt"))]
    report(f"{len(repository)} repository cables", bench(repository, args.only, args.repeat))
    if args.varied:
        with tempfile.TemporaryDirectory() as tmp:
            make_corpus(Path(tmp), args.varied)
            report(f"{args.varied} varied copies", bench(sorted(Path(tmp).glob("*.txt")), args.only, args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
