"""Parts and their totals: "21 cases, of which nine ...", "Of the 15 victims, 13 were girls", "seven foreign
nationals (four Americans, ...)"."""

from __future__ import annotations

import re

from orchestration.cables.extract.metric_candidates import Candidate

_CLAUSE_BREAK = re.compile(r";|\bcompared\b|\bwhile\b|\bwhereas\b|\bbut\b|\bversus\b|\bup\s+from\b|\bdown\s+from\b")
_PART_MARKER = re.compile(
    r"\b(?:of\s+which|of\s+whom|among\s+them|among\s+whom|including|"
    r"out\s+of\s+(?:those|these|them)|of\s+these|of\s+those)\b",
    re.I,
)


def link_parents(cands: list[Candidate], text: str, earlier: list[Candidate]) -> None:
    """Parts point at their total: "21 cases, of which nine ... and 12 ...", "Of the 15 victims, 13 were girls"."""
    if not cands:
        return
    for part in cands:
        if part.total_at >= 0 and part.parent is None:
            # "seven of the 12 women", "three out of 10 victims": the total follows its part
            part.parent = next((t for t in cands if t.number.start == part.total_at), None)
    for i, part in enumerate(cands):
        # "23 traffickers, 15 of whom received prison sentences"
        if i and part.parent is None and re.match(r"\s+of\s+(?:whom|which|them)\b", text[part.number.end :]):
            same = [t for t in cands[:i] if t.measure == part.measure]
            part.parent = (same or cands[:i])[-1]
    for marker in _PART_MARKER.finditer(text):
        totals = [c for c in cands if c.number.end <= marker.start()]
        if not totals:
            continue
        stop = _CLAUSE_BREAK.search(text, marker.end())
        limit = stop.start() if stop else len(text)
        for part in (c for c in cands if marker.end() <= c.number.start < limit):
            if part.parent is not None:
                continue
            same = [t for t in totals if t.measure == part.measure]
            part.parent = (same or totals)[-1] if (same or totals[-1].measure != "money") else None
            if part.parent and part.parent.measure in ("money", "share") and part.measure != part.parent.measure:
                part.parent = None
    if re.match(r"\s*(?:Of|Among|Out\s+of)\s+(?:the|this|these|those)?\b", text) and len(cands) > 1:
        total = cands[0]
        for part in cands[1:]:
            if part.parent is None and part.measure == total.measure:
                part.parent = total
    # "seven foreign nationals (four Americans, two French citizens, and one Canadian citizen)"
    for total in cands:
        open_paren = re.match(r"[^()]{0,40}?\(", text[total.number.end :])
        if not open_paren or total.measure == "money":  # "BD 10 (USD 26.50)": a conversion, not a part
            continue
        start = total.number.end + open_paren.end()
        close = text.find(")", start)
        close = close if close >= 0 else len(text)
        for part in cands:
            if (
                start <= part.number.start < close
                and part.parent is None
                and part is not total
                and part.measure == total.measure
            ):
                part.parent = total
