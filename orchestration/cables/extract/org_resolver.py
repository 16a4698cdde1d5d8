"""Per-cable organization knowledge: the curated seed, the cable's own acronym definitions, host and foreign
governments, and the identity (Org) every mention resolves to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orchestration.cables.extract.org_countries import ADJECTIVE_COUNTRY, COUNTRY_NAMES, country_of_origin, origin_city
from orchestration.cables.extract.org_lexicon import (
    NATIONAL_TYPES,
    canonical_ministry,
    has_head,
    is_bare_head,
    load_known_organizations,
    norm_key,
    type_from_heads,
)
from orchestration.cables.model import Cable

_POSSESSIVE_S = re.compile(r"['’]s$")
_NOT_LETTER = re.compile(r"[^A-Za-z]")
_GOVERNMENT_ACRONYM = re.compile(r"GO[A-Z]{1,2}|RTG|RGC|SARG|GBRV")
_US_MISSION = re.compile(r"(?:U\.S\.|US|American)\s+Mission")
_MISSION_OF = re.compile(r"Mission\s+([A-Z][\w/ -]+)")
_EMBASSY = re.compile(r"(?:(?:U\.S\.|American|US)\s+)?Embassy(?:\s+([A-Z][\w ]+))?")
_DEMONYM_GOVERNMENT = re.compile(r"([A-Z][a-z]+)\s+[Gg]overnment")
_GOVERNMENT_OF = re.compile(r"(?:Royal\s+)?Government\s+of\s+(?:the\s+)?(.+)")


@dataclass(frozen=True)
class Org:
    """A resolved organization (the identity of a mention)."""

    name: str
    acronym: str | None
    org_type: str
    country: str | None


@dataclass
class Span:
    """Where in a paragraph's clean text a mention lies, and what it names."""

    start: int
    end: int
    org: Org


def strip_possessive(text: str) -> str:
    """The text without a final possessive ("UNICEF's" -> "UNICEF")."""
    # the pattern's "$" also matches before a final newline: the "'s" lies in the last three characters
    return _POSSESSIVE_S.sub("", text) if "'s" in text[-3:] or "’s" in text[-3:] else text


@lru_cache(maxsize=65536)
def is_cap(token: str) -> bool:
    """Whether a token starts with a capital, counting elided French articles ("l'Enfant")."""
    return bool(token) and (token[0].isupper() or token[:2].lower() in {"l'", "d'", "l’", "d’"})


@lru_cache(maxsize=65536)
def is_acronym(token: str) -> bool:
    """Whether a token is written as an acronym ("MOSAVY", "UNICEF", "MoI")."""
    letters = _NOT_LETTER.sub("", token)
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2) and token[0].isupper()


@lru_cache(maxsize=65536)
def _lookup_keys(name: str) -> tuple[tuple[str, str], str | None, str | None]:
    """What `Resolver.lookup_name` looks a name up by, the same in every cable: the keys of the name and of its
    canonical ministry form; and for "<Demonym> <two words or more>" ("Cambodian Ministry of Interior"), the
    demonym's country and the key of the rest's canonical form (else None, None)."""
    keys = (norm_key(name), norm_key(canonical_ministry(name)))
    words = name.split(" ", 1)
    if len(words) == 2 and " " in words[1]:
        return keys, ADJECTIVE_COUNTRY.get(words[0].lower()), norm_key(canonical_ministry(words[1]))
    return keys, None, None


@lru_cache(maxsize=256)
def _seed_tables(country: str | None) -> tuple[dict[str, Org], dict[str, Org]]:
    """The seed's organizations by name key and by acronym as a cable sent from `country` knows them (built once per
    country: every cable from there starts from the same tables)."""
    by_key: dict[str, Org] = {}
    by_acronym: dict[str, Org] = {}
    for known in load_known_organizations():
        national = known.org_type in NATIONAL_TYPES
        org = Org(known.name, known.acronym, known.org_type, known.country or (country if national else None))
        if known.country and national and known.country != country:
            continue  # another country's national body: only by its full name
        for surface in (known.name, *known.aliases):
            if is_acronym(surface) and " " not in surface:
                by_acronym.setdefault(surface, org)
            else:
                by_key.setdefault(norm_key(surface), org)
        if known.acronym:
            by_acronym.setdefault(known.acronym, org)
    return by_key, by_acronym


