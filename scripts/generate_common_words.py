"""Generate orchestration/cables/data/common_words.txt: the lower-case words of the shipped cables.

A cable written in capitals (older cables, many Department cables) has no lower-case words of its own, so the
organization extractor cannot tell "FINALLY" or "HOWEVER" from an undefined acronym there. These words, each
written in lower case in at least MIN_CABLES of the repository's cables, stand in for that vocabulary. Run from
the repository root: `python scripts/generate_common_words.py`.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.cables.extract.org_vocabulary import LOWER_WORD  # noqa: E402
from orchestration.cables.parser import decode_cable, parse_cable  # noqa: E402

OUTPUT = ROOT / "orchestration" / "cables" / "data" / "common_words.txt"
CABLE_FOLDERS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "cables", ROOT / "tests" / "fixtures" / "corpus" / "txt"]
MIN_CABLES = 2


def common_words() -> list[str]:
    """The lower-case words of at least MIN_CABLES repository cables, sorted."""
    cables: Counter[str] = Counter()
    for folder in CABLE_FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            cable = parse_cable(decode_cable(path.read_bytes()))
            cables.update({word for paragraph in cable.paragraphs for word in LOWER_WORD.findall(paragraph.text)})
    return sorted(word for word, count in cables.items() if count >= MIN_CABLES)


def main() -> int:
    words = common_words()
    header = f"# lower-case words in at least {MIN_CABLES} of the repository's cables ({Path(__file__).name})"
    OUTPUT.write_text("\n".join([header, *words]) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
