"""Who a figure counts: qualifiers of the counted group (children, female, foreign nationals, sex or labour
trafficking) read from the phrase around the figure."""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from orchestration.cables.extract.currencies import demonyms, territory_names
from orchestration.cables.extract.text_scan import trie_pattern
from orchestration.cables.model import Cable

if TYPE_CHECKING:
    from orchestration.cables.extract.metric_candidates import Candidate

_BREAKDOWN = [
    (
        "sex_trafficking",
        re.compile(
            r"\bsex(?:ual)?\s+(?:trafficking|exploitation)|\bcommercial\s+sex|\bprostitution|"
            r"\bsex\s+workers?",
            re.I,
        ),
    ),
    (
        "labor_trafficking",
        re.compile(
            r"\blabou?r\s+(?:trafficking|exploitation|cases?)|\bexploitative\s+labou?r|"
            r"\bforced\s+labou?r|\btrafficking\s+for\s+labou?r|\bfor\s+labou?r\b",
            re.I,
        ),
    ),
    (
        "children",
        re.compile(
            r"\b(?:children|child|minors?|girls?|boys?|underage|juveniles?|infants?|talib[eé]?s?|"
            r"under\s+the\s+age\s+of\s+18|teenagers?|orphans?)\b",
            re.I,
        ),
    ),
    ("adults", re.compile(r"\badults?\b", re.I)),
    ("female", re.compile(r"\b(?:women|woman|girls?|females?|mothers?|wives|brides|sex\s+workers?)\b", re.I)),
    ("male", re.compile(r"\b(?:men|man|boys?|males?)\b", re.I)),
    ("foreign_nationals", re.compile(r"\bforeign(?:ers?)?\b|\bforeign\s+nationals?\b", re.I)),
]
# adjectives of nationality: the library's, and the reporting country's own; as a prefix tree, which tries the longer
# of two names first as the alternation sorted longest first did ("South African" before "South")
DEMONYM_RE = re.compile(rf"({trie_pattern(demonyms() | {'American', 'U.S.'}, word_start=True)})(?:s)?\b")
# an adjective of nationality the library lacks, known by its ending and the noun it qualifies: "Senegalese
# government", "Togolese children" (countries of a shared currency have none of their own); "(?<!\w.)" after the
# capital is "\b" before it (text_scan.WORD_START)
_NATIONALITY_BEFORE_NOUN = re.compile(
    r"([A-Z](?<!\w.)[a-z]+(?:ese|ian|an|i))\s+(?:government|authorities|police|nationals|citizens|children|women|men|girls|"
    r"boys|victims|workers|officials|courts?|laws?|NGOs?)\b"
)


def host_demonym(cable: Cable, country: str | None = None) -> str | None:
    """The adjective of the cable's country (ISO code `country`, the one it names most): the nationality it names
    most among those of that country's name ("Senegal": "Senegalese"), else the nationality it names most."""
    counts: Counter[str] = Counter()  # counted in C, in the order first named (which breaks ties, as before)
    for p in cable.paragraphs:
        for pattern in (DEMONYM_RE, _NATIONALITY_BEFORE_NOUN):
            counts.update(pattern.findall(p.text))
    counts.pop("U.S.", None)
    counts.pop("American", None)
    stems = _name_stems(country)
    own = {adjective: n for adjective, n in counts.items() if adjective[:4] in stems}
    candidates = own or counts
    return max(candidates, key=candidates.get) if candidates else None


@functools.cache
def _name_stems(country: str | None) -> frozenset[str]:
    """The first four letters of each name of a country ("Sene" of "Senegal"), which its nationality shares."""
    return frozenset(name[:4] for name, code in territory_names().items() if code == country)


def breakdown_of(phrase: str, host: str | None) -> list[str]:
    out = [name for name, pattern in _BREAKDOWN if pattern.search(phrase)]
    for m in DEMONYM_RE.finditer(phrase):
        if m.group(1) != host and "foreign_nationals" not in out:
            out.append("foreign_nationals")
    order = [name for name, _ in _BREAKDOWN]
    return sorted(set(out), key=order.index)


def phrase_of(text: str, c: Candidate) -> str:
    """The words around a figure that say whom it counts: the word before and the noun phrase after ("seven of the
    12 women": the noun phrase of the total)."""
    n = c.number
    if c.total_at >= 0:
        total = re.match(r"\S+\s*", text[c.total_at :])
        stop = re.search(r"[,;.]|\d| and | but | while ", text[c.total_at + total.end() :])
        end = c.total_at + total.end() + (stop.start() if stop else len(text))
        return text[n.start : n.end] + " " + text[c.total_at + total.end() : end]
    stop = re.search(r"[,;.]|\d| and | but | while ", text[n.end :])
    end = n.end + (stop.start() if stop else len(text) - n.end)
    start_words = text[: n.start].split()[-1:]
    return " ".join(start_words) + " " + text[n.start : end]
