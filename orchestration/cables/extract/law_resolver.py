"""The curated laws a cable can name (the `known_laws` seed) and the laws a cable names that the seed does not know."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import lru_cache

from orchestration.cables.extract.law_lexicon import KnownLaw, law_key, load_known_laws
from orchestration.cables.extract.law_patterns import CUE
from orchestration.cables.extract.org_countries import COUNTRY_ADJECTIVES, country_of_origin
from orchestration.cables.extract.text_scan import holds_any_folded, required_words
from orchestration.cables.model import Cable

# head words that the cables also write in the plural ("Protocols to Prevent ...")
_PLURAL_HEADS = {"law", "act", "code", "convention", "protocol", "decree", "agreement"}
_FUZZY_MIN_LENGTH = 15  # names shorter than this only match exactly: "Labor Code" is not "Labor Law"
_FUZZY_RATIO = 0.92


def demonym(country: str | None) -> str | None:
    """The adjective of a country ("Syrian"), or the country's name when none is known."""
    if not country:
        return None
    adjectives = COUNTRY_ADJECTIVES.get(country) or []
    return adjectives[0] if adjectives else country


def _usable(law: KnownLaw, surface: str, country: str | None) -> bool:
    """Whether a seed alias can name a law in a cable from `country`.

    Short aliases ("1996 law", "penal code") name a law only in its own country; longer names of
    international and US instruments and acronyms name them anywhere.
    """
    if law.country in (None, country):
        return True
    return (len(surface.split()) >= 2 and law.country in (None, "United States")) or surface.isupper()


def _alias_pattern(surface: str) -> str:
    """A pattern for an alias that tolerates line-wrapped spacing, dropped commas and plural heads."""
    tokens = re.findall(r"[^\s,]+", surface)
    parts = [re.escape(t) + ("s?" if t.lower() in _PLURAL_HEADS else "") for t in tokens]
    body = r",?\s+".join(parts)
    case_sensitive = surface.isupper() or len(tokens) == 1
    return body if case_sensitive else f"(?i:{body})"


@lru_cache(maxsize=64)
def _seed_index(country: str | None) -> tuple[dict[str, KnownLaw], re.Pattern[str] | None]:
    """Seed laws usable in a country's cables by comparison key, and one pattern matching any of their aliases."""
    index, surfaces = _usable_surfaces(country)
    return index, _alternation(surfaces)


@lru_cache(maxsize=64)
def _cueless_pattern(country: str | None) -> re.Pattern[str] | None:
    """A pattern of the aliases without a law word ("TVPA", "CEDAW"): what the cheap test of a text cannot see."""
    _, surfaces = _usable_surfaces(country)
    return _alternation([s for s in surfaces if not CUE.search(s)])


@lru_cache(maxsize=128)
def _required_words(pattern: re.Pattern[str] | None) -> tuple[str, ...] | None:
    return required_words(pattern) if pattern is not None else None


def _alternation(surfaces: list[str]) -> re.Pattern[str] | None:
    if not surfaces:
        return None
    surfaces = sorted(surfaces, key=len, reverse=True)  # the longest alias wins where several start at one place
    alternation = "|".join(_alias_pattern(s) for s in surfaces)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _usable_surfaces(country: str | None) -> tuple[dict[str, KnownLaw], list[str]]:
    index: dict[str, KnownLaw] = {}
    surfaces: list[str] = []
    for law in load_known_laws():
        for surface in (law.name, *law.aliases):
            if _usable(law, surface, country):
                index.setdefault(law_key(surface), law)
                surfaces.append(surface)
    return index, surfaces


class LawResolver:
    """Per-cable knowledge: the seed laws usable in this cable's country and the laws the cable adds."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.country = country_of_origin(cable.origin)
        self.sent = cable.sent_at.date()
        self.laws = load_known_laws()
        self.index, self.alias_pattern = _seed_index(self.country)
        self._cueless = _cueless_pattern(self.country)
        # words every match of the patterns holds one of, in any case (cheap tests before them)
        self.alias_words = _required_words(self.alias_pattern)
        self._cueless_words = _required_words(self._cueless)
        self.created: dict[str, KnownLaw] = {}
        own = [self.country.lower()] if self.country else []
        if self.country:
            own += [adjective.lower() for adjective in COUNTRY_ADJECTIVES.get(self.country, [])]
        self.own_words = "|".join(re.escape(word) for word in own) or "zzz"

    def may_name_a_law(self, text: str) -> bool:
        """A cheap test: False when `text` holds neither a law word nor an alias of a seed law."""
        return bool(CUE.search(text)) or self.names_an_alias_without_cue(text)

    def names_an_alias_without_cue(self, text: str) -> bool:
        """Whether `text` holds a seed alias without a law word ("TVPA", "CEDAW"), which `CUE` does not see."""
        return bool(self._cueless and holds_any_folded(text, self._cueless_words) and self._cueless.search(text))

    def seed_law(self, surface: str) -> KnownLaw | None:
        """The seed law an alias matched in the text names."""
        return self.index.get(law_key(surface))

    def lookup(self, name: str) -> KnownLaw | None:
        """The seed law a name designates: the same key, the same without "new"/"draft"/the country, or a close
        spelling of a long name."""
        key = law_key(name)
        if key in self.index:
            return self.index[key]
        stripped = re.sub(rf"^(?:new|draft|{self.own_words})\s+", "", key)
        if stripped in self.index:
            return self.index[stripped]
        return _fuzzy(stripped, self.country)

    def new(self, name: str, enacted: dt.date | None, country: str | None) -> KnownLaw:
        """The cable's own law of that name (one object per name, keeping the first enactment date found)."""
        key = law_key(name)
        if key not in self.created:
            self.created[key] = KnownLaw(name, country, enacted, ())
        elif enacted and not self.created[key].enacted_date:
            self.created[key] = KnownLaw(self.created[key].name, country, enacted, ())
        return self.created[key]

    def dated(self, law: KnownLaw, date: dt.date) -> KnownLaw:
        """`law` with an enactment date the cable gives."""
        dated = KnownLaw(law.name, law.country, date, law.aliases)
        key = law_key(law.name)
        if key in self.created:
            self.created[key] = dated
        return dated


@lru_cache(maxsize=1024)
def _fuzzy(key: str, country: str | None) -> KnownLaw | None:
    """The seed law whose long alias is spelled almost like `key` (typos, "Woman's"/"Women's")."""
    if len(key) < _FUZZY_MIN_LENGTH:
        return None
    index, _ = _seed_index(country)
    best, best_ratio = None, 0.0
    for alias_key, law in index.items():
        if len(alias_key) < _FUZZY_MIN_LENGTH or law.country not in (None, country, "United States"):
            continue
        matcher = difflib.SequenceMatcher(None, key, alias_key)
        if matcher.real_quick_ratio() < _FUZZY_RATIO or matcher.quick_ratio() < _FUZZY_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = law, ratio
    return best if best_ratio >= _FUZZY_RATIO else None
