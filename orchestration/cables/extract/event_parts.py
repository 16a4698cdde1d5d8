"""Actors and law named in an event sentence: capitalised-phrase and acronym heuristics."""

from __future__ import annotations

import re

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
    parts = re.split(r"-(?:led|funded|sponsored|designated|based|run|backed|supported)\s+", phrase)
    split: list[str] = []
    for part in parts:
        pieces = re.split(r"\s+and\s+", part)
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
    if re.search(rf"\b{_LAW_HEAD}", phrase) or phrase.split()[-1] in _NOT_ACTOR_HEADS or phrase.startswith("TIP "):
        return
    at_start = not text[: match.start()].strip(" -:(\"'") or re.search(r"[:.]\s*$", text[: match.start()])
    if len(phrase.split()) == 1 and at_start and not _ACRONYM.fullmatch(phrase):
        return  # a capitalised first word ("Working groups ...", "Enacted in 1961")
    if len(phrase.split()) == 1 and _DEMONYM.match(phrase) and not _ACRONYM.fullmatch(phrase):
        institution = _INSTITUTION_AFTER.match(text[match.end() :])
        if not institution:
            return
        phrase = f"{phrase} {institution.group(1)}"
    if phrase not in actors:
        actors.append(phrase)


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
