"""Cheap tests run before an expensive pattern: a text that lacks every word the pattern cannot match without holds no
match, so the pattern need not run. Each test is a necessary condition only: where it passes, the pattern decides.

Substring tests (`word in text`) run in C over the whole text at once, where a regular expression with leading
look-behinds or long alternations re-enters the matcher at every position.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from re import _constants as sre_constants  # the standard library's own reading of a pattern (Python 3.11, 3.12)
from re import _parser as sre_parser

# the characters other than ASCII letters that Python's case-insensitive matching takes for ASCII letters ("ſ" for
# "s", the Kelvin sign for "k", the Turkish dotted and dotless i for "i"); `str.lower` maps them otherwise or not at all
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


@functools.lru_cache(maxsize=64)  # a sentence is tested by several readers in turn
def folded(text: str) -> str | None:
    """`text` in lower case for the words of a case-insensitive pattern, character for character (only the dotted
    capital I lowers to two characters); None when it holds a character that case folding in Python's `re` matches to
    an ASCII letter differently from `str.lower` (then test with the pattern)."""
    if not text.isascii() and any(odd in text for odd in _ODD_FOLDS):
        return None
    return text.lower()


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether `text` holds one of `words` as written (for case-sensitive patterns)."""
    for word in words:  # a loop, not any() over a generator: these are called for every sentence
        if word in text:
            return True
    return False


def holds_any_folded(text: str, words: Iterable[str] | None, lowered: str | None = None) -> bool:
    """Whether `text` may hold one of the lower-case `words` in any case (for any pattern they are read from: see
    `required_words`): True when unsure, or when there are no words to test. Pass `lowered` (from `folded`) when
    several tests read the same text."""
    if words is None:
        return True
    lowered = folded(text) if lowered is None else lowered
    return lowered is None or holds_any(lowered, words)


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


def matches_from(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern that never matches an empty string and whose every match starts at one
    of `starts` (ascending; more may be given): tried only there, where the engine would try at every place its
    opening characters stand. A look-behind still sees the text before a start."""
    end = 0
    for start in starts:
        if start < end:
            continue  # inside the last match: finditer goes on after it
        match = pattern.match(text, start)
        if match:
            yield match
            end = match.end()


# ------------------------------------------------------------------ patterns the engine can skip through

# "\b" before a word character, tested after it: a pattern that opens on a character (not on an assertion) lets the
# engine skip straight to the places where that character stands, where "\b" first makes it try every place
WORD_START = r"(?<!\w.)"


def at_word_start(alternatives: Iterable[str]) -> str:
    """ "\b(?:a|b|...)" for regular expressions that each begin with a literal word character, written with the
    boundary after that character (`WORD_START`)."""
    parts = []
    for alternative in alternatives:
        if not re.match(r"\w[^?*+{]", alternative):
            raise ValueError(f"{alternative!r} does not begin with a literal word character")
        parts.append(alternative[0] + WORD_START + alternative[1:])
    return "(?:" + "|".join(parts) + ")"


def trie_pattern(words: Iterable[str], word_start: bool = False) -> str:
    """An alternation of literal words as a prefix tree ("Mali|Malta|Malawi" -> "Ma(?:l(?:i|ta|awi))"): the regex
    engine then tries a few branches at each place instead of every word. With `word_start`, a word matches only at
    the start of a word, as after "\b" (each word must begin with a word character; see `WORD_START`)."""
    tree: dict = {}
    for word in words:
        if word_start and not re.match(r"\w", word):
            raise ValueError(f"{word!r} does not begin with a word character")
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree, WORD_START if word_start else "")


def _branches(node: dict, after_first: str = "") -> str:
    ends = "" in node
    parts = [re.escape(char) + after_first + _branches(child) for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if ends else body


class WordSets:
    """Which of several sets of lower-case words a text holds a word of, in one pass: a prefix tree of all the words
    finds each place where one starts, where testing each word would search the text once per word. A set given as
    None (no words known) is always held."""

    def __init__(self, sets: list[Iterable[str] | None]):
        self._count = len(sets)
        self._unknown = frozenset(i for i, words in enumerate(sets) if words is None)
        owners: dict[str, set[int]] = {}
        for i, words in enumerate(sets):
            for word in words or ():
                owners.setdefault(word, set()).add(i)
        # the longest word found at a place stands for the shorter words it begins with too
        self._sets_of = {
            word: frozenset(i for prefix, ids in owners.items() if word.startswith(prefix) for i in ids)
            for word in owners
        }
        self._pattern = re.compile(trie_pattern(owners) or "(?!)")

    def held(self, text: str, lowered: str | None = None) -> frozenset[int]:
        """The indices of the sets `text` holds a word of, in any case (all when unsure: see `folded`)."""
        lowered = folded(text) if lowered is None else lowered
        if lowered is None:
            return frozenset(range(self._count))
        held = set(self._unknown)
        position = 0
        while found := self._pattern.search(lowered, position):
            held |= self._sets_of[found.group()]
            position = found.start() + 1
        return frozenset(held)


# ------------------------------------------------------------------ the words a pattern cannot match without

_MIN_WORD = 3  # shorter words would let nearly every text through


def required_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words of which every match of `pattern` holds one, read from the pattern's syntax tree (None when
    none of at least three characters is certain). A text that holds none of them in any case (`holds_any_folded`)
    holds no match, whatever the pattern's flags: the words are its literal characters, and a character that matches
    an ASCII literal in another case is one of `_ODD_FOLDS` or folds to it with `str.lower`."""
    try:
        words = _words(sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a Python whose private parser reads otherwise: no cheap test, the pattern decides
        return None
    return tuple(sorted(words)) if words else None


def _words(items: Iterable) -> frozenset[str] | None:
    """The best set of words one of which every match of a sequence of pattern items holds: a run of literal
    characters, or the words of an item every match passes through (a group, alternatives that each hold some, a
    repeat of at least one)."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, argument in [*items, (None, None)]:
        if op is sre_constants.LITERAL and argument < 128:
            run.append(chr(argument))
            continue
        if len(run) >= _MIN_WORD:
            options.append(frozenset(["".join(run).lower()]))
        run = []
        inner = _inner_words(op, argument)
        if inner:
            options.append(inner)
    # no word that most texts hold ("the", "was", "ing" of "\w+ing"), then the fewest words, then the longest
    # shortest word: the rarest in a text
    return max(options, key=_rarity, default=None)


_COMMON = frozenset(("the", "was", "were", "been", "its", "ing", "new", "and", "that", "this", "has", "have", "are"))


def _rarity(words: frozenset[str]) -> tuple[bool, int, int]:
    """How seldom a text holds one of `words`, as a sort key (larger: rarer)."""
    return words.isdisjoint(_COMMON), -len(words), min(map(len, words))


def _inner_words(op: object, argument: object) -> frozenset[str] | None:
    """The words a group, alternatives or a repeat holds on every path through it; None for anything else."""
    if op is sre_constants.SUBPATTERN:
        return _words(argument[-1])
    if op is sre_constants.ATOMIC_GROUP:
        return _words(argument)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        return _words(argument[2]) if argument[0] >= 1 else None
    if op is sre_constants.BRANCH:
        branches = [_words(branch) for branch in argument[1]]
        return None if not all(branches) else frozenset().union(*branches)
    return None
