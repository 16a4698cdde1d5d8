"""Comparisons: a change stated with its two ends ("arrests rose 77 percent, from 142 in 2007 to 252 in 2008"), a
part and its total ("three out of 10 victims", "seven of the 12 women"), a change in percent ("a ten percent
increase", "diminished by 75 percent") that is no share of a population."""

from __future__ import annotations

import re

from orchestration.cables.extract.metric_cues import after_cue
from orchestration.cables.extract.metric_lexicon import CASE_NOUNS, EVENT_NOUNS

_CHANGE_VERB = (
    r"(?:up|down|increased|decreased|increasing|decreasing|rose|risen|fell|fallen|grew|grown|declined|dropped|"
    r"diminished|jumped|climbed|plunged|plummeted|soared|doubled|tripled|went|reduced|cut|reduction|increase|"
    r"decrease|rise|drop|growth|decline)"
)
_APPROXIMATELY = r"(?:about|nearly|almost|some|approximately|roughly|more\s+than|over|less\s+than|just)\s+"
# "up 77 percent", "diminished by 75 percent", "an increase of 20 percent": the size of a change
CHANGE_BEFORE_PERCENT = re.compile(rf"\b{_CHANGE_VERB}\s+(?:by\s+|of\s+)?(?:{_APPROXIMATELY})?$", re.I)
# "arrests rose ... from": the clause up to the first end of a change
_FROM = re.compile(rf"(?P<subject>[^,;:()]*?)\b{_CHANGE_VERB}\b[^.;:]{{0,60}}?\bfrom\s+(?:{_APPROXIMATELY})?$", re.I)
_FROM_BEFORE = re.compile(rf"\bfrom\s+(?:{_APPROXIMATELY})?$")
_PARTITIVE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|all\s+)?(?=\S)")


def change_subject(text: str, start: int) -> tuple[str | None, int]:
    """For the first end of a change ("... rose from 142 to 252": 142), the measure of what changed, read from the
    subject of the change, and the end of the clause's first figure; else (None, -1)."""
    if not _FROM_BEFORE.search(text, max(0, start - 40), start):
        return None, -1  # the cheap test first: no "from" right before the figure
    m = _FROM.search(text[:start])
    if not m:
        return None, -1
    return subject_measure(m.group("subject")), m.start()


def second_end(text: str, first_end: int, start: int) -> bool:
    """Whether the figure at `start` is the second end of a change whose first end stops at `first_end`: "from 142
    (in 2007) to 252"."""
    return bool(re.fullmatch(r"[^.;:\d]{0,25}?\s+to\s+(?:" + _APPROXIMATELY + r")?", text[first_end:start]))


def subject_measure(subject: str) -> str | None:
    """The measure a noun phrase names: "Arrests", "the number of trafficking cases", "victims identified"."""
    words = re.findall(r"[A-Za-z]+", subject.lower())
    for word in reversed(words):
        if word in EVENT_NOUNS and EVENT_NOUNS[word] != "other":
            return EVENT_NOUNS[word]
    cue = after_cue(subject[subject.lower().find("victim") :]) if "victim" in subject.lower() else None
    if cue:
        return cue
    if any(w in CASE_NOUNS for w in words):
        return "cases"
    return "victims_identified" if "victims" in words else None


def partitive_total(after: str) -> re.Match | None:
    """ "of the 12 women", "out of 10 victims": the figure is a part of the total that follows."""
    return _PARTITIVE.match(after)
