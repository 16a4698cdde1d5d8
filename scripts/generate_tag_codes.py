"""Generate orchestration/cables/data/tag_codes.txt: the TAGS codes the cable viewer indexes.

TAGS codes are two-letter geographic codes (`BR`, `CB`), four-letter subject codes (`PREL`, `KTIP`) and a few
three-letter organisation codes (`EUN`, `WTO`). The viewer's pages link every tag it indexed (`/tag/KTIP_0.html`);
the codes are the two- to four-letter ones among them (the index also holds words such as `TERRORISM` and glued
codes such as `EINDETRD`). Run from the repository root:
`python scripts/generate_tag_codes.py`.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "corpus" / "wikileaks-html"
OUTPUT = ROOT / "orchestration" / "cables" / "data" / "tag_codes.txt"
_TAG_LINK = re.compile(r"href='/tag/[^']*'>([^<]+)<")


def main() -> None:
    """Write the codes, one a line, sorted."""
    codes: set[str] = set()
    for page in sorted(PAGES.rglob("*.html")):
        for tag in _TAG_LINK.findall(page.read_text(encoding="utf-8")):
            if re.fullmatch(r"[A-Z]{2,4}", tag):
                codes.add(tag)
    OUTPUT.write_text("".join(f"{code}\n" for code in sorted(codes)), encoding="utf-8")
    print(f"{len(codes)} codes -> {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
