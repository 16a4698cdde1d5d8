"""One identity per body within a cable: acronyms shared across a name's mentions, undefined acronyms and short
forms merged into the longer name the cable writes, bare foreign states into their governments."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from orchestration.cables.extract.org_countries import ADJECTIVE_COUNTRY, COUNTRY_NAMES
from orchestration.cables.extract.org_lexicon import norm_key
from orchestration.cables.extract.records import OrganizationMention


def harmonise(mentions: list[OrganizationMention], known_names: set[str]) -> list[OrganizationMention]:
    """One identity per body within the cable (mentions are updated in place and returned)."""
    _merge_spelling_variants(mentions)
    _merge_word_orders(mentions)
    _share_acronyms(mentions)
    _expand_undefined_acronyms(mentions)
    _merge_short_forms(mentions, known_names)
    _states_as_governments(mentions)
    return _without_unnamed_police(mentions)


def _without_unnamed_police(mentions: list[OrganizationMention]) -> list[OrganizationMention]:
    """ "the police" is the host's police only where the cable names no police body of its own of that kind."""
    named = {
        (generic, m.country)
        for m in mentions
        for generic in ("police", "gendarmerie")
        if m.name != generic and m.org_type == "police" and generic in m.name.lower()
    }
    return [m for m in mentions if (m.name, m.country) not in named]


def _merge_spelling_variants(mentions: list[OrganizationMention]) -> None:
    """Names a letter or two apart are one body misspelt ("Ministry of Labor and Vocational Trainings",
    "Ministry of Womens Affairs"): each takes the identity of the variant with an acronym, else the most written."""
    count = Counter(m.name for m in mentions)
    best = {m.name: m for m in sorted(mentions, key=lambda m: (m.acronym is None, -count[m.name]), reverse=True)}
    names = sorted(best, key=lambda n: (best[n].acronym is None, -count[n]))
    canonical: dict[str, OrganizationMention] = {}
    for i, name in enumerate(names):
        key = norm_key(name)
        for other in names[:i]:
            other_key = norm_key(other)
            if (
                other not in canonical
                and len(key) >= 12
                and abs(len(key) - len(other_key)) <= 2
                and key[:4] == other_key[:4]
                and best[name].country == best[other].country
                and SequenceMatcher(None, key, other_key).ratio() >= 0.95
            ):
                canonical[name] = best[other]
                break
    for mention in mentions:
        other = canonical.get(mention.name)
        if other is not None:
            mention.name, mention.acronym = other.name, other.acronym
            mention.org_type, mention.country = other.org_type, other.country


def _merge_word_orders(mentions: list[OrganizationMention]) -> None:
    """ "Immigration Department" and "Department of Immigration" in one cable are one body: the same words in
    another order, "of" and articles aside. The identity is the one with an acronym, else the most written."""
    count = Counter(m.name for m in mentions)
    by_words: dict[tuple, OrganizationMention] = {}
    for mention in sorted(mentions, key=lambda m: (m.acronym is None, -count[m.name])):
        words = tuple(sorted(w for w in norm_key(mention.name).split() if w not in _MINOR))
        if len(words) < 2:
            continue
        other = by_words.setdefault((words, mention.country), mention)
        if other is not mention and other.name != mention.name:
            mention.name, mention.acronym = other.name, other.acronym
            mention.org_type, mention.country = other.org_type, other.country


def _share_acronyms(mentions: list[OrganizationMention]) -> None:
    """The same name always carries the same acronym."""
    acronym_of: dict[tuple[str, str | None], str] = {}
    for mention in mentions:
        if mention.acronym:
            acronym_of.setdefault((norm_key(mention.name), mention.country), mention.acronym)
    for mention in mentions:
        if not mention.acronym:
            mention.acronym = acronym_of.get((norm_key(mention.name), mention.country))


def _expand_undefined_acronyms(mentions: list[OrganizationMention]) -> None:
    """An undefined acronym built from a longer name's initials, or written inside a longer name
    ("Association AWA"), is that body."""
    for mention in mentions:
        if mention.acronym and mention.name == mention.acronym:
            for other in mentions:
                if (
                    other.name != mention.name
                    and other.acronym in (None, mention.acronym)
                    and _abbreviates(mention.acronym, other.name)
                ):
                    for same in mentions:
                        if same.name == other.name:
                            same.acronym = mention.acronym
                    mention.name, mention.org_type, mention.country = other.name, other.org_type, other.country
                    break
    for mention in mentions:
        if mention.acronym and mention.name == mention.acronym:
            for other in mentions:
                if other.name != mention.name and _written_inside(mention.name, other.name):
                    mention.name, mention.acronym = other.name, other.acronym
                    mention.org_type, mention.country = other.org_type, other.country
                    break


def _merge_short_forms(mentions: list[OrganizationMention], known_names: set[str]) -> None:
    """A short form of a longer name in the same cable: "National Commission" for "National Commission for
    Combating Trafficking in Persons", "Parliament" for "Syrian Parliament"."""
    full_names = {m.name: m for m in mentions}
    for mention in mentions:
        if mention.acronym or mention.name in known_names:
            continue
        for name, other in full_names.items():
            if name == mention.name or other.country != mention.country:
                continue
            rest = name[len(mention.name) :] if name.startswith(mention.name + " ") else None
            prefix = name[: -len(mention.name)] if name.endswith(" " + mention.name) else None
            if (rest and _COMPLEMENT.match(rest) and " " in mention.name) or (
                prefix and ADJECTIVE_COUNTRY.get(prefix.strip().lower()) == mention.country and mention.country
            ):
                mention.name, mention.acronym, mention.org_type = other.name, other.acronym, other.org_type
                break


def _states_as_governments(mentions: list[OrganizationMention]) -> None:
    """A foreign state named bare ("Thailand") is the government the cable names elsewhere."""
    governments = {}
    for mention in mentions:
        if mention.org_type == "foreign_government" and mention.name != mention.country and mention.country:
            governments.setdefault(mention.country, mention)
    for mention in mentions:
        if (
            mention.org_type == "foreign_government"
            and mention.country in governments
            and (COUNTRY_NAMES.get(mention.name) == mention.country)
        ):
            other = governments[mention.country]
            mention.name, mention.acronym = other.name, other.acronym


_COMPLEMENT = re.compile(r"\s+(?:for|of|on|to|against|and)\s")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_NOT_CAPITAL = re.compile(r"[^A-Z]")
_MINOR = {"of", "for", "and", "the", "on", "in", "to", "against", "de", "des", "du", "la", "le", "les", "pour"}


def _written_inside(word: str, name: str) -> bool:
    """Whether a word is written as a word of its own inside a name ("AWA" in "Association AWA")."""
    return word in name and bool(_standalone(word).search(name))  # the substring test is the cheap one


@lru_cache(maxsize=4096)
def _standalone(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


@lru_cache(maxsize=65536)
def _abbreviates(acronym: str, name: str) -> bool:
    """Whether an acronym is built from a name's initials ("MOSAVY" <- "Ministry of Social Affairs, Veterans ...")."""
    words = _WORD.findall(name)
    letters = _NOT_CAPITAL.sub("", acronym.upper())
    if len(letters) < 3 or not words or words[0][0].upper() != letters[0]:
        return False
    i, covered = 0, 0
    for word in words:
        if i < len(letters) and word[0].upper() == letters[i]:
            i += 1
            covered += word.lower() not in _MINOR
    content = sum(1 for w in words if w.lower() not in _MINOR)
    return i == len(letters) and covered >= max(2, content - 1)
