"""Clean a run of raw cable lines into paragraph text while keeping offsets into the raw text."""

from __future__ import annotations

import re

PAGE_BREAK = re.compile(r"^\s*[A-Z][A-Z .'()-]*?\s+\d{8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\s*$")
_HYPHEN_SPLIT = re.compile(r"[A-Za-z]-$")


def is_page_break(line: str) -> bool:
    """True for page lines such as `PHNOM PENH 00000114  002 OF 026`."""
    return bool(PAGE_BREAK.match(line))


def clean_lines(lines: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """Join `(raw_offset, line)` pairs into one normalised string and its raw offset map.

    Page-break lines are dropped, a word hyphenated at a line end is rejoined with the next
    line's first word (no space), and every whitespace run becomes a single space.
    """
    out: list[str] = []
    offsets: list[int] = []
    pending_space: int | None = None
    kept = [(start, line) for start, line in lines if not is_page_break(line)]
    for index, (start, line) in enumerate(kept):
        stripped = line.rstrip()
        # a word split at a line end ("seven-" / "year") is rejoined without a space; the
        # hyphen is kept because in these cables it belongs to a compound, not to typesetting
        rejoin = bool(_HYPHEN_SPLIT.search(stripped)) and index + 1 < len(kept)
        chars = stripped
        for position, char in enumerate(chars):
            if char.isspace():
                if out and pending_space is None:
                    pending_space = start + position
                continue
            if pending_space is not None:
                out.append(" ")
                offsets.append(pending_space)
                pending_space = None
            out.append(char)
            offsets.append(start + position)
        if not rejoin and out and pending_space is None:
            pending_space = start + len(stripped)
    return "".join(out), offsets
