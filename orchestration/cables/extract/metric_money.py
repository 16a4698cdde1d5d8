"""Money figures: the currency around a figure, penalties that are law rather than statistics, and ranges whose
ends share a currency and scale ("between three and ten million riels")."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from orchestration.cables.extract.currencies import (
    Currency,
    abbreviations_of,
    currencies,
    is_english_word,
    names_of,
)
from orchestration.cables.extract.numbers import SCALES, NumberMatch
from orchestration.cables.extract.text_scan import trie_pattern

if TYPE_CHECKING:
    from orchestration.cables.extract.metric_candidates import Candidate


@functools.cache
def _signs(host: str | None) -> tuple[_Signs, ...]:
    """The signs a cable of `host`'s country may use: the few it coins for its own currency ("CFAF", "pounds" in
    Egypt), then those of every currency (compiled once: the patterns are long)."""
    own = _Signs.of_host(currencies()[host]) if host in currencies() else None
    return (own, _common_signs()) if own else (_common_signs(),)


@functools.cache
def _common_signs() -> _Signs:
    before: dict[str, set[str]] = {"$": {"USD"}}  # the reporting officer's dollar; others are "R$", "HK$"...
    codes: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for currency in currencies().values():
        for table in (before, codes):
            table.setdefault(currency.code, set()).add(currency.code)
        for symbol in {s.rstrip(".") or s for s in currency.symbols} - {"$"}:
            before.setdefault(symbol, set()).add(currency.code)
        for name in names_of(currency):
            if not is_english_word(name) or " " in name:
                names.setdefault(name, set()).add(currency.code)
    return _Signs(before, codes, names)


class _Signs:
    """Currency signs by where they stand: before an amount ("USD", "$", "NIS", "Euro"), or after it ("USD",
    "CFAF" as written; "dinars", "CFA francs" in any case). Each maps to the codes it may stand for."""

    def __init__(self, before: dict[str, set[str]], codes: dict[str, set[str]], names: dict[str, set[str]]):
        self.before, self.codes, self.names = before, codes, names
        # "Rs. 500", "US $800,000", "Euro 100 million", "Reals 70.3 million"
        self.before_re = re.compile(
            rf"(?<![A-Za-z])(?:(?P<us>U\.?S\.?\s*\$)|(?P<sign>{_alternatives(before)})\.?|"
            rf"(?i:(?P<name>{_alternatives(names)})))\s?$"
        )
        self.code_re = re.compile(rf"\s*(?P<sign>{_alternatives(codes)})(?![\w$])")
        self.name_re = re.compile(rf"\s*(?P<name>{_alternatives(names)})(?![\w$])", re.I)

    @classmethod
    def of_host(cls, currency: Currency) -> _Signs | None:
        """The signs only a cable of the currency's country reads as money: "pounds" in Egypt, "CFAF" in Senegal."""
        own = {currency.code}
        names = {n: own for n in names_of(currency) if is_english_word(n) and " " not in n}
        signs = {sign: own for sign in abbreviations_of(currency)}
        return cls(signs, signs, names) if names or signs else None


