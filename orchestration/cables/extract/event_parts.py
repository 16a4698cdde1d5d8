"""Actors and law named in an event sentence: capitalised-phrase and acronym heuristics."""

from __future__ import annotations

import re

from orchestration.cables.extract.event_dates import DateMention
from orchestration.cables.extract.event_types import AGREEMENT_NOUN, BODY_NOUN, LAW_NOUN, Trigger
from orchestration.cables.extract.law_finders import CableContext, find_laws

_CONNECT = r"(?:of|for|on|against|and|the|to|in|de|des|la|le|pour|les)"
_CAP = r"(?:[A-Z][A-Za-z'’.&-]*|[A-Z]{2,}[a-z]?)"
_PHRASE = re.compile(rf"\b{_CAP}(?:\s+(?:{_CONNECT}\s+)*{_CAP})*")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&/-]{1,9}s?\b")

_STOP_WORDS = set(
    "In On The A An During Since From After Before By As At Also However This That These Those It Its He She They We "
    "There Last With Under According Of For And But While When Although Per Starting Another Both Following Through "
    "Other Some All Each Most Many Several New Former Until Article Articles Post Fiscal Statistics Summary Comment "
    "Background Information Provisions Two Three Four Five Six Seven Eight Nine Ten".split()
)
_MONTHS = set(
    "January February March April May June July August September October November December Sept Spring Summer Fall "
    "Autumn Winter".split()
)
_NOT_ACTORS = set(
    "TIP USD SBU II III IV NGO NGOS NGOs CTIP HIV AIDS UXO MOU MOUs Report TIP Report Tier Watch List Tier Watch "
    "List".split()
) | {"TIP Report", "Watch List", "Trafficking in Persons Report"}
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ians|ese|ish|i|ic|an|ch)$")
_INSTITUTION_AFTER = re.compile(
    r"^\s+(government|police|authorities|courts?|officials|military|army|navy|embassy|ministry|ministries|"
    r"prosecutors?|judges?|parliament|troops|delegation)\b"
)
_SUFFIX = re.compile(r"-(?:led|funded|sponsored|designated|based|run|backed|supported)$")
_LAW_HEAD = (
    r"(?:Law|Act|Code|Decree|Sub-[Dd]ecree|Convention|Protocol|Constitution|Prakas|Guidelines)\b"
    r"(?!\s+(?:Enforcement|Reform|Commission|Council|Firm|School|Society|Cent(?:er|re)|Project|Program|Office))"
)
_LAW_HEAD_RE = re.compile(rf"\b{_LAW_HEAD}")
# the parts of a phrase: "PRM-funded IOM" -> PRM, IOM; "MSA and MOI" -> MSA, MOI
_COMPOUND_SPLIT = re.compile(r"-(?:led|funded|sponsored|designated|based|run|backed|supported)\s+")
_AND_SPLIT = re.compile(r"\s+and\s+")
_NOT_ACTOR_HEADS = {
    "Plan",
    "Action",
    "Report",
    "List",
    "Strategy",
    "Policy",
    "Standards",
    "Guidelines",
    "Campaign",
    "MOU",
    "Memorandum",
    "Understanding",
    "Agreement",
    "Treaty",
    "Persons",
}

_NAMED_LAW = re.compile(
    rf"(?:\b[A-Z][\w'’-]*\s+(?:(?:{_CONNECT}|a|on)\s+)*)*{_LAW_HEAD}"
    rf"(?:\s+(?:no\.?|number|No\.?)?\s*\d+(?:\s+(?:of|for\s+the\s+year)\s+\d{{4}})?)?"
    rf"(?:\s+(?i:on|of|for|against|to|in)\s+(?:the\s+|a\s+)?[A-Z][\w'’-]*"
    rf"(?:,?\s+(?:(?:and|of|the|on|for|to|a|in|from)\s+)*[A-Z][\w'’-]*)*)?"
)
_LOWER_LAW = re.compile(
    r"\b(?:(?:anti|counter)-[\w-]+(?:\s+in\s+persons)?|domestic\s+violence|anti-prostitution|trafficking|adoption|"
    r"labor|labour|immigration|child|criminal|penal)\s+(?:law|legislation|code|act)\b",
    re.IGNORECASE,
)
_LAW_STOP = re.compile(
    r"^(?:(?:the|in|on|during|since|under|a|an|of|this|that|it|also|its|according\s+to|as|with|by|from)\s+)+",
    re.IGNORECASE,
)


def find_actors(text: str) -> list[str]:
    """Organisations or people named in a sentence, as written: capitalised phrases and acronyms.

    A lone nationality adjective is kept only with the institution it qualifies ("Cambodian police").
    """
    actors: list[str] = []
    for match in _PHRASE.finditer(text):
        for phrase in _split(match.group()):
            _add_actor(actors, phrase, text, match)
    return actors


