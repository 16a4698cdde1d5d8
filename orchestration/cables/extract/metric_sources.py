"""Institutions named in a sentence, as candidate sources of the figures it states."""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.cables.model import Cable

_NOT_ORG = {
    "TIP",
    "SBU",
    "USD",
    "KHR",
    "EUR",
    "CFAF",
    "FCFA",
    "XOF",
    "HIV",
    "AIDS",
    "GDP",
    "UXO",
    "PROTECT",
    "US",
    "USG",
    "ETC",
    "NB",
    "OK",
    "TV",
    "FM",
    "ID",
    "II",
    "III",
    "IV",
    "VI",
    "SUBJECT",
    "REF",
    "REFS",
    "END",
    "SUMMARY",
    "COMMENT",
    "TIER",
    "TVPA",
    "CSEC",
    "SGBV",
    "IDP",
    "IDPS",
    "NGO",
    "IO",
    "IOS",
    "GOVT",
    "POC",
    "POL",
    "POLOFF",
    "ECON",
    "ECONOFF",
    "DCM",
    "AMB",
    "CDA",
    "UNCLAS",
    "SENSITIVE",
    "BUT",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
    "NOFORN",
    "PHUM",
    "KTIP",
    "KCRM",
    "SMIG",
    "ELAB",
    "KWMN",
    "PREL",
    "PGOV",
    "SOCI",
    "MOU",
    "ATM",
    "VIP",
    "MD",
    "PM",
    "AM",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "CIS",
    "SOP",
    "SOPS",
    "TOT",
    "CEDAW",
    "CRC",
    "MOA",
    "MOUS",
    "NPA",
    "STD",
    "STDS",
    "DVD",
    "DVDS",
    "PSA",
    "PSAS",
    "RMB",
    "AKA",
    "CV",
    "EU-",
}
_ACRONYM = re.compile(
    r"(?<![\w/-])([A-Z][A-Za-z]*[A-Z](?:/[A-Z]+)?s?|[A-Z]{2,}[a-z][A-Za-z]*)"
    r"(?![\w]|-(?!assisted|sponsored|funded|led|run|organized|supported)\b)"
)
_HEADS = (
    r"Court|Ministry|Police|Center|Centre|Commission|Council|Department|Office|Unit|Mission|Association|Institute|"
    r"Organization|Organisation|Foundation|Committee|Agency|Bureau|Prosecutor|Prosecutors|Services?|Task Force|Fund|"
    r"Program|Programme|Project|Union|Bank|Network|Coalition|Alliance|Directorate|Authority|Embassy|Parliament|"
    r"Assembly|Government|Secretariat|Tribunal|Brigade|Gendarmerie|Prosecution|Federation|Society|Corps|Forces|"
    r"Institution|League|Church|University|Caritas|Watch|International|center|centre"
)
_CAP = r"(?:[A-Z][\w'’&-]*|of|the|for|and|on|de|du|des|la|le|pour|les)"
_NAMED = re.compile(
    rf"(?<![\w])(?:[A-Z][\w'’&-]*\s+){{0,5}}(?:{_HEADS})(?:\s+(?:of|for|on)(?:\s+the)?\s+[A-Z][\w'’-]*"
    rf"(?:\s+(?:and\s+)?[A-Z][\w'’-]*){{0,4}})?(?:\s+\((?P<acr>[A-Z][A-Za-z/&]+)\))?"
)
_GENERIC = re.compile(
    r"(?<![\w])(?:(?P<adj>[A-Z][a-z]+)\s+)?(?P<head>[Pp]olice|[Gg]overnment|courts|court|prosecutors|NGOs|"
    r"[Pp]ublic [Pp]rosecutor's office)\b"
)
_INLINE = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|on|and|the|de|du|des|pour|les|la|le|in)\s+)*){1,8})"
    r"\(([A-Z][A-Za-z/&]{1,9})\)"
)
_REPORTER = re.compile(
    r"((?:[A-Z][\w'’&.-]*\s+){0,4}[A-Z][\w'’&-]*)\s+(?:also\s+|further\s+|recently\s+)?"
    r"(?:reported|reports|said|says|stated|estimated|estimates|noted|announced|recorded|indicated|claimed|told)\b"
)
_LEADING = {
    "In",
    "During",
    "The",
    "On",
    "From",
    "Since",
    "According",
    "Of",
    "By",
    "With",
    "Under",
    "After",
    "Before",
    "At",
    "For",
    "As",
    "Also",
    "However",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "They",
    "He",
    "She",
    "We",
    "Post",
    "Embassy",
    "Poloff",
    "Econoff",
    "Both",
    "Some",
    "Many",
    "Other",
    "Local",
    "Most",
    "All",
}
_PERSON_TITLE = re.compile(
    r"\b(?:President|Minister|Director|Ambassador|Mr|Mrs|Ms|Dr|General|Secretary|Chairman|"
    r"Chief|Governor|Deputy|Head|King|Prince|Judge|Officer|Colonel|Captain)\b"
)
_DATEWORD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_STUDY = re.compile(
    r"\b(?:(?:[Tt]he|[Aa]n?|[Tt]his)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|([A-Z][a-z]+)(?:'s|’s))"
    r"\s+(?:\d{4}\s+)?(?:[a-z]+\s+)?(?:study|survey|report|research|analysis)\b"
)
_AFTER_NUMBER = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million))\s+(?:[a-z-]+\s+)?$",
    re.I,
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|from|with|by|for|at|on|into|under|between|among|in|against)\s+(?:the\s+)?$")
_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording to(?:\s+(?:statistics|data|figures|information|a\s+report|a\s+study)"
    r"\s+(?:from|by|of))?|[Rr]eported by|[Ss]tatistics from|[Dd]ata from|[Ff]igures from|"
    r"[Pp]er|[Ss]ources? at|[Cc]ited by|[Ss]tudy by|[Rr]eport by)\s+(?:the\s+)?$"
)


