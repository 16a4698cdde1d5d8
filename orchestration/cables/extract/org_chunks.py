"""Candidate phrases for organizations: maximal runs of capitalised words within one clause, trimmed of
sentence openers and people's titles."""

from __future__ import annotations

import bisect
import re

from orchestration.cables.extract.org_resolver import is_cap
from orchestration.cables.extract.org_vocabulary import (
    ACRONYM_STOP,
    CONNECTORS,
    LEADING_STOP,
    MONTHS,
    TITLE_WORDS,
    TRAILING_BREAK,
)
from orchestration.cables.model import Paragraph

Token = tuple[str, int, int]  # a word as written, with its start and end in the paragraph's clean text

_WHITESPACE = re.compile(r"\s+")
_GLOSSARY_ENTRY = re.compile(r"(?:^|\s)[A-Z][A-Za-z/&-]*[A-Z][a-z]?:\s+[A-Z]")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[lLdD]['’][A-Z][\w'’-]*|[A-Za-z0-9À-ÿ](?:[\w'’&/À-ÿ-]*[\wÀ-ÿ])?|,")


def glossary_paragraph(paragraph: Paragraph) -> bool:
    """Whether a paragraph is an abbreviations glossary ("MOI: Ministry of Interior" entries)."""
    if paragraph.text.count(":") < 4:
        return False  # a cheap test: each entry holds a colon
    entries = _GLOSSARY_ENTRY.findall(paragraph.text)
    return len(entries) >= 4 and len(entries) * 12 > len(paragraph.text.split()) / 2


def tokens_of(text: str) -> list[Token]:
    """The words and commas of a text, with their offsets."""
    return [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text)]


# A lower-case word that is no connector, then every token after it up to the next capitalised one (any lower-case
# words, digits and commas, with whatever stands between them but an opening parenthesis): one token for the runs,
# where each would be one (a word as `_TOKEN` reads it). The first word ends any run and title; the tokens after it,
# none capitalised (`is_cap`), then change nothing: none starts a run, none is a word in capitals for `_shouting`, nor
# a title word for the word before it. The runs are the same, from far fewer tokens (most tokens are not capitalised).
# The merged token ends with a token of its own, before any "(": a definition's "(" ends no merged token's middle,
# so `last_run_ending_at` finds the text's tokens there.
_LOWER_WORD = r"(?![ld]['’])[a-z](?:[\w'’&/À-ÿ-]*[\wÀ-ÿ])?"
# a token `is_cap` says no to, as `_TOKEN` reads it: one that starts with a character of `_TOKEN`'s first that is not
# upper case ("×" is the one in À-Þ), but not an elided article ("l'accord"); or a comma
_UNCAPITALISED_TOKEN = r"(?![ld]['’])[a-z0-9×ß-ÿ](?:[\w'’&/À-ÿ-]*[\wÀ-ÿ])?|,"
# what stands between two tokens: no character a token starts with (nor "(", see above)
_BETWEEN_TOKENS = r"[^A-Za-z0-9À-ÿ,(]*"
_CONNECTOR_WORD = rf"(?:{'|'.join(sorted(word for word in CONNECTORS if word.isalpha()))})(?![\w'’&/À-ÿ-]*[\wÀ-ÿ])"
# (the first alternative asks for a lower-case letter before its look-aheads: at a space or a stop, most places the
# engine tries, it then fails at once instead of testing every connector)
_RUN_TOKEN = re.compile(
    rf"(?=[a-z])(?!{_CONNECTOR_WORD}){_LOWER_WORD}(?:{_BETWEEN_TOKENS}(?:{_UNCAPITALISED_TOKEN}))*|{_TOKEN.pattern}"
)


def run_tokens_of(text: str) -> list[Token]:
    """`tokens_of(text)` with each stretch of tokens that are not capitalised, from a lower-case word that is no
    connector, read as one token: `capitalised_runs` and `last_run_ending_at` read the same runs from them, faster."""
    return [(m[0], m.start(), m.end()) for m in _RUN_TOKEN.finditer(text)]


def _upper_word(tokens: list[Token], j: int) -> bool:
    """Whether token j exists and is a word in capitals ("MINISTRY")."""
    return 0 <= j < len(tokens) and tokens[j][0].isupper() and len(tokens[j][0]) > 1 and tokens[j][0] != ","


def _shouting(tokens: list[Token], i: int) -> bool:
    """Whether token i is part of an all-capitals heading run."""
    return _upper_word(tokens, i) and (
        _upper_word(tokens, i - 1)
        and _upper_word(tokens, i - 2)
        or _upper_word(tokens, i + 1)
        and _upper_word(tokens, i + 2)
        or _upper_word(tokens, i - 1)
        and _upper_word(tokens, i + 1)
    )


_NGO = re.compile(r"NGO['’]?s?['’]?")
# words that end a run and start none: months, days and cable jargon ("TIP" may name a body: "the TIP Office")
_RUN_BREAKERS = frozenset(MONTHS | (ACRONYM_STOP - {"TIP"}))


def capitalised_runs(
    text: str, units: frozenset[str] = frozenset(), tokens: list[Token] | None = None
) -> list[list[Token]]:
    """Maximal runs of capitalised words joined by connectors, within one clause; `units` (the currency codes
    the cable writes beside amounts) end a run like a month does. `tokens`: the text's, when known."""
    return _runs(text, tokens_of(text) if tokens is None else tokens, 0, units)


def last_run_ending_at(
    text: str, end: int, tokens: list[Token], units: frozenset[str] = frozenset()
) -> list[Token] | None:
    """The last of `capitalised_runs(text[:end], units)` when it ends at `end`, else None (`tokens`: the text's).

    The prefix's tokens are the text's that end by `end` when none straddles it. The runs are read from the last
    gap of punctuation before `end`: such a gap closes any run and title, so nothing before it changes the last run.
    """
    count = bisect.bisect_right(tokens, end, key=lambda token: token[2])
    if count < len(tokens) and tokens[count][1] < end:
        tokens, count = tokens_of(text[:end]), None  # a token straddles the end: tokenise the prefix itself
    tokens = tokens[:count]
    first = len(tokens) - 1
    while first > 0 and not text[tokens[first - 1][2] : tokens[first][1]].strip():
        first -= 1
    runs = _runs(text, tokens, max(first, 0), units)
    return runs[-1] if runs and runs[-1][-1][2] == end else None


def _runs(text: str, tokens: list[Token], first: int, units: frozenset[str]) -> list[list[Token]]:
    """The runs of `capitalised_runs` among tokens[first:]: the state before tokens[first] must be none."""
    runs: list[list[Token]] = []
    current: list[Token] = []

    def close() -> None:
        while current and (current[-1][0] == "," or current[-1][0] in CONNECTORS):
            current.pop()
        if current:
            runs.append(list(current))
        current.clear()

    in_title = False
    for i in range(first, len(tokens)):
        token, start, _ = tokens[i]
        cap = is_cap(token)  # (asked once: read again below)
        if not cap and not current and not in_title:
            continue  # outside a run and a title, only a capitalised word changes anything
        if current:
            gap = text[current[-1][2] : start]
            if gap.strip() or (token == "," and gap):
                close()
        elif in_title:
            gap = text[tokens[i - 1][2] : start]
            if gap.strip() or token in {"and", ",", "&"} or not (cap or token in CONNECTORS):
                in_title = False
            else:
                continue
        if token in _RUN_BREAKERS or token in units or (token.startswith("NGO") and _NGO.fullmatch(token)):
            close()
        elif (
            (token in TRAILING_BREAK or token in {"Program", "Project"} and _following(tokens, i) in TRAILING_BREAK)
            and current
            and any(t[0] not in CONNECTORS for t in current)
        ):
            close()
            in_title = True
        # (a word not in capitals is no heading's: most are not, and asking costs a call)
        elif cap and not (len(token) > 1 and token.isupper() and _shouting(tokens, i)):
            current.append(tokens[i])
        elif current and (token == "," or token in CONNECTORS):
            current.append(tokens[i])
        elif current and token.isdigit() and current[-1][0] in {"Company", "No", "Unit", "Brigade", "Division"}:
            current.append(tokens[i])
        else:
            close()
    close()
    return runs


def _following(tokens: list[Token], i: int) -> str:
    """The word after token i ("" at the end)."""
    return tokens[i + 1][0] if i + 1 < len(tokens) else ""


def trim(tokens: list[Token]) -> list[Token]:
    """A run without its leading openers and connectors, a person's title before "of", or trailing connectors."""
    tokens = list(tokens)
    changed = True
    while tokens and changed:
        changed = False
        while tokens and (tokens[0][0] in LEADING_STOP or tokens[0][0] in CONNECTORS or tokens[0][0] == ","):
            tokens.pop(0)
            changed = True
        if tokens and tokens[0][0] in TITLE_WORDS:
            words = [t[0] for t in tokens]
            if "of" in words:
                tokens = tokens[words.index("of") + 1 :]
                changed = True
            elif all(w in TITLE_WORDS or w in CONNECTORS for w in words[:2]):
                tokens.pop(0)
                changed = True
    while tokens and (tokens[-1][0] in CONNECTORS or tokens[-1][0] == ","):
        tokens.pop()
    return tokens


def text_of(text: str, tokens: list[Token]) -> str:
    """The text a run of tokens covers, with whitespace collapsed."""
    return text_between(text, tokens[0][1], tokens[-1][2])


def text_between(text: str, start: int, end: int) -> str:
    """`text[start:end]` with whitespace collapsed (`text_of` of tokens from `start` to `end`)."""
    covered = text[start:end]
    if covered.isprintable() and "  " not in covered:
        return covered  # a cheap test: every whitespace character but the space is unprintable
    return _WHITESPACE.sub(" ", covered)
