"""Institutions named in a sentence, as candidate sources of the figures it states."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from orchestration.cables.extract.currencies import is_currency_sign
from orchestration.cables.extract.metric_org_patterns import (
    ACCORDING,
    ACCORDING_NAMED,
    ACCORDING_NAMED_AT,
    ACCORDING_ROLE,
    ACCORDING_ROLE_AT,
    ACRONYM,
    AFTER_NUMBER,
    ANAPHORA,
    ASIDE_BEFORE,
    DATEWORD,
    GENERIC,
    GENERIC_AT,
    GENERIC_HEADS,
    GENERIC_NAMES,
    HEADS,
    INLINE,
    INLINE_ACRONYM,
    LEADING,
    NAMED,
    NAMED_HEAD,
    NOT_ADJECTIVE,
    NOT_ORG,
    PERSON_TITLE,
    PREPOSITION_BEFORE,
    REPORTER,
    REPORTER_AT,
    STUDY,
    STUDY_AT,
    WORDS,
    names_antecedent,
)
from orchestration.cables.extract.metric_people import People
from orchestration.cables.extract.records import OrganizationMention
from orchestration.cables.model import Cable


@dataclass(frozen=True)
class OrgMention:
    """An institution named in a sentence."""

    start: int
    end: int
    name: str
    strong: bool  # introduced by "according to", "statistics from"...
    after_preposition: bool
    generic: bool = False  # a common noun ("the government", "police", "courts", "NGOs"), not a proper name


class SourceFinder:
    """Finds institution mentions, preferring a cable's own acronyms."""

    def __init__(self, cable: Cable, organizations: Iterable[OrganizationMention] = (), host: str | None = None):
        self.canonical_names: dict[str, str] = {}  # name as written -> as the cable goes by it (see _canonical)
        self.acronyms = {g.acronym for g in cable.glossary}
        self.last_sentence = ""
        self.host = host  # the host country's demonym: "the government" is "the Cambodian government" named before
        self.history: list[str] = []  # named institutions in text order, to resolve "the court", "the center"
        self.generic_names: set[str] = set()  # names read from common nouns: "government", "Cambodian government"
        self.by_expansion = _expansions(cable)  # "international justice mission" -> IJM
        self.acronyms |= set(self.by_expansion.values())
        surfaces = _known_names(organizations)
        # acronyms the cable uses, to shorten a full name to the acronym it goes by ("Ministry of Interior" -> MOI)
        self.body = "\n".join(p.text for p in cable.paragraphs)
        self.tokens = Counter(_CAPITALS.findall(self.body))
        # a source is named as the cable names it: by its acronym where the cable mostly writes that ("IJM"), by its
        # name where it mostly writes the name ("Ministry of Labor", though it writes "MOL" once)
        self.gazetteer = sorted(
            ((surface, short if self._goes_by(short, surface) else "") for surface, short in surfaces.items()),
            key=lambda kv: -len(kv[0]),
        )
        # the host government's acronym ("Royal Government of Cambodia" -> RGC), for "the Government"
        self.government = next(
            (
                acr
                for exp, acr in self.by_expansion.items()
                if exp.startswith("government of") or exp.startswith("royal government")
            ),
            None,
        )
        # who speaks for which institution: "Ron Pollett, President and CEO of GE Russia/CIS"
        self.people = People([p.text for p in cable.paragraphs], self._names_in)

    def _goes_by(self, acronym: str, name: str) -> bool:
        """Whether the cable writes the acronym of an institution at least as often as its name."""
        if not acronym.isupper():
            return bool(acronym)  # a shorter name ("High Level Working Group" of "... of the National Task Force")
        return self.tokens[acronym] >= max(1, self.body.count(name))

    def _canonical(self, name: str) -> str:
        """A name as the cable goes by it (its acronym where it writes that), computed once per name: a cable names
        the same institutions again and again, and what it goes by is fixed once the finder is built."""
        canonical = self.canonical_names.get(name)
        if canonical is None:
            canonical = self.canonical_names[name] = self._shortest(name)
        return canonical

    def _shortest(self, name: str) -> str:
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
            if not re.fullmatch(HEADS, part[-1]) and end != len(words) and part[0] not in ("Ministry", "Office"):
                continue
            for acr in _initials(part):
                # a unit of a ministry is named by the ministry's acronym: "Ministry of Interior Department of ..."
                if len(acr) >= 2 and self._goes_by(acr, name):
                    return acr
        return name

    def mentions(self, text: str) -> list[OrgMention]:
        """The institutions a sentence names, in text order, with "the court", "the government" resolved to the
        institution named before, and people speaking for theirs ("Pollett said": GE)."""
        found = self._read(text, self.last_sentence)
        self.last_sentence = text
        for speaker in self.people.speakers(text):
            found.add(speaker.start, speaker.end, speaker.institution)
        mentions = sorted(found.mentions, key=lambda o: o.start)
        # "IOM (International Organization for Migration)": the name in brackets restates the one before it
        mentions = [
            o
            for i, o in enumerate(mentions)
            if not (
                i and _OPENING_BRACKET.fullmatch(text, mentions[i - 1].end, o.start) and mentions[i - 1].name == o.name
            )
        ]
        return [self._resolve(o) for o in mentions]

    def remember(self, text: str) -> None:
        """Read a sentence without figures only for what later sentences may point back to ("the court", "the
        Ministry", a shorter name of a court named in full): the cheap test first."""
        if names_antecedent(text):
            self.mentions(text)
        else:
            self.last_sentence = text

    def _names_in(self, text: str) -> list[str]:
        return [o.name for o in sorted(self._read(text).mentions, key=lambda o: o.start)]

    def _read(self, text: str, previous: str = "") -> _Found:
        """The institutions a text names, as written (nothing resolved, nothing remembered)."""
        found = _Found(text, previous)
        # each pattern runs only where the words it cannot match without are (the cheap test first)
        held = WORDS.held(text)
        self._read_known_and_studies(text, found, STUDY_AT in held)
        for m in NAMED.finditer(text) if NAMED_HEAD.search(text) else ():
            self._read_named(m, found)
        for m in ACRONYM.finditer(text):
            self._read_acronym(m, text, found)
        for m in ACCORDING_ROLE.finditer(text) if ACCORDING_ROLE_AT in held else ():
            found.add(m.start("role"), m.end("role"), m.group("role"))
        for m in ACCORDING_NAMED.finditer(text) if ACCORDING_NAMED_AT in held else ():
            found.add(m.start("name"), m.end("name"), m.group("name"))
        for m in GENERIC.finditer(text) if GENERIC_AT in held else ():
            self._read_generic(m, text, found)
        for m in REPORTER.finditer(text) if REPORTER_AT in held else ():
            self._read_reporter(m, text, found)
        return found

    def _read_known_and_studies(self, text: str, found: _Found, study_named: bool) -> None:
        """Names the organization extractor knows, and studies named for their author ("The Steinfatt study")."""
        # "a Save the Children report" is no "Children" study
        known = [
            (start, end, acronym or self._canonical(surface))
            for surface, acronym in self.gazetteer
            if surface in text  # a cheap test first: most sentences name few of the cable's institutions
            for start, end in _occurrences(surface, text)
            if not _OPENING_BRACKET.match(text, end)  # "Name (ACR)" is read below, with its acronym
        ]
        for m in STUDY.finditer(text) if study_named else ():
            group = 1 if m.group(1) else 2
            if not any(s <= m.start(group) < e for s, e, _ in known):
                found.add(m.start(group), m.end(group), m.group(group))  # "Steinfatt's 2003 study"
        for start, end, name in known:
            found.add(start, end, name)

    def _read_named(self, m: re.Match, found: _Found) -> None:
        """A capitalised name with an institutional head ("Phnom Penh Municipal Court"), or "Name (ACR)"."""
        if m.group("acr"):
            found.add(m.start(), m.end(), m.group("acr"))
            return
        surface = _LEADING_WORD.sub("", m.group(0))
        surface = _AGENT_PREFIX.sub("", surface)  # "GOS-established Ginddi Center" -> "Ginddi Center"
        if len(surface.split()) < 2 and surface not in self.acronyms:
            return
        found.add(m.end() - len(surface), m.end(), self._canonical(surface))

    def _read_acronym(self, m: re.Match, text: str, found: _Found) -> None:
        """An acronym ("MOI", "NGOs") or a camel-case name ("AidTous"), not a word of an all-caps heading."""
        token = m.group(1)
        bare = token[:-1] if token.endswith("s") and token[:-1].isupper() and token != "NGOs" else token
        if bare.upper() in NOT_ORG and bare != "NGOs" or _REDACTED.fullmatch(bare):
            return  # "XXXXXXXXXXXX said": a name the release redacted, no institution
        camel = _CAMEL_CASE.fullmatch(bare)  # "AidTous", "ChildSafe"
        if not (bare in self.acronyms or bare.isupper() or bare == "NGOs" or camel):
            return
        if _in_heading(text, m.start(), m.end()):
            return
        if is_currency_sign(bare) and (re.match(r"\s?\d", text[m.end() :]) or re.search(r"\d\s?$", text[: m.start()])):
            return  # "NIS 340 million", "50,000 CFAF": the unit of an amount
        found.add(m.start(), m.end(), bare, bare == "NGOs")

    def _read_generic(self, m: re.Match, text: str, found: _Found) -> None:
        """A common noun for an institution: "police", "the Government", "Senegalese courts"."""
        adj, head = m.group("adj"), m.group("head")
        if AFTER_NUMBER.search(text[max(0, m.start() - 30) : m.start()]):
            return  # the counted noun of a figure: "450 police officers", "seven courts reported"
        if head == "Government" and self.government and adj in (None, "The"):
            found.add(m.start("head"), m.end(), self.government, True)
            return
        if head == "Police":
            head = "police"
        words = (adj or "").split()
        while words and words[0] in NOT_ADJECTIVE:
            words.pop(0)  # "The police", "Local police": no name
        adj = " ".join(words) or None
        kind = m.group("kind")
        if head.lower() in ("shelter", "center", "centre", "ministry") and not (kind or adj):
            return _resolved_only(found, m, head, self.history)  # "the shelter": the one named before, if any
        name = " ".join(filter(None, [adj, kind, head]))
        start = m.end("adj") - len(adj) if adj else m.start("kind") if kind else m.start("head")
        found.add(start, m.end(), name, True)

    def _read_reporter(self, m: re.Match, text: str, found: _Found) -> None:
        """The capitalised subject of a reporting verb: "La Strada reported"."""
        name = m.group(1)
        while name.split()[0] in LEADING and len(name.split()) > 1:
            name = name.split(None, 1)[1]
        words = name.split()
        if (
            words[0] in LEADING
            or DATEWORD.match(name)
            or len(words) < 2
            or PERSON_TITLE.search(name)
            or re.search(r"\b(?:of|and|for|the)\s+$", text[max(0, m.start(1) - 8) : m.start(1)])
        ):
            return
        found.add(m.end(1) - len(name), m.end(1), self._canonical(name))

    def _resolve(self, o: OrgMention) -> OrgMention:
        """ "the court" as the court named before; a short name as the longer one given before; and remember it."""
        if o.name in ANAPHORA:
            heads = ANAPHORA[o.name]
            earlier = next(
                (
                    n
                    for n in reversed(self.history)
                    if n.split()[-1].lower() in heads and (o.name != "government" or n == f"{self.host} government")
                ),
                None,
            )
            if earlier:
                o = OrgMention(o.start, o.end, earlier, o.strong, o.after_preposition, o.generic)
        elif o.name not in GENERIC_NAMES:
            # "Phnom Penh Court" after "Phnom Penh Municipal Court": the name given before
            words = o.name.split()
            longer = None
            if len(words) > 1:  # a name of one word is no shorter form of another
                longer = next(
                    (n for n in reversed(self.history) if n.split()[-1] == words[-1] and set(words) < set(n.split())),
                    None,
                )
            if longer:
                o = OrgMention(o.start, o.end, longer, o.strong, o.after_preposition, o.generic)
            self.history.append(o.name)
        if o.generic:
            self.generic_names.add(o.name)
        return o


