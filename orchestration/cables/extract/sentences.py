"""Split paragraph text into sentences, keeping spans into the paragraph's clean text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orchestration.cables.model import Paragraph

# abbreviations after which a period does not end a sentence
_NO_BREAK = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|No|Nos|Art|Arts|Gen|Lt|Col|Sgt|Gov|Amb|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|"
    r"approx|vs|etc|e\.g|i\.e|U\.S|U\.N|Ref|para|Para)|\b[A-Z]\.[A-Z])\.$"
)
# the longest text `_NO_BREAK` can match ("approx.") and the character before it that its \b looks at, with room to
# spare: searching this much of a candidate's end finds what searching all of it would, in constant time
_NO_BREAK_TAIL = 12
_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9¶-])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph: its text and its span in the paragraph's clean text."""

    text: str
    start: int
    end: int


def split_sentences(paragraph: Paragraph) -> tuple[Sentence, ...]:
    """Sentences of a paragraph's clean text."""
    return _split(paragraph.text)


# the law, metric and event extractors each read a cable's paragraphs sentence by sentence: the split is made once
# (a trafficking report has a few hundred paragraphs; the sentences are immutable, so sharing them is safe)
@lru_cache(maxsize=1024)
def _split(text: str) -> tuple[Sentence, ...]:
    sentences, start = [], 0
    for match in _BOUNDARY.finditer(text):
        tail = text[max(start, match.start() + 1 - _NO_BREAK_TAIL) : match.start() + 1]
        if _NO_BREAK.search(tail):
            continue
        end = match.end()
        stripped = text[start:end].rstrip()
        if stripped:
            sentences.append(Sentence(stripped, start, start + len(stripped)))
        start = end
    if start < len(text) and text[start:].strip():
        sentences.append(Sentence(text[start:].rstrip(), start, len(text.rstrip())))
    return tuple(sentences)
