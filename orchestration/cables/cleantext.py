"""Clean a run of raw cable lines into paragraph text while keeping offsets into the raw text."""

from __future__ import annotations

import re

# the post in capitals or, in some dumps of the release, as a name ("Islamabad 00000416 003 of 004")
PAGE_BREAK = re.compile(r"^\s*[A-Z][A-Z .'()-]*?\s+\d{8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\s*$", re.IGNORECASE)
# a page line the viewer's re-flowed text runs into a paragraph: "... Alstom. RABAT 00001657 002 OF 002 French ..."
_INLINE_PAGE_BREAK = re.compile(r"\b(?:[A-Z][A-Z'-]*\s+){1,4}\d{8}\s+\d{3}(?:\.\d+)?\s+(?:OF|of)\s+\d{3}\b")
# words (no whitespace, as `str.isspace` reads it) with single spaces between them
_RUN = re.compile(r"\S+(?: \S+)*")
_PAGE_NUMBER = re.compile(r"\d{8}")
_HYPHEN_SPLIT = re.compile(r"[a-z]-$")
_SUSPENDED_HYPHEN_FOLLOWERS = {"to", "and", "or", "through", "nor", "than"}


def is_page_break(line: str) -> bool:
    """True for page lines such as `PHNOM PENH 00000114  002 OF 026` or `Moscow 00003579 002 of 005`."""
    # the cheap test first: a page line ends with its page count's digits
    return line.rstrip()[-1:].isdigit() and bool(PAGE_BREAK.match(line))


def _blank(match: re.Match) -> str:
    """As many spaces as `match` covers: the line keeps its length, so offsets still point into the raw text."""
    return " " * len(match.group())


def _continues_word(next_line: str) -> bool:
    """True when a line-end hyphen splits a word ("traf-" / "ficking"), not a suspended
    compound ("a seven-" / "to 15-year sentence") or a dash before a new phrase."""
    words = next_line.split()
    return bool(words) and words[0][:1].islower() and words[0].strip(".,;:") not in _SUSPENDED_HYPHEN_FOLLOWERS


def clean_lines(lines: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """Join `(raw_offset, line)` pairs into one normalised string and its raw offset map.

    Page-break lines are dropped, page lines run into a line are blanked, a word hyphenated at a line end is
    rejoined with the rest of it on the next line, and every whitespace run becomes a single space.
    """
    out: list[str] = []
    offsets: list[int] = []
    pending_space: int | None = None
    kept = [(start, line) for start, line in lines if not is_page_break(line)]
    joining = False
    for index, (start, line) in enumerate(kept):
        stripped = line.rstrip()
        # the cheap tests first: a page line run into the text says "OF" or "of" and holds an 8-digit serial
        if ("OF" in stripped or "of" in stripped) and _PAGE_NUMBER.search(stripped):
            stripped = _INLINE_PAGE_BREAK.sub(_blank, stripped)
        rejoin = (
            stripped.endswith("-")
            and bool(_HYPHEN_SPLIT.search(stripped))
            and index + 1 < len(kept)
            and _continues_word(kept[index + 1][1])
        )
        chars = stripped[:-1] if rejoin else stripped
        if joining:
            chars = chars.lstrip()
            start += len(stripped) - len(chars)
        width = len(chars)
        # a run of words with single spaces between them is copied whole (the common line is one run); any other
        # whitespace (a leading indent, two spaces, a tab) becomes one space at its first character, after text
        end = 0
        # the common line is one run (printable: no whitespace but spaces; no two together, none at either end):
        # taken whole, without the pattern
        common = chars and chars.isprintable() and "  " not in chars and chars[0] != " " and chars[-1] != " "
        for run_start, run_end in ((0, width),) if common else (run.span() for run in _RUN.finditer(chars)):
            if run_start > end and out and pending_space is None:
                pending_space = start + end
            if pending_space is not None:
                out.append(" ")
                offsets.append(pending_space)
                pending_space = None
            end = run_end
            out.append(chars[run_start:run_end])
            offsets.extend(range(start + run_start, start + end))
        if end < width and out and pending_space is None:
            pending_space = start + end
        if not rejoin and out and pending_space is None:
            pending_space = start + width
        joining = rejoin
    return "".join(out), offsets