class _Found:
    """Mentions of one sentence, the first reading of a stretch of text winning over later overlapping ones."""

    def __init__(self, text: str, previous: str = ""):
        self.text = text
        self.previous = previous  # the sentence before, where "the center" may have been brought in
        self.mentions: list[OrgMention] = []
        self.taken: list[tuple[int, int]] = []

    def add(self, start: int, end: int, name: str, generic: bool = False) -> None:
        if any(not (end <= s or start >= e) for s, e in self.taken):
            return
        before = self.text[max(0, start - 40) : start]
        strong = bool(ACCORDING.search(before))
        # the object of a preposition, or an aside in brackets: not the subject of the sentence
        after_preposition = bool(PREPOSITION_BEFORE.search(before) or ASIDE_BEFORE.search(before))
        self.mentions.append(OrgMention(start, end, name, strong, after_preposition, generic))
        self.taken.append((start, end))


def _expansions(cable: Cable) -> dict[str, str]:
    """Acronyms by their expansion: from the cable's glossary, and defined inline ("International Justice Mission
    (IJM)")."""
    by_expansion = {_norm(g.expansion): g.acronym for g in cable.glossary}
    for g in cable.glossary:
        # the part before a parenthesised translation: "Association de Defense ... (Human Rights ...)"
        by_expansion.setdefault(_norm(g.expansion.split("(")[0]), g.acronym)
    for p in cable.paragraphs:
        for m in _inline_definitions(p.text):
            name = re.sub(r"^(?:the|The)\s+", "", m.group(1))
            acr = m.group(2)
            words = [w for w in name.split() if w[0].isupper()]
            if len(words) >= 2 and words[0][0] == acr[0]:
                by_expansion.setdefault(_norm(name), acr)
    return by_expansion


