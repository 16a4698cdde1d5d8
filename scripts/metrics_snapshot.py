"""Snapshot of every metric fact of the repository's cables and of varied copies, to prove a change moves none.

    PYTHONPATH=$PWD .venv/bin/python scripts/metrics_snapshot.py data/metrics_baseline.pickle          # write
    PYTHONPATH=$PWD .venv/bin/python scripts/metrics_snapshot.py data/metrics_baseline.pickle --compare

A snapshot holds, per cable, every field of every `extract_metrics` fact (spans, order and parent indices
included). The organization mentions metrics read are computed once and cached (ORGANIZATIONS_CACHE), keyed by
the cable's bytes and the organization modules' source: this work leaves those modules alone, and the cache
spares a minute of CPU per run.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import make_corpus  # noqa: E402
from orchestration.cables.extract.metrics import extract_metrics  # noqa: E402
from orchestration.cables.extract.organizations import extract_organizations  # noqa: E402
from orchestration.cables.model import Cable  # noqa: E402
from orchestration.cables.parser import decode_cable, parse_cable  # noqa: E402

FOLDERS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "cables", ROOT / "tests" / "fixtures" / "corpus" / "txt"]
EXTRACT = ROOT / "orchestration" / "cables" / "extract"
ORGANIZATIONS_CACHE = ROOT / "data" / "bench" / "metrics_organizations.pickle"


def load_cables(folders: list[Path], copies: int) -> list[tuple[str, bytes]]:
    """(name, bytes) of every cable file of `folders`, then of `copies` varied copies (benchmarks.corpus)."""
    files = [
        (f"{folder.name}/{path.name}", path.read_bytes()) for folder in folders for path in sorted(folder.glob("*.txt"))
    ]
    if copies:
        with tempfile.TemporaryDirectory() as tmp:
            make_corpus(Path(tmp), copies)
            files += [(f"copy/{path.name}", path.read_bytes()) for path in sorted(Path(tmp).glob("*.txt"))]
    return files


def parse(data: bytes) -> Cable:
    """A parsed cable from a file's bytes."""
    return parse_cable(decode_cable(data))


def _organizations_key() -> str:
    """A digest of the organization extractor's source: the cache is stale when it changes."""
    digest = hashlib.sha256()
    for path in sorted(EXTRACT.glob("org*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def organizations_of(files: list[tuple[str, bytes]], cache_path: Path) -> dict[str, list]:
    """Organization mentions of each file, by the sha256 of its bytes (read from and written to a cache)."""
    key = _organizations_key()
    cache: dict[str, list] = {}
    if cache_path.exists():
        stored = pickle.loads(cache_path.read_bytes())
        cache = stored["by_sha"] if stored["key"] == key else {}
    missing = [(name, data) for name, data in files if hashlib.sha256(data).hexdigest() not in cache]
    for i, (_, data) in enumerate(missing):
        cache[hashlib.sha256(data).hexdigest()] = extract_organizations(parse(data))
        if i % 200 == 199:
            print(f"organizations: {i + 1}/{len(missing)}", file=sys.stderr)
    if missing:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_bytes(pickle.dumps({"key": key, "by_sha": cache}))
    return cache


def snapshot(files: list[tuple[str, bytes]], organizations: dict[str, list]) -> dict[str, list[tuple]]:
    """Every field of every metric fact, per file name."""
    return {
        name: [
            dataclasses.astuple(m)
            for m in extract_metrics(parse(data), organizations[hashlib.sha256(data).hexdigest()])
        ]
        for name, data in files
    }


def compare(old: dict[str, list[tuple]], new: dict[str, list[tuple]], show: int = 10) -> int:
    """Print the differences of two snapshots; return how many cables differ."""
    differing = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    for name in differing[:show]:
        before, after = old.get(name, []), new.get(name, [])
        print(f"{name}: {len(before)} -> {len(after)} facts")
        for i, (a, b) in enumerate(zip(before, after, strict=False)):
            if a != b:
                print(f"  first difference at fact {i}:\n    before {a}\n    after  {b}")
                break
    facts = sum(len(v) for v in new.values())
    print(f"{len(new)} cables, {facts} facts; {len(differing)} cables differ")
    return len(differing)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--compare", action="store_true", help="compare with the snapshot instead of writing it")
    parser.add_argument("--copies", type=int, default=2000, help="varied copies (benchmarks.corpus) to add")
    args = parser.parse_args()
    files = load_cables(FOLDERS, args.copies)
    organizations = organizations_of(files, ORGANIZATIONS_CACHE)
    current = snapshot(files, organizations)
    if args.compare:
        return 1 if compare(pickle.loads(args.snapshot.read_bytes()), current) else 0
    args.snapshot.write_bytes(pickle.dumps(current))
    print(f"{len(current)} cables, {sum(len(v) for v in current.values())} facts written to {args.snapshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
