"""Find numbers written in digits or in words ("1,009", "65.6", "nine", "sixty five", "3 million")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from orchestration.cables.extract.currencies import currency_codes
from orchestration.cables.extract.text_scan import holds_any, holds_any_folded, trie_pattern

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
FRACTIONS = {
    "half": 50.0,
    "one-half": 50.0,
    "one-third": 100 / 3,
    "a third": 100 / 3,
    "two-thirds": 200 / 3,
    "one-quarter": 25.0,
    "a quarter": 25.0,
    "three-quarters": 75.0,
}

_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_SCALE = "|".join(SCALES)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a word number: "sixty five", "twenty-one", "one hundred twenty", optionally followed by a scale
_UNIT_WORD = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_WORD = "|".join(TENS)
_SMALL = rf"(?:(?:{_TENS_WORD})(?:[\s-](?:{_UNIT_WORD}))?|(?:{_UNIT_WORD}))"
_WORDNUM = rf"(?:{_SMALL}(?:\s(?:hundred|thousand)(?:\s(?:and\s)?{_SMALL})?)?)"
# digits glued to a currency code ("USD18") or carrying a short scale ("USD 155K") are checked in find_numbers
NUMBER_RE = re.compile(
    rf"(?:(?:(?<![\w.,/-])|(?<=\b[A-Z]{{3}}))(?P<digits>{_DIGITS})(?-i:(?P<abbr>K|M|bn|mn))?|"
    rf"(?<![\w.,/])(?P<words>{_WORDNUM}))(?:\s+(?P<scale>{_SCALE}))?(?![\w]|[.,]\d|-\d|/\d|:\d)",
    re.IGNORECASE,
)
_ABBREVIATED_SCALES = {"K": 1_000, "M": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# an amount of money: only there is "155K" a number
_MONEY_SIGN_BEFORE = re.compile(r"(?:[$€£¥₪]|\b[A-Z]{2,3}\$?)\s?$")
FRACTION_RE = re.compile(
    r"(?<![\w-])(two-thirds|one-third|one-half|three-quarters|one-quarter|half(?=\s+of\b))(?![\w-])", re.I
)


@dataclass(frozen=True)
class NumberMatch:
    """A number found in a text: its span, its value and how it is written."""

    start: int
    end: int
    value: float
    text: str
    is_word: bool
    scale: str | None = None


def words_value(text: str) -> float | None:
    """Value of a number written in words ("sixty five" -> 65, "one hundred twenty" -> 120)."""
    total, current = 0, 0
    for token in re.split(r"[\s-]+", text.lower()):
        if token == "and":
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return float(total + current)


# Where a number may start: a digit, or a word whose first three letters may begin a number word ("thr" of "three",
# "thirteen", "thirty"; in any case). NUMBER_RE's leading look-behinds make the engine try it at every place of a
# text; this pattern opens on a set of characters, so the engine skips to them: a digit, or the first letter of a
# number word in either case ("ſ" is an "s" to case-insensitive matching), which must begin a word ("(?<!\w.)" after
# it is "\b" before it) and go on as one does.
_NUMBER_WORDS = [*UNITS, *TENS]
_FIRST_LETTERS = sorted({word[0] for word in _NUMBER_WORDS})
_NUMBER_START = re.compile(
    rf"[\d{''.join(_FIRST_LETTERS)}{''.join(_FIRST_LETTERS).upper()}\u017f]"
    rf"(?:(?<=\d)|(?<!\w.)(?i:{trie_pattern({word[1:3] for word in _NUMBER_WORDS})}))"
)
# every fraction FRACTION_RE reads holds one of these words
_FRACTION_WORDS = ("half", "third", "quarter")


# the number words no shorter one begins ("six" stands for "sixteen" and "sixty"): a number in words starts with one
_NUMBER_WORD_STARTS = tuple(w for w in _NUMBER_WORDS if not any(w != v and w.startswith(v) for v in _NUMBER_WORDS))
_ASCII_DIGITS = tuple("0123456789")


def _holds_no_number(text: str) -> bool:
    """Whether an ASCII text surely holds no match of NUMBER_RE: no digit and no number word in any case (a few
    substring tests, where _NUMBER_START stops at every "t", "e", "s"... of the many sentences that hold none).
    Only for ASCII texts, where \\d is a digit of these and case-insensitive matching is `str.lower`'s."""
    return text.isascii() and not holds_any(text, _ASCII_DIGITS) and not holds_any(text.lower(), _NUMBER_WORD_STARTS)


def _number_matches(text: str) -> Iterator[re.Match]:
    """The matches of NUMBER_RE in `text`, as `finditer` gives them, trying the pattern only where a number may start
    (a match at a place holds look-behinds on the text before it, as in `finditer`)."""
    if _holds_no_number(text):
        return
    position = 0
    while start := _NUMBER_START.search(text, position):
        match = NUMBER_RE.match(text, start.start())
        if match:
            yield match
            position = match.end()  # matches are never empty
        else:
            position = start.start() + 1


def find_numbers(text: str) -> list[NumberMatch]:
    """All numbers of a text, left to right; a trailing scale word ("million") is part of the number."""
    found = []
    for match in _number_matches(text):
        if match.group("digits"):
            glued = match.start() and text[match.start() - 1].isalpha()
            if glued and text[match.start() - 3 : match.start()] not in currency_codes():
                continue  # "MSI9229", "AD66": an identifier, not an amount
            abbr = match.group("abbr")
            if abbr and not _MONEY_SIGN_BEFORE.search(text[max(0, match.start() - 5) : match.start()]):
                continue  # "3M", "400M": a name or a distance
            value = float(match.group("digits").replace(",", "")) * _ABBREVIATED_SCALES.get(abbr, 1)
            is_word = False
        else:
            hyphen = re.search(r"([A-Za-z]+)-$", text[max(0, match.start() - 12) : match.start()])
            if hyphen and hyphen.group(1).lower() not in UNITS and hyphen.group(1).lower() not in TENS:
                continue  # "anti-one", but "five-ten" is two numbers
            parsed = words_value(match.group("words"))
            if parsed is None:
                continue
            value, is_word = parsed, True
        scale = match.group("scale")
        if scale:
            value *= SCALES[scale.lower()]
        found.append(NumberMatch(match.start(), match.end(), value, match.group(0), is_word, scale))
    for match in FRACTION_RE.finditer(text) if holds_any_folded(text, _FRACTION_WORDS) else ():
        if re.search(
            r"\b(?:first|second|last|latter|former|other)\s+$", text[max(0, match.start() - 8) : match.start()], re.I
        ):
            continue  # "the first half of 2009" is a period
        found.append(NumberMatch(match.start(), match.end(), FRACTIONS[match.group(1).lower()], match.group(0), True))
    fractions = [n for n in found if n.text.lower() in FRACTIONS]
    found = [n for n in found if n in fractions or not any(f.start <= n.start < f.end for f in fractions)]
    found.sort(key=lambda n: n.start)
    return found