# a character no name before an acronym in brackets holds: INLINE reads only words, spaces, apostrophes and hyphens
_NOT_IN_NAME = re.compile(r"[^\w'’\s-]")


def _inline_definitions(text: str) -> Iterator[re.Match]:
    """The matches of INLINE in a text, as `finditer` gives them, each searched for only in the stretch before its
    bracketed acronym that holds no other character than a name can (INLINE tried at every capital of a paragraph
    backtracks through its words at each)."""
    position = 0
    for bracket in INLINE_ACRONYM.finditer(text):
        start = position
        for stop in _NOT_IN_NAME.finditer(text, position, bracket.start()):
            start = stop.end()
        m = INLINE.search(text, start, bracket.end())
        if m:
            yield m
        position = bracket.end()


def _known_names(organizations: Iterable[OrganizationMention]) -> dict[str, str]:
    """Names the organization extractor found, with their acronym: "Equal Access", "Save the Children"."""
    surfaces: dict[str, str] = {}
    for o in organizations:
        surface = re.sub(r"^(?:the|The)\s+", "", (o.surface or "").strip())
        words = surface.split()
        if (
            (len(words) >= 2 or re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", surface))  # "Equal Access", "AidTous"
            and surface[0].isupper()
            and o.org_type != "company"
            and not PERSON_TITLE.search(surface)
            # common nouns and acronyms are read by the rules below; the reporting embassy is no source
            and words[-1].lower() not in GENERIC_HEADS
            and not any(w.isupper() and len(w) > 1 for w in words)
            and not (len(words) == 1 and surface.upper() in NOT_ORG)
            and "Embassy" not in words
        ):
            surfaces.setdefault(surface, o.acronym or "")
    # "the High Level Working Group of the National Task Force" is the High Level Working Group, named alone too
    for surface in list(surfaces):
        head = re.match(r"(.+?)\s+(?:of|for)\s+the\s+[A-Z]", surface)
        if head and head.group(1) in surfaces and not surfaces[surface]:
            surfaces[surface] = surfaces[head.group(1)] or head.group(1)
    return surfaces


def _occurrences(surface: str, text: str) -> list[tuple[int, int]]:
    """Spans of a name as a whole word in a text (a plain search: a pattern per name would be compiled per cable)."""
    spans, start = [], text.find(surface)
    while start >= 0:
        end = start + len(surface)
        if (start == 0 or not _WORDISH.match(text[start - 1])) and (end == len(text) or not _WORDISH.match(text[end])):
            spans.append((start, end))
        start = text.find(surface, start + 1)
    return spans


_WORDISH = re.compile(r"[\w-]")
_REDACTED = re.compile(r"X{3,}")
# a word of capitals ("MOI", "DHS/ICE"): "(?<!\w.)" after the first is "\b" before it (text_scan.WORD_START)
_CAPITALS = re.compile(r"[A-Z](?<!\w.)[A-Z/]{1,8}\b")
_OPENING_BRACKET = re.compile(r"\s*\(\s*")
_LEADING_WORD = re.compile(r"^(?:The|the|An?|In|On|During|From|Since|According|Of|By|With|Under)\s+")
_AGENT_PREFIX = re.compile(r"^[\w]+-(?:established|run|funded|led|sponsored|supported|based|backed|owned)\s+")
_CAMEL_CASE = re.compile(r"(?!Mc|Mac)[A-Z][a-z]+[A-Z][A-Za-z]*")
_WORD = re.compile(r"[A-Za-z']+")


def _resolved_only(found: _Found, m: re.Match, head: str, history: list[str]) -> None:
    """A bare "the shelter", "the center", "the Ministry" is a source only as the one named before it ("the government
    shelter", "Ginddi Center", "Ministry of Labor"); alone it is a place or a word."""
    heads = {"center", "centre"} if head.lower() in ("center", "centre") else {head.lower()}
    text = found.text
    if not re.search(r"\b[Tt]he\s+$", text[: m.start("head")]):
        return  # "its own shelter", "adequate shelter": not the one named before
    # "The Philippine Embassy has its own shelter ...; the shelter averaged", "World Hope International has
    # operated a short-term assessment center ... the center has assisted": an unnamed one came up in between
    before = found.previous + " " + text[: m.start("head")]
    if re.search(rf"\b(?:its|their|a|an)\s+(?:[\w-]+\s+){{0,3}}{head.lower()}\b(?!.*\b{head}\b)", before, re.I | re.S):
        return
    last = next((n for n in reversed(history) if n.split()[-1].lower() in heads or n.split()[0].lower() in heads), None)
    if last and not any(s <= m.start("head") < e for s, e in found.taken):
        found.add(m.start("head"), m.end(), last)  # the institution named before, no common noun


def _initials(words: list[str]) -> list[str]:
    """Acronyms a name may go by: "Ministry of Interior" -> MOI, MI; "Ministry of Foreign Affairs" -> MFA, MOFA."""
    capital = "".join(w[0] for w in words if w[0].isupper())
    with_of = "".join(w[0].upper() for w in words if w[0].isupper() or w in ("of", "for"))
    return [with_of, capital] if with_of != capital else [capital]


def _in_heading(text: str, start: int, end: int) -> bool:
    """An all-caps token among other all-caps words (a heading), not an acronym."""
    left = _WORD.findall(text, max(0, start - 30), start)[-2:]
    right = _WORD.findall(text, end, end + 30)[:2]
    caps = [w for w in left + right if w.isupper() and len(w) > 2]
    return len(caps) >= 3


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
