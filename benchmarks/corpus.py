"""A realistic benchmark corpus: renamed and varied copies of the real cables in the repository.

The release's mix of sizes: most cables are general ones of a few KB (the 300 of the mixed corpus),
about 2% are long trafficking reports (the seeds and dev cables). Each copy gets a new id and its
larger numbers are shifted, so copies are not restatements of one another; dates and years stay.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERAL = sorted((ROOT / "tests" / "fixtures" / "corpus" / "txt").glob("*.txt"))
TIP_REPORTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "cables").glob("*.txt"))
TIP_SHARE = 0.02
_ID = re.compile(r"^(\d{2})([A-Z]+?)(\d+)$")
# numbers of three or more digits that are not years, page or serial numbers (no leading zero)
_FIGURE = re.compile(r"(?<![\d.,/])(?!(?:19|20)\d\d\b)[1-9]\d{2,}(?![\d/])")
HEADER_LINES = 5


def _vary(text: str, serial: int, rng: random.Random) -> tuple[str, str]:
    """The text under a new cable id, with its larger figures shifted."""
    lines = text.split("\n", HEADER_LINES)
    match = _ID.match(lines[0].strip())
    year, post = (match[1], match[2]) if match else ("09", "BENCH")
    new_id = f"{year}{post}{serial}"
    body = _FIGURE.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), lines[-1])
    return new_id, "\n".join([new_id, *lines[1:-1], body])


def make_corpus(folder: Path, cables: int, seed: int = 2011) -> int:
    """Write `cables` cable files into `folder`; return the bytes written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    sources = [(path, path.read_text(encoding="utf-8")) for path in GENERAL + TIP_REPORTS]
    general, tip = sources[: len(GENERAL)], sources[len(GENERAL) :]
    total = 0
    for serial in range(100_000, 100_000 + cables):
        pool = tip if rng.random() < TIP_SHARE else general
        _, text = pool[rng.randrange(len(pool))]
        new_id, varied = _vary(text, serial, rng)
        data = varied.encode("utf-8")
        (folder / f"{new_id}.txt").write_bytes(data)
        total += len(data)
    return total