# "the court" / "the center" stand for the last named court / center
_ANAPHORA = {"court": {"court", "tribunal"}}
_GENERIC_NAMES = {"police", "government", "courts", "prosecutors", "NGOs", "court", "center", "centre", "shelter"}


@dataclass(frozen=True)
class OrgMention:
    """An institution named in a sentence."""

    start: int
    end: int
    name: str
    strong: bool  # introduced by "according to", "statistics from"...
    after_preposition: bool


class SourceFinder:
    """Finds institution mentions, preferring a cable's own acronyms."""

    def __init__(self, cable: Cable):
        self.acronyms = {g.acronym for g in cable.glossary}
        self.history: list[str] = []  # named institutions in text order, to resolve "the court", "the center"
        self.by_expansion = {_norm(g.expansion): g.acronym for g in cable.glossary}
        for g in cable.glossary:
            # the part before a parenthesised translation: "Association de Defense ... (Human Rights ...)"
            self.by_expansion.setdefault(_norm(g.expansion.split("(")[0]), g.acronym)
        # inline definitions anywhere in the cable: "International Justice Mission (IJM)"
        for p in cable.paragraphs:
            for m in _INLINE.finditer(p.text):
                name = re.sub(r"^(?:the|The)\s+", "", m.group(1))
                acr = m.group(2)
                words = [w for w in name.split() if w[0].isupper()]
                if len(words) >= 2 and words[0][0] == acr[0]:
                    self.by_expansion.setdefault(_norm(name), acr)
                    self.acronyms.add(acr)
        # acronyms the cable uses, to shorten a full name to the acronym it goes by ("Ministry of Interior" -> MOI)
        self.tokens = {t for p in cable.paragraphs for t in re.findall(r"\b[A-Z][A-Z/]{1,8}\b", p.text)}
        # the host government's acronym ("Royal Government of Cambodia" -> RGC), for "the Government"
        self.government = next(
            (
                acr
                for exp, acr in self.by_expansion.items()
                if exp.startswith("government of") or exp.startswith("royal government")
            ),
            None,
        )

    def _canonical(self, name: str) -> str:
        name = re.sub(r"^(?:the|The)\s+", "", name.strip())
        name = re.sub(r"'s$|’s$", "", name)
        key = _norm(name)
        if key in self.by_expansion:
            return self.by_expansion[key]
        first = name.split()[0]
        if first in self.acronyms:
            return first  # "MOI Department of Anti-Trafficking" -> MOI
        for expansion, acr in self.by_expansion.items():
            if len(expansion) > 8 and key.startswith(expansion + " "):
                return acr  # "Ministry of Interior Department ..." -> MOI
        words = name.split()
        for end in range(len(words), 1, -1):
            part = words[:end]
            if not re.fullmatch(_HEADS, part[-1]) and end != len(words) and part[0] not in ("Ministry", "Office"):
                continue
            for acr in _initials(part):
                if acr in self.tokens and len(acr) >= 2:
                    return acr
        return name

    def mentions(self, text: str) -> list[OrgMention]:
        found: list[OrgMention] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, name: str):
            if any(not (end <= s or start >= e) for s, e in taken):
                return
            before = text[max(0, start - 40) : start]
            found.append(
                OrgMention(start, end, name, bool(_ACCORDING.search(before)), bool(_PREPOSITION_BEFORE.search(before)))
            )
            taken.append((start, end))

        for m in _STUDY.finditer(text):
            group = 1 if m.group(1) else 2
            add(m.start(group), m.end(group), m.group(group))  # "The Steinfatt study", "Steinfatt's 2003 study"
        for m in _NAMED.finditer(text):
            surface = m.group(0)
            if m.group("acr"):
                add(m.start(), m.end(), m.group("acr"))
                continue
            surface = re.sub(r"^(?:The|the|In|On|During|From|Since|According|Of|By|With|Under)\s+", "", surface)
            # "GOS-established Ginddi Center" -> "Ginddi Center"
            surface = re.sub(
                r"^[\w]+-(?:established|run|funded|led|sponsored|supported|based|backed|owned)\s+", "", surface
            )
            if len(surface.split()) < 2 and surface not in self.acronyms:
                continue
            add(m.end() - len(surface), m.end(), self._canonical(surface))
        for m in _ACRONYM.finditer(text):
            token = m.group(1)
            bare = token[:-1] if token.endswith("s") and token[:-1].isupper() and token != "NGOs" else token
            if bare.upper() in _NOT_ORG and bare != "NGOs":
                continue
            if not (bare in self.acronyms or bare.isupper() or bare == "NGOs"):
                continue
            if _in_heading(text, m.start(), m.end()):
                continue
            add(m.start(), m.end(), bare)
        for m in _GENERIC.finditer(text):
            adj = m.group("adj")
            head = m.group("head")
            if _AFTER_NUMBER.search(text[max(0, m.start() - 30) : m.start()]):
                continue  # the counted noun of a figure: "450 police officers", "seven courts reported"
            if head == "Government" and self.government and adj in (None, "The"):
                add(m.start("head"), m.end(), self.government)
                continue
            if head == "Police":
                head = "police"
            if adj and adj in {
                "The",
                "In",
                "On",
                "During",
                "Local",
                "Provincial",
                "National",
                "Municipal",
                "Both",
                "These",
                "Those",
                "This",
                "That",
                "Some",
                "Many",
                "Other",
                "Several",
                "All",
            }:
                adj = None
            name = f"{adj} {head}" if adj else head
            start = m.start("adj") if adj else m.start("head")
            add(start, m.end(), name)
        for m in _REPORTER.finditer(text):
            name = m.group(1)
            while name.split()[0] in _LEADING and len(name.split()) > 1:
                name = name.split(None, 1)[1]
            words = name.split()
            if (
                words[0] in _LEADING
                or _DATEWORD.match(name)
                or len(words) < 2
                or _PERSON_TITLE.search(name)
                or re.search(r"\b(?:of|and|for|the)\s+$", text[max(0, m.start(1) - 8) : m.start(1)])
            ):
                continue
            add(m.end(1) - len(name), m.end(1), self._canonical(name))  # "La Strada reported"
        found.sort(key=lambda o: o.start)
        resolved = []
        for o in found:
            if o.name in _ANAPHORA:
                heads = _ANAPHORA[o.name]
                earlier = next((n for n in reversed(self.history) if n.split()[-1].lower() in heads), None)
                if earlier:
                    o = OrgMention(o.start, o.end, earlier, o.strong, o.after_preposition)
            elif o.name not in _GENERIC_NAMES:
                # "Phnom Penh Court" after "Phnom Penh Municipal Court": the name given before
                words = set(o.name.split())
                longer = next(
                    (
                        n
                        for n in reversed(self.history)
                        if len(words) > 1 and words < set(n.split()) and n.split()[-1] == o.name.split()[-1]
                    ),
                    None,
                )
                if longer:
                    o = OrgMention(o.start, o.end, longer, o.strong, o.after_preposition)
                self.history.append(o.name)
            resolved.append(o)
        return resolved


def _initials(words: list[str]) -> list[str]:
    """Acronyms a name may go by: "Ministry of Interior" -> MOI, MI; "Ministry of Foreign Affairs" -> MFA, MOFA."""
    capital = "".join(w[0] for w in words if w[0].isupper())
    with_of = "".join(w[0].upper() for w in words if w[0].isupper() or w in ("of", "for"))
    return [with_of, capital] if with_of != capital else [capital]


def _in_heading(text: str, start: int, end: int) -> bool:
    """An all-caps token among other all-caps words (a heading), not an acronym."""
    left = re.findall(r"[A-Za-z']+", text[max(0, start - 30) : start])[-2:]
    right = re.findall(r"[A-Za-z']+", text[end : end + 30])[:2]
    caps = [w for w in left + right if w.isupper() and len(w) > 2]
    return len(caps) >= 3


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
