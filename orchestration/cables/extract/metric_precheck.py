"""Cheap tests run before an expensive pattern: a text that lacks every word the pattern cannot match without holds no
match, so the pattern need not run. Each test is a necessary condition only: where it passes, the pattern decides.

Substring tests (`word in text`) run in C over the whole text at once, where a regular expression with leading
look-behinds or long alternations re-enters the matcher at every position.
"""

from __future__ import annotations

from collections.abc import Iterable

# the characters other than ASCII letters that Python's case-insensitive matching takes for ASCII letters ("ſ" for
# "s", the Kelvin sign for "k", the Turkish dotted and dotless i for "i"); `str.lower` maps them otherwise or not at all
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def folded(text: str) -> str | None:
    """`text` in lower case for the words of a case-insensitive pattern, character for character (only the dotted
    capital I lowers to two characters); None when it holds a character that case folding in Python's `re` matches to
    an ASCII letter differently from `str.lower` (then test with the pattern)."""
    if not text.isascii() and any(odd in text for odd in _ODD_FOLDS):
        return None
    return text.lower()


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether `text` holds one of `words` as written (for case-sensitive patterns)."""
    return any(word in text for word in words)


def holds_any_folded(text: str, words: Iterable[str], lowered: str | None = None) -> bool:
    """Whether `text` may hold one of the lower-case `words` in any case (for case-insensitive patterns): True when
    unsure. Pass `lowered` (from `folded`) when several tests read the same text."""
    lowered = folded(text) if lowered is None else lowered
    return lowered is None or any(word in lowered for word in words)


def starts_of(lowered: str, words: Iterable[str]) -> list[int]:
    """Where one of the lower-case `words` starts in a folded text, in order: the only places where a
    case-insensitive pattern that begins with one of them can match."""
    starts = set()
    for word in words:
        start = lowered.find(word)
        while start >= 0:
            starts.add(start)
            start = lowered.find(word, start + 1)
    return sorted(starts)
