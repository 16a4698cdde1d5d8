"""A figure that continues its neighbour: a part of the figure before it ("15 of whom"), the next item of a list
("58 to Guinea Bissau, 19 to the Gambia"), a bracketed breakdown ("Uzbekistan (30)"), another group after a contrast
("..., while 43,445 chose to remain")."""

from __future__ import annotations

import re

from orchestration.cables.extract.metric_breakdown import DEMONYM_RE
from orchestration.cables.extract.metric_candidates import PERSON_MEASURES, SUBGROUP_NOUNS, Candidate, noun_class

_LISTED = re.compile(
    r"[^.;:()]{0,120}?(?:,\s*(?:and\s+)?|\s+and\s+|\s+along\s+with\s+|\s+as\s+well\s+as\s+|"
    r"\s+together\s+with\s+|\s+plus\s+)"
)


def part_of_previous(
    c: Candidate,
    after: str,
    clause_before: str,
    siblings: list[Candidate],
    chosen: str | None,
    cls: str | None,
    cue_after: str | None,
) -> bool:
    """A part of the figure before it ("23 traffickers, 15 of whom", "including 12") counts the same thing."""
    part_of = re.match(r"\s+of\s+(?:whom|which|them)\b", after) or re.search(
        r"\b(?:among\s+them|of\s+whom|of\s+which|among\s+whom|including)[\s,]+(?:there\s+(?:were|are)\s+)?$",
        clause_before,
    )
    if (
        siblings
        and part_of
        and (chosen in (None, "population_estimate") or cls in (None, "person"))
        and siblings[-1].measure not in ("money", "share")
        and cue_after is None
    ):
        c.measure, c.basis, c.parent = siblings[-1].measure, "inherit", siblings[-1]
        c.noun = c.noun or siblings[-1].noun
        return True
    return False


def continues_neighbour(
    c: Candidate, text: str, cls: str | None, cue: str | None, siblings: list[Candidate], earlier: list[Candidate]
) -> bool:
    """A figure without a cue of its own continues its neighbour: a list ("58 to Guinea Bissau, 19 to the
    Gambia"), a bracketed breakdown ("Uzbekistan (30)"), a sentence opening on "Of" the previous total."""
    n, noun = c.number, c.noun
    before = text[: n.start]
    if siblings and siblings[-1].measure == "money" and cls is None and cue is None:
        # "used to cost you 20 dinars and now it's up to 40 or 50": more amounts of the same money
        if re.fullmatch(r"[^.;:()\d]{0,40}", text[siblings[-1].number.end : n.start]):
            c.measure, c.basis, c.currency = "money", "inherit", siblings[-1].currency
            return True
    contrast = siblings and re.search(r"\b(?:while|whereas|but)\b", text[siblings[-1].number.end : n.start])
    if contrast and cls is None:
        c.measure, c.basis = "other", "inherit"  # "..., while 43,445 chose to remain": a count of another group
        c.noun = siblings[-1].noun  # "India has 4,700 tanks ..., while Pakistan has only 2,600"
        return True
    if siblings and siblings[-1].measure in PERSON_MEASURES | {"other", "cases"} and not contrast:
        # (not "12,897 workers returned ..., while 43,445 chose to remain": another group)
        previous = siblings[-1]
        listed = bool(_LISTED.fullmatch(text[previous.number.end : n.start])) and cue is None
        if cls is None or listed and noun_class(previous.noun) == "person" or _same_group(noun, previous):
            c.measure, c.basis = previous.measure, "inherit"
            if previous.parent is not None and re.search(r"\(\s*$", before):
                c.parent = previous.parent  # "Uzbekistan (30), Turkmenistan (25)": parts of the same total
                c.row = _label_before(before)
            if cls is None:
                c.noun = previous.noun
            return True
    last = earlier[-1] if earlier and earlier[-1].paragraph is c.paragraph else None
    if (
        (cls is None or noun in ("victims", "victim"))
        and re.search(r"\(\s*$", before)
        and last is not None
        and last.measure in PERSON_MEASURES | {"other"}
    ):
        c.measure, c.basis = last.measure, "inherit"
        c.noun = last.noun
        c.parent = last.parent or last
        c.row = _label_before(before)
        return True
    if (
        last is not None
        and not siblings
        and last.measure in PERSON_MEASURES
        and re.match(r"\s*(?:Of|Among|Out of)\b", text)
    ):
        c.measure, c.basis = last.measure, "inherit"
        return True
    return False


def _label_before(before: str) -> str | None:
    """The name a bracketed figure belongs to: "Uzbekistan" of "Uzbekistan (30)"."""
    m = re.search(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\(\s*$", before)
    return m.group(1) if m else None


def _same_group(noun: str, previous: Candidate) -> bool:
    """The same people as the figure before, or a subgroup of them: "20 Cambodians, 15 Vietnamese", "12 girls"."""
    return noun_class(previous.noun) in ("person", None) and bool(
        noun.rstrip("s") == (previous.noun or "").rstrip("s")
        or noun in SUBGROUP_NOUNS
        or DEMONYM_RE.match(noun.capitalize())
    )
