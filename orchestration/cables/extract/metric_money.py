"""Money figures: the currency around a figure, penalties that are law rather than statistics, and ranges whose
ends share a currency and scale ("between three and ten million riels")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from orchestration.cables.extract.metric_lexicon import CURRENCY_AFTER, CURRENCY_BEFORE
from orchestration.cables.extract.numbers import SCALES, NumberMatch

if TYPE_CHECKING:
    from orchestration.cables.extract.metric_candidates import Candidate


def currency_of(before: str, after: str) -> str | None:
    for pattern, code in CURRENCY_BEFORE:
        if pattern.search(before[-12:]):
            return code
    for pattern, code in CURRENCY_AFTER:
        if pattern.search(after[:25]):
            return code
    return None


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