class MoneyReader:
    """Tells whether a figure is an amount of money, and in which currency, from the signs around it ("USD 750",
    "$2650", "NIS 340 million", "1000 dinars", "5,000,000 riels", "50,000 CFAF"), in a cable of a given country
    that names some others."""

    def __init__(self, host_codes: list[str], named_codes: set[str] = frozenset()):
        self.host = host_codes[0] if host_codes else None
        self.signs = _signs(self.host)
        # a sign of letters ("COP", "Rs", "NIS") stands for a currency of a country the cable names, or the dollar or
        # euro: "COP 16" in a cable about climate talks is a conference
        self.allowed = set(host_codes) | set(named_codes) | {"USD", "EUR"}
        self._shaped = True

    def currency(self, before: str, after: str, n: NumberMatch | None = None) -> str | None:
        """The currency of the figure `n` between `before` and `after`: a code, "" when the currency is unknown, None
        when the figure is no amount of money."""
        # a code of a currency the cable has no reason for stands for money before a sum shaped like one: "GBP 269
        # million", "COP 30,000", but not "COP 16"
        self._shaped = n is None or bool(n.scale) or bool(re.search(r"[,.]\d", n.text))
        for signs in self.signs:
            m = signs.before_re.search(before[-14:])
            if m:
                if m.group("us"):
                    return "USD"
                if m.group("name"):
                    return self._choose(signs.names[m.group("name").lower()])
                return self._choose(signs.before[m.group("sign")], m.group("sign").isalpha())
        for signs in self.signs:
            m = signs.code_re.match(after)
            if m:
                return self._choose(signs.codes[m.group("sign")], letters=True)
        for signs in self.signs:
            m = signs.name_re.match(after)
            if m:
                return self._choose(signs.names[m.group("name").lower()])
        return None

    def _choose(self, codes: set[str], letters: bool = False) -> str | None:
        """The currency a sign stands for: a sign of letters only among the allowed; of several, the host's, else
        the dollar, else unknown (""): still money."""
        if letters and not self._shaped:
            codes = codes & self.allowed
            if not codes:
                return None
        if len(codes) == 1:
            return next(iter(codes))
        if self.host in codes:
            return self.host
        return "USD" if "USD" in codes else ""

    def heading(self, before: str) -> str | None:
        """The currency named (without an amount) before the colon that opens the list a figure is in: "USD
        equivalent value for the prizes were: ..., 4000 for first place"."""
        colon = before.rfind(":")
        if colon < 0 or "." in before[colon:] or before[:colon].isupper():
            return None  # no list, or an all-caps heading ("MAKING REAL PROGRESS REF: 08 BRASILIA 1159")
        for word in re.findall(r"(?<![\w/])[A-Za-z]+(?![\w/])", before[:colon]):
            for signs in self.signs:
                codes = signs.codes.get(word) if word.isupper() else signs.names.get(word)
                if codes:
                    return self._choose(codes, letters=word.isupper())
        return None

    def converted(self, before: str, after: str) -> str | None:
        """The currency of an amount followed by its conversion in brackets, "BD 10 (USD 26.50)", "340 million
        (USD 81 million)": the host's (whatever sign the cable uses for it), "" when the cable's country is unknown."""
        m = _CONVERSION.match(after)
        if not m:
            return None
        inner = m.group("amount")
        digits = re.search(r"\d[\d,.]*(?:\s*(?:million|billion|thousand))?", inner)
        if self.currency(inner[: digits.start()], inner[digits.end() :]) is None:
            return None
        return self.host or ""


# an amount in brackets right after a figure (and perhaps its sign or scale): "(USD 26.50)", "(approximately $400)"
_CONVERSION = re.compile(
    r"\s*(?:[A-Za-z.]{1,12}\s+)?\(\s*(?:(?:about|approximately|approx\.|around|roughly|some|nearly|almost|over|"
    r"more\s+than|less\s+than|or|ca\.|~)\s*)?(?P<amount>[^()\d]{0,6}\d[\d,.]*(?:\s*(?:million|billion|thousand))?"
    r"[^()\d]{0,25})\)"
)


def _alternatives(words: dict) -> str:
    """The words as a prefix tree: it tries the longer of two words first, as an alternation sorted longest first
    does, and a few branches at each place instead of hundreds of signs and names."""
    return trie_pattern(words) or "(?!)"


PENALTY = re.compile(
    r"\b(?:punish\w*|penalt(?:y|ies)\s+(?:of|for)|imprisonment|shall|liable|not\s+to\s+exceed|"
    r"no\s+less\s+than|not\s+less\s+than|not\s+more\s+than|a\s+fine\s+(?:of|between|ranging)|"
    r"fines?\s+(?:up\s+to|ranging|between))\b",
    re.I,
)


def distribute_ranges(cands: list[Candidate], text: str) -> None:
    """ "between three and ten million riels", "USD 800 to 4,000": the first end takes the second's scale/currency."""
    for left, right in zip(cands, cands[1:], strict=False):
        between = text[left.number.end : right.number.start]
        if not re.fullmatch(r"\s*(?:-|–|to|and|or)\s*(?:USD|US\$|\$)?\s*", between):
            continue
        if right.measure == "money" and left.measure != "money":
            left.measure, left.currency, left.basis = "money", right.currency, "money"
            if right.number.scale and not left.number.scale and left.number.value < 1000:
                factor = right.number.value / _unscaled(right.number)
                left.number = NumberMatch(
                    left.number.start,
                    left.number.end,
                    left.number.value * factor,
                    left.number.text,
                    left.number.is_word,
                    right.number.scale,
                )
        elif left.measure == "money" and right.measure != "money":
            right.measure, right.currency, right.basis = "money", left.currency, "money"
        elif left.measure == "share" or right.measure == "share":
            left.measure = right.measure = "share"


def _unscaled(n: NumberMatch) -> float:
    return n.value / SCALES[n.scale.lower()] if n.scale else n.value