def _split(phrase: str) -> list[str]:
    """A phrase as its parts: "PRM-funded IOM" -> PRM, IOM; "MSA and MOI" -> MSA, MOI."""
    parts = _COMPOUND_SPLIT.split(phrase) if "-" in phrase else [phrase]
    split: list[str] = []
    for part in parts:
        pieces = _AND_SPLIT.split(part)
        if len(pieces) > 1 and all(_ACRONYM.fullmatch(piece.strip(".,;:")) for piece in pieces):
            split.extend(pieces)
        else:
            split.append(part)
    return split


def _add_actor(actors: list[str], found: str, text: str, match: re.Match[str]) -> None:
    """Clean one capitalised phrase and add it to `actors` when it names an organisation or person."""
    words = [word.rstrip(".,;:") for word in found.split()]
    while words and (words[0] in _STOP_WORDS or words[0] in _MONTHS or words[0].lower() in ("of", "the", "and")):
        words.pop(0)
    while words and (words[-1] in _MONTHS or words[-1].lower() in ("of", "the", "and", "for", "on", "to", "in")):
        words.pop()
    phrase = _SUFFIX.sub("", " ".join(words).rstrip(".,'’"))
    if phrase.endswith(("'s", "’s")):
        phrase = phrase[:-2]
    if len(phrase) < 2 or phrase in _NOT_ACTORS or phrase in _STOP_WORDS or phrase in _MONTHS:
        return
    if _LAW_HEAD_RE.search(phrase) or phrase.split()[-1] in _NOT_ACTOR_HEADS or phrase.startswith("TIP "):
        return
    if len(phrase.split()) == 1 and _at_sentence_start(text, match.start()) and not _ACRONYM.fullmatch(phrase):
        return  # a capitalised first word ("Working groups ...", "Enacted in 1961")
    if len(phrase.split()) == 1 and _DEMONYM.match(phrase) and not _ACRONYM.fullmatch(phrase):
        institution = _INSTITUTION_AFTER.match(text[match.end() :])
        if not institution:
            return
        phrase = f"{phrase} {institution.group(1)}"
    if phrase not in actors:
        actors.append(phrase)


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether only punctuation, or a colon or full stop ending what came before, precedes `start`."""
    before = text[:start]
    return not before.strip(" -:(\"'") or before.rstrip().endswith((":", "."))


def find_law(text: str) -> str | None:
    """The law a sentence names, as written: a capitalised law name, else a descriptive "anti-TIP law"."""
    best: str | None = None
    for match in _NAMED_LAW.finditer(text):
        name = _LAW_STOP.sub("", match.group()).strip(" ,")
        if not re.search(r"[A-Za-z]", name.split()[0] if name else ""):
            continue
        if name in ("Law", "Act", "Code", "Decree", "Convention", "Protocol", "Guidelines"):
            continue
        if best is None or len(name) > len(best):
            best = name
    if best:
        return best
    match = _LOWER_LAW.search(text)
    return match.group() if match else None


# what a one-off event is about, by type: the head nouns of its subject
_SUBJECT_HEADS = {
    "body_established": re.compile(rf"\b(?i:{BODY_NOUN})\b|\b[A-Z]{{2,6}}\b"),
    "agreement_signed": re.compile(rf"\b(?i:{AGREEMENT_NOUN})\b|\bMOUs?\b"),
    "law_enacted": re.compile(rf"\b(?i:{LAW_NOUN}|regulations?|rules)\b"),
    "law_drafted": re.compile(rf"\b(?i:{LAW_NOUN}|regulations?|rules)\b"),
}
_VERB_FIRST = re.compile(
    r"^(?:establish|form|creat|launch|set|found|install|inaugurat|open|sign|conclud|ratif|acced|accession|agreed|"
    r"pass|enact|promulgat|adopt|amend|revis|issu|approv|went|entered|took|draft|redraft|discuss|consider|debat|"
    r"submit|moved|sent|review)",
    re.IGNORECASE,
)
# words that end a noun phrase when walking back from its head: determiners, prepositions, verbs, numbers
_PHRASE_STOP = re.compile(
    r"^(?:a|an|the|its|their|his|her|this|that|these|those|of|to|in|on|for|with|by|as|and|or|from|into|at|new|"
    r"since|when|after|before|while|although|because|if|during|under|once|until|"
    r"first|second|several|signatory|party|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"[a-z]+(?:ed|ing))$"
)
_NOT_SUBJECTS = {"TIP", "NGO", "NGOs", "GOB", "GOS", "GOC", "GOT", "RGC", "USG", "SARG", "GOI", "UN", "US", "USD"}


def find_subject(
    text: str, event_type: str, mention: DateMention, trigger: Trigger | None, laws: CableContext
) -> tuple[str | None, str | None]:
    """The law an event concerns and what a one-off event is about, both as written (or None).

    `laws` is the cable's law-finding context (`law_finders.CableContext`): the law is written as the cable's law
    mentions are, so the warehouse can join the two. The subject of a law event is its law, of an agreement the
    agreement, of an establishment the body ("the National Task Force", "a government shelter", "APLE"); a bare
    head noun ("the agreement", "a unit") names nothing that could be compared, so it is no subject. A one-off
    event concerns no law but its subject ("signed a 2006 MOU and is a signatory to the 1957 Convention").
    """
    anchor = (trigger.start, trigger.end) if trigger is not None and trigger.end >= 0 else (mention.start, mention.end)
    found = find_laws(text, laws)
    nearest = min(found, key=lambda f: _gap(anchor, (f.start, f.end))).surface if found else None
    heads = _SUBJECT_HEADS.get(event_type)
    if heads is None:
        return nearest, None
    if event_type.startswith("law_") and nearest is not None:
        return nearest, nearest
    in_trigger = [f.surface for f in found if _gap(anchor, (f.start, f.end)) == 0]
    if event_type == "agreement_signed" and in_trigger:
        return in_trigger[0], in_trigger[0]
    return None, _subject_phrase(text, heads, anchor)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


def _subject_phrase(text: str, heads: re.Pattern[str], anchor: tuple[int, int]) -> str | None:
    """The noun phrase of the first head noun of the trigger at `anchor` ("established a National Task Force",
    "launched the NTF to coordinate agencies", "the NTF was established"), else the body named just before it
    ("The CONATRAE has existed since 2004"); None when it is a bare head noun."""
    start, end = anchor
    span = text[start:end]
    if span.isupper():
        return None  # an all-capitals line: capitals tell nothing
    head = next((m for m in heads.finditer(span) if m.group(0) not in _NOT_SUBJECTS), None)
    if head is None:
        named = _NAMED_BEFORE.search(text[max(0, start - 60) : start])
        return named.group("name") if named and named.group("name") not in _NOT_SUBJECTS else None
    head_start, head_end = start + head.start(), start + head.end()
    called = _CALLED.match(text, head_end)
    if called:
        return called.group("name")  # "a new unit called Lahav 433"
    phrase = _noun_phrase(text, head_start, head_end)
    if len(phrase.split()) < 2 and not re.fullmatch(r"[A-Z]{2,6}", phrase):
        return None
    return phrase


def _noun_phrase(text: str, head_start: int, head_end: int) -> str:
    """The head noun with the modifiers before it and a capitalised complement after it ("Task Force on TIP")."""
    words = text[:head_start].split()
    begin = head_start
    for word in reversed(words[-6:]):
        bare = word.strip("\"'“”(),")
        if bare != word or not bare or _PHRASE_STOP.match(bare.lower()) or bare in _MONTHS:
            break
        begin = text.rindex(word, 0, begin)
    end = head_end
    tail = _COMPLEMENT.match(text, head_end)
    if tail:
        words_after = tail.group(0).split()
        while words_after and (words_after[-1] in _MONTHS or not words_after[-1][:1].isupper()):
            words_after.pop()
        if words_after and words_after[-1][:1].isupper():
            end = text.index(words_after[-1], head_end) + len(words_after[-1])
    return text[begin:end].strip(" ,")


_COMPLEMENT = re.compile(
    rf"\s+(?:{_CONNECT})\s+(?:the\s+)?(?!{'|'.join(_MONTHS)}\b){_CAP}(?:\s+(?:(?:{_CONNECT})\s+)*{_CAP})*"
)
# "The CONATRAE has existed", "Maiti Nepal was founded": the body the sentence is about, just before its verb
_NAMED_BEFORE = re.compile(r"(?:^|\bthe\s+|\bThe\s+)(?P<name>(?!The\b)[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,5})\s*$")
_CALLED = re.compile(
    r"\s+(?:called|named|known\s+as)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|\d+))*)"
)


_NAME_WORD = r"[A-Z][\w'’.&-]*"
# the proper name that ends a subject phrase: "anti-TIP National Task Force" -> "National Task Force"
_TRAILING_NAME = re.compile(rf"(?<![\w-]){_NAME_WORD}(?:\s+(?:{_CONNECT}\s+)*{_NAME_WORD})*$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def subject_key(subject: str | None, acronyms: dict[str, str]) -> str | None:
    """What two events' subjects are compared by, in lower case: the proper name that ends the phrase ("the
    government National Task Force", "anti-TIP National Task Force" -> "national task force"), or the acronym the
    cable defines for it ("NTF" for "National Task Force to Eliminate Trafficking in Persons", and for a name its
    expansion begins with when no other expansion does). A phrase without a proper name is kept whole."""
    if not subject:
        return None
    text = _LEADING_ARTICLE.sub("", " ".join(subject.split()))
    found = _TRAILING_NAME.search(text)
    name = found.group(0) if found else text
    for candidate in (name, name.removesuffix("s")):
        if candidate in acronyms:
            return candidate.lower()
    folded = name.lower()
    defined = {
        acronym
        for acronym, expansion in acronyms.items()
        if (words := _LEADING_ARTICLE.sub("", " ".join(expansion.lower().split()))) == folded
        or words.startswith(folded + " ")
    }
    return next(iter(defined)).lower() if len(defined) == 1 and " " in folded else folded
