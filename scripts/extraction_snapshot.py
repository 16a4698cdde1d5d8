"""Snapshot of everything parsing and extraction produce, to prove a refactoring changes no fact.

Take the snapshot before a change, compare after it:

    PYTHONPATH=$PWD .venv/bin/python scripts/extraction_snapshot.py --out /tmp/base.pickle --varied 2000
    PYTHONPATH=$PWD .venv/bin/python scripts/extraction_snapshot.py --compare /tmp/base.pickle --varied 2000

Without folders it reads the repository's 318 cables (seeds/, tests/fixtures/cables/, tests/fixtures/corpus/txt/);
`--varied N` adds N renamed and varied copies made by benchmarks.corpus (same seed, so the same copies each time).
Per cable it keeps the parsed cable (every field; each paragraph's offsets as a digest) and
`orchestration.warehouse.rows.fact_rows(cable)`: every fact with its fields, spans, order and indices.
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
from orchestration.cables.model import Cable  # noqa: E402
from orchestration.cables.parser import decode_cable, parse_cable  # noqa: E402
from orchestration.warehouse.rows import fact_rows  # noqa: E402

REPOSITORY_FOLDERS = ("seeds", "tests/fixtures/cables", "tests/fixtures/corpus/txt")


def cable_files(folders: list[Path]) -> list[Path]:
    """The .txt cables of the folders, in a stable order."""
    return [path for folder in folders for path in sorted(folder.glob("*.txt"))]


def parsed_record(cable: Cable) -> dict:
    """The parsed cable as plain data; offsets (one integer per character) kept as a digest."""
    record = dataclasses.asdict(cable)
    for paragraph in record["paragraphs"]:
        paragraph["offsets"] = hashlib.sha256(repr(paragraph["offsets"]).encode()).hexdigest()
    return record


def snapshot(paths: list[Path], label_of) -> dict[str, dict]:
    """Parsed cable and fact rows of every file, keyed by a label that survives a new temporary folder."""
    result = {}
    for path in paths:
        cable = parse_cable(decode_cable(path.read_bytes()))
        result[label_of(path)] = {"cable": parsed_record(cable), "facts": fact_rows(cable)}
    return result


def _label(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def take(folders: list[Path], varied: int) -> dict[str, dict]:
    """The snapshot of the folders plus `varied` copies."""
    result = snapshot(cable_files(folders), _label)
    if varied:
        with tempfile.TemporaryDirectory() as tmp:
            make_corpus(Path(tmp), varied)
            result |= snapshot(cable_files([Path(tmp)]), lambda path: f"varied/{path.name}")
    return result


def first_difference(before, after, where: str = "") -> str | None:
    """Where two snapshot values first differ, as a readable path and both values."""
    if type(before) is not type(after):
        return f"{where}: {before!r} != {after!r}"
    if isinstance(before, dict):
        for key in before.keys() | after.keys():
            if key not in before or key not in after:
                return f"{where}/{key}: only in {'after' if key in after else 'before'}"
            found = first_difference(before[key], after[key], f"{where}/{key}")
            if found:
                return found
        return None
    if isinstance(before, list | tuple):
        for i, (left, right) in enumerate(zip(before, after, strict=False)):
            found = first_difference(left, right, f"{where}[{i}]")
            if found:
                return found
        if len(before) != len(after):
            return f"{where}: {len(before)} items != {len(after)}"
        return None
    return None if before == after else f"{where}: {before!r} != {after!r}"


def compare(baseline: dict[str, dict], current: dict[str, dict], show: int = 10) -> int:
    """Print the cables whose parse or facts differ; return how many."""
    differing = [key for key in sorted(baseline.keys() | current.keys()) if baseline.get(key) != current.get(key)]
    for key in differing[:show]:
        if key not in baseline or key not in current:
            print(f"{key}: only in {'current' if key in current else 'baseline'}")
        else:
            print(f"{key}{first_difference(baseline[key], current[key])}")
    facts = sum(len(rows) for entry in current.values() for rows in entry["facts"].values())
    print(f"{len(current)} cables, {facts} facts; {len(differing)} cable(s) differ from the baseline")
    return len(differing)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="folders of .txt cables (default: the repository's)")
    parser.add_argument("--varied", type=int, default=0, help="also this many varied copies (benchmarks.corpus)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--out", type=Path, help="write the snapshot here")
    mode.add_argument("--compare", type=Path, help="compare with this snapshot; exit 1 when anything differs")
    args = parser.parse_args()
    folders = [folder.resolve() for folder in args.folders] or [ROOT / folder for folder in REPOSITORY_FOLDERS]
    current = take(folders, args.varied)
    if args.out:
        args.out.write_bytes(pickle.dumps(current))
        print(f"{len(current)} cables written to {args.out}")
        return 0
    return 1 if compare(pickle.loads(args.compare.read_bytes()), current) else 0


if __name__ == "__main__":
    raise SystemExit(main())