class Resolver:
    """Per-cable knowledge: the seed plus the cable's own definitions."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.country = country_of_origin(cable.origin)
        self.city = origin_city(cable.origin)
        by_key, by_acronym = _seed_tables(self.country)
        self.by_key: dict[str, Org] = dict(by_key)  # copies: the cable's own definitions are added to them
        self.by_acronym: dict[str, Org] = dict(by_acronym)
        self.defined: dict[str, Org] = {}
        self.not_bodies: set[str] = set()  # acronyms the cable defines as laws, plans or systems
        self._names: dict[str, Org | None] = {}  # lookup_name's answers while by_key stays the same
        # bumped whenever a name or an acronym may come to resolve otherwise (a definition, an acronym that names no
        # body, the host government's acronym): what readers remember of this resolver's answers is then stale
        self.generation = 0

    def not_body(self, acronym: str) -> None:
        """An acronym the cable defines as a law, plan, system or document: never a body of its own."""
        self.not_bodies.add(acronym)
        self.generation += 1

    def define(self, acronym: str, expansion: str, parent: Org | None = None) -> None:
        """An acronym the cable itself defines (glossary or inline); `parent` owns it ("the Ministry's Unit")."""
        expansion = re.sub(r"\s+", " ", expansion).strip().rstrip(".,;")
        expansion = re.sub(r"^(?:the|The)\s+", "", expansion)
        expansion = re.sub(r"\s*\((?:local|formerly|see|i\.e\.|in )[^)]*\)$", "", expansion)
        known = self.lookup_name(expansion) or self.by_acronym.get(acronym)
        if known and (known.acronym in (None, acronym) or norm_key(known.name) == norm_key(expansion)):
            org = Org(known.name, acronym if known.acronym is None else known.acronym, known.org_type, known.country)
        elif known and self.lookup_name(expansion):
            org = known
        else:
            org = self.new(expansion, acronym)
            if parent is not None and parent.org_type in NATIONAL_TYPES and org.org_type in {"ngo", "other"}:
                org = Org(org.name, org.acronym, parent.org_type, parent.country)  # a unit of a national body
        self.defined[acronym] = org
        self.by_acronym[acronym] = org
        self.by_key.setdefault(norm_key(expansion), org)
        self.by_key.setdefault(norm_key(canonical_ministry(expansion)), org)
        self._names.clear()  # the new keys can name what was unknown
        self.generation += 1

    def lookup_name(self, name: str) -> Org | None:
        """The body a name designates by the seed or the cable's definitions (remembered until the next definition)."""
        if name not in self._names:
            self._names[name] = self._lookup_name(name)
        return self._names[name]

    def _lookup_name(self, name: str) -> Org | None:
        keys, demonym_country, rest_key = _lookup_keys(name)
        for key in keys:
            org = self.by_key.get(key)
            if org:
                return org
        if rest_key is not None and self.country and demonym_country == self.country:
            org = self.by_key.get(rest_key)
            if org and org.org_type in NATIONAL_TYPES:
                return org
        return None

    def government_acronym(self, token: str) -> Org | None:
        """'GOS', 'GOT', 'RTG': the host government by the usual cable convention."""
        if not self.country or not _GOVERNMENT_ACRONYM.fullmatch(token):
            return None
        initials = "".join(w[0] for w in self.country.split() if w[0].isupper())
        if token in (f"GO{initials}", f"GO{self.country[0]}") or token == "RTG" and self.country == "Thailand":
            government = self.host_government()
            if government.acronym is None:  # the cable's own abbreviation names the host government
                government = Org(government.name, token, government.org_type, government.country)
                if token not in self.by_acronym:
                    self.by_acronym[token] = government
                    self.generation += 1
            return government
        return None

    def host_government(self) -> Org:
        """The government of the country the cable was sent from."""
        for key in (f"government of {self.country}", f"royal government of {self.country}"):
            org = self.by_key.get(norm_key(key))
            if org:
                return org
        return Org(f"Government of {self.country}", None, "government", self.country)

    def new(self, name: str, acronym: str | None = None) -> Org:
        """An organization known only from the cable: type from head words and demonym prefix."""
        name = canonical_ministry(name)
        if self.country:
            name = re.sub(rf"\s+in\s+(?:the\s+)?{re.escape(self.country)}$", "", name)
        owner = re.match(r"([A-Z][\w .-]+?)['’]s\s+(?=[A-Z])", name)
        owner_country = COUNTRY_NAMES.get(owner.group(1)) if owner else None
        if owner_country:
            name = name[owner.end() :]  # "Paraguay's Department of Immigration": the state owns the body
        org_type = type_from_heads(name) or ("company" if re.search(r"\b(?:JSC|LLC|Co)\b", name) else "other")
        country = self.country if org_type in NATIONAL_TYPES else None
        first = name.split(" ", 1)[0]
        foreign = owner_country or ADJECTIVE_COUNTRY.get(first.lower())
        if foreign and foreign != self.country and first not in {"International"}:
            country = foreign
            if org_type == "government":
                org_type = "foreign_government"
        elif foreign and foreign == self.country:
            country = foreign
        return Org(name, acronym, org_type, country)

    def resolve_phrase(self, phrase: str) -> Org | None:
        """The organization a capitalised noun phrase names, or None."""
        phrase = strip_possessive(phrase.strip())
        org = self.lookup_name(phrase)
        if org:
            return org
        special = self.governments(phrase)
        if special:
            return special
        if has_head(phrase) and len(phrase) > 3:
            if is_bare_head(phrase):
                return None
            return self.new(phrase, None)
        return None

    def governments(self, phrase: str) -> Org | None:
        """The U.S. mission and embassy, the host government and foreign governments by their usual phrases."""
        if "Mission" not in phrase and "Embassy" not in phrase and "overnment" not in phrase:
            return None  # a word every phrase below holds
        if _US_MISSION.fullmatch(phrase):
            return self.by_key.get("u s mission")
        if phrase == "Mission":
            return self.us_embassy()
        match = _MISSION_OF.fullmatch(phrase)
        if match and match.group(1) in self.by_acronym:
            return self.by_acronym[match.group(1)]  # "Mission DEA": the DEA office of the U.S. mission
        if match and COUNTRY_NAMES.get(match.group(1)):  # "Mission Brazil": the U.S. mission in the country
            return Org(f"U.S. Mission {match.group(1)}", None, "foreign_government", "United States")
        match = _EMBASSY.fullmatch(phrase)
        if match and (not match.group(1) or (self.city and match.group(1).strip() == self.city)):
            return self.us_embassy()
        match = _DEMONYM_GOVERNMENT.fullmatch(phrase)
        if match and self.country and ADJECTIVE_COUNTRY.get(match.group(1).lower()) == self.country:
            return self.host_government()  # "the Egyptian Government": the host government
        match = _GOVERNMENT_OF.fullmatch(phrase)
        if match:
            country = ADJECTIVE_COUNTRY.get(match.group(1).lower())
            if country and country == self.country:
                return self.host_government()
            if country == "United States":
                return self.by_acronym["USG"]
            if country:
                return Org(phrase, None, "foreign_government", country)
        return None

    def us_embassy(self) -> Org:
        """The U.S. mission that sent the cable."""
        name = f"U.S. Embassy {self.city}" if self.city else "U.S. Embassy"
        return Org(name, None, "foreign_government", "United States")
