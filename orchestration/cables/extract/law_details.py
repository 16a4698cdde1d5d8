"""What a sentence says of the laws it names: when they were enacted, and which of their articles it cites."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from orchestration.cables.extract import law_patterns as p
from orchestration.cables.extract.law_lexicon import parse_date
from orchestration.cables.extract.law_resolver import LawResolver
from orchestration.cables.extract.text_scan import holds_any

if TYPE_CHECKING:
    from orchestration.cables.extract.law_finders import Found


def date_laws(text: str, resolver: LawResolver, found: list[Found]) -> None:
    """An enactment date the sentence gives a law ("promulgated on February 15", "In 2008, ... passed the law")."""
    sent = resolver.sent
    for i, item in enumerate(found):
        known = item.law.enacted_date
        if known and (known.month, known.day) != (1, 1):
            continue  # a year alone ("law number 1 of 2008") may still get its day
        limit = found[i + 1].start if i + 1 < len(found) else len(text)
        match = p.ENACTED.search(text, item.end, limit)
        date = None
        if match and match.start() - item.end <= 60:
            date = parse_date(re.sub(r"\s+", " ", match.group("date")))
        else:
            before = p.ENACTED_BEFORE.search(text[: item.start])
            if before and not any(f.end <= item.start and f.start >= before.start() for f in found):
                date = parse_date(re.sub(r"\s+", " ", before.group("date")))
        if date and date <= sent and (known is None or date.year == known.year):
            item.law = resolver.dated(item.law, date)


def attach_articles(text: str, found: list[Found]) -> None:
    """Articles cited with a law ("Article 16 of the ...", "the Labor Law, Article 368") are kept with it."""
    if not found or not holds_any(text, p.ARTICLES_WORDS):
        return
    for match in p.ARTICLES.finditer(text):
        label = {"Art.": "Article", "Articles": "Article", "Sections": "Section"}.get(
            match.group("word"), match.group("word")
        )
        after = [f for f in found if f.start >= match.end() and f.start - match.end() <= 12]
        before = [f for f in found if f.end <= match.start()]
        target = after[0] if after else (before[-1] if before else None)
        if target is None:
            continue
        for number in _expand(match.group("nums")):
            article = f"{label} {number}"
            if article not in target.articles:
                target.articles.append(article)


def _expand(numbers: str) -> list[str]:
    """ "173 to 178" -> 173 ... 178; "240 and 241" -> 240, 241."""
    out: list[str] = []
    for part in re.split(r"\s*(?:,|and)\s*", numbers):
        match = re.fullmatch(r"(\d+)\s*(?:to|through|-)\s*(\d+)", part.strip())
        if match and 0 < int(match.group(2)) - int(match.group(1)) <= 30:
            out.extend(str(n) for n in range(int(match.group(1)), int(match.group(2)) + 1))
        elif part.strip():
            out.extend(piece for piece in re.split(r"\s*(?:to|through|-)\s*", part.strip()) if piece)
    return out
