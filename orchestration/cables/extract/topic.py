"""Whether a cable, and each of its paragraphs, is about trafficking in persons (TIP).

Victim and trafficking-enforcement figures mean what the measure vocabulary says only in that
context: "three service chiefs" in a defence cable are not victims assisted. A cable is about TIP
when its tags say so (`KTIP`), when its subject does, or when much of its body does; a paragraph
of another cable is about TIP when it speaks of it itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.cables.extract.text_scan import folded, holds_any_folded, required_words
from orchestration.cables.model import Cable, Paragraph

TIP_TAGS = frozenset({"KTIP"})
# the words of trafficking in persons and of the exploitation it serves
_TIP_TERMS = re.compile(
    r"\b(?:(?:human|child|labou?r|sex)[\s-]+traffick\w*|traffick\w*\s+(?:in|of)\s+(?:persons|people|human|women|"
    r"children|girls|boys|minors|workers)|traffick(?:ed|ing)\s+(?:victims?|persons|women|children)|"
    r"anti-?traffick\w*|(?-i:TIP|TVPA|G/TIP)|"
    r"forced\s+(?:labou?r|prostitution|marriage|begging)|bonded\s+labou?r|debt\s+bondage|"
    r"sex(?:ual)?\s+exploitation|commercially\s+sexually|commercial\s+sex(?:ual)?|prostitut\w+|brothels?|"
    r"sex\s+(?:work(?:ers?)?|tourism|trade|industry)|servitude|slave(?:ry|-like)?|child\s+labou?r)\b",
    re.IGNORECASE,
)
# the words of which every match of _TIP_TERMS holds one (the cheap test first)
_TIP_WORDS = required_words(_TIP_TERMS)
# "trafficking" alone: of persons unless the text speaks of trafficking goods
_BARE_TRAFFICKING = re.compile(r"\btraffick(?:ing|ed|ers?)\b", re.IGNORECASE)
# trafficking of goods is not trafficking in persons: "drug trafficking", "arms traffickers"
_GOODS_TRAFFICKING = re.compile(
    r"\b(?:drugs?|narcotics?|narco|cocaine|heroin|opium|arms|weapons?|guns?|firearms?|wildlife|ivory|timber|"
    r"cigarettes?|tobacco|fuel|oil|nuclear|explosives?|counterfeit\w*|goods|contraband|antiquities)"
    r"[\s-]+traffick\w*|\btraffick\w*\s+(?:in|of)\s+(?:drugs|narcotics|arms|weapons|cocaine|heroin)\b",
    re.IGNORECASE,
)
# "traffick", which every match of these two holds
_TRAFFICKING_WORDS = required_words(_BARE_TRAFFICKING)
# a cable whose body speaks of TIP this often is about it, whatever its tags
_BODY_SHARE = 0.3
_BODY_MIN_PARAGRAPHS = 2


@dataclass(frozen=True)
class Topic:
    """A cable's TIP context: the cable as a whole, and each paragraph by ordinal."""

    cable_is_tip: bool
    paragraphs: dict[int, bool]

    def of(self, paragraph: Paragraph) -> bool:
        """True when figures and events of `paragraph` are read in the TIP sense."""
        return self.cable_is_tip or self.paragraphs.get(paragraph.ordinal, False)


def speaks_of_tip(text: str, goods_context: bool = False) -> bool:
    """True when `text` names trafficking in persons or the exploitation it serves (not drugs or arms).

    A bare "trafficking" counts unless the text, or with `goods_context` the whole cable, speaks of
    trafficking goods ("drug trafficking ... the traffickers").
    """
    lowered = folded(text)
    # the cheap tests first: most text names none of the words the patterns need
    if holds_any_folded(text, _TIP_WORDS, lowered) and _TIP_TERMS.search(text):
        return True
    return not goods_context and names_trafficking(text, lowered)


def names_trafficking(text: str, lowered: str | None = None) -> bool:
    """True when `text` itself says "trafficking" (or "trafficked", "traffickers") of persons, not of goods.

    Stricter than `speaks_of_tip`: outside a cable about TIP, "slave-like conditions" or "prostitution" in a
    scene-setter's line is too weak a sign that its figure counts trafficking victims.
    """
    return (
        holds_any_folded(text, _TRAFFICKING_WORDS, lowered)
        and bool(_BARE_TRAFFICKING.search(text))
        and not _GOODS_TRAFFICKING.search(text)
    )


# where a cable keeps its topic once computed (metrics and events both ask for it)
_MEMO = "_tip_topic"


def cable_topic(cable: Cable) -> Topic:
    """The TIP context of a cable and of each of its paragraphs, computed once per cable (again if what it is read
    from has changed)."""
    key = (tuple(cable.tags), cable.subject, cable.body_subject, tuple((p.ordinal, p.text) for p in cable.paragraphs))
    memo = cable.__dict__.get(_MEMO)
    if memo is None or memo[0] != key:
        memo = cable.__dict__[_MEMO] = (key, _topic(cable))
    return memo[1]


def _topic(cable: Cable) -> Topic:
    goods = any(
        holds_any_folded(p.text, _TRAFFICKING_WORDS) and _GOODS_TRAFFICKING.search(p.text) for p in cable.paragraphs
    )
    paragraphs = {p.ordinal: speaks_of_tip(p.text, goods) for p in cable.paragraphs}
    tagged = bool(TIP_TAGS & {tag.upper().strip(",;") for tag in cable.tags})
    subject = " ".join(filter(None, [cable.subject, cable.body_subject]))
    tip_paragraphs = sum(paragraphs.values())
    by_body = tip_paragraphs >= _BODY_MIN_PARAGRAPHS and tip_paragraphs >= _BODY_SHARE * max(len(paragraphs), 1)
    return Topic(tagged or speaks_of_tip(subject) or by_body, paragraphs)
