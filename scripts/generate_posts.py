"""Generate orchestration/cables/data/posts.csv: every post of the shipped cables and the names cables call it by.

A post's code is what its cable ids carry between the year and the serial (`09RIODEJANEIRO357` -> `RIODEJANEIRO`);
its names come from the cables' origins (`Consulate Rio De Janeiro`) and their routing lines (`FM AMCONSUL RIO DE
JANEIRO`). Run from the repository root: `python scripts/generate_posts.py`.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "orchestration" / "cables" / "data" / "posts.csv"
CABLE_FOLDERS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "cables", ROOT / "tests" / "fixtures" / "corpus" / "txt"]
CORPUS_CSVS = [ROOT / "tests" / "fixtures" / "corpus" / "truth.csv"]
RELEASE_CSV = ROOT / "tests" / "fixtures" / "corpus" / "cables.csv"
# office words that precede a city in origins and routing lines; the city is the post's name
_OFFICE = re.compile(
    r"^(?:Embassy|Consulate|Mission|US Interests Section|AMEMBASSY|AMCONSUL|USMISSION|USINT|USOFFICE)\s+", re.I
)
_FM_LINE = re.compile(r"^FM ([A-Z][A-Z .'-]+?)\s*$")
# the Department's routing address: `SECSTATE WASHDC` is called `SECSTATE` in reference blocks
_WASHINGTON_SUFFIX = re.compile(r"\s+WASHDC$")


def post_code(cable_id: str) -> str:
    """The post part of a cable id: `09RIODEJANEIRO357` -> `RIODEJANEIRO`."""
    return re.sub(r"\d+$", "", cable_id[2:])


def _names(text: str) -> set[str]:
    text = _WASHINGTON_SUFFIX.sub("", text.strip().upper())
    names = {text}
    stripped = _OFFICE.sub("", text)
    names.add(stripped)
    return {re.sub(r"\s+", " ", name) for name in names if name}


def collect() -> dict[str, dict]:
    """Post code -> origin and the set of names, from every shipped cable."""
    posts: dict[str, dict] = defaultdict(lambda: {"origin": "", "names": set()})

    def add(cable_id: str, origin: str, fm_station: str | None) -> None:
        entry = posts[post_code(cable_id)]
        entry["origin"] = entry["origin"] or origin
        entry["names"] |= _names(origin) | {post_code(cable_id)}
        if fm_station:
            entry["names"] |= _names(fm_station)

    for folder in CABLE_FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            lines = path.read_text(encoding="utf-8").splitlines()
            fm = next((m[1] for line in lines[5:40] if (m := _FM_LINE.match(line.strip()))), None)
            add(lines[0].strip(), lines[4].strip(), fm)
    for path in CORPUS_CSVS:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                add(row["cable_id"], row["origin"], None)
    csv.field_size_limit(sys.maxsize)
    with RELEASE_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, escapechar="\\"):
            add(row[2], row[3], None)
    return posts


def main() -> None:
    """Write the table sorted by post code."""
    posts = collect()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["post", "origin", "names"])
        for code in sorted(posts):
            writer.writerow([code, posts[code]["origin"], "|".join(sorted(posts[code]["names"]))])
    print(f"{len(posts)} posts -> {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
