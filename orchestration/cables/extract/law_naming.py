"""One name per law across a cable: variants, short references and references by year or topic resolved to the law
the cable names, and every law named as the cable writes it.

A reference ("the 1996 law", "the new anti-TIP law", "the Organic Law") resolves only to a law the same cable names
in full; otherwise it keeps what the cable calls it. Laws are compared across cables downstream, by name.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter

from orchestration.cables.extract.law_finders import Found
from orchestration.cables.extract.law_lexicon import KnownLaw, law_key, load_known_laws
from orchestration.cables.extract.law_patterns import GENERIC_MODIFIERS
from orchestration.cables.extract.law_resolver import LawResolver
from orchestration.cables.extract.org_countries import ADJECTIVE_COUNTRY

_HEADS = {"law", "code", "act", "decree"}
# "It was law no. 12 of 1996": the law of the sentence before, designated otherwise
_COPULA_START = re.compile(r"^\s*(?:It|This|That)\s+(?:was|is)\s+(?:also\s+)?$")
_RECENT = dt.timedelta(days=3 * 365)  # "the new law" is one enacted within this time before the cable
_NOT_THE_LAW_ITSELF = re.compile(r"\b(?:Guidelines|Amendments?|Regulations?|draft)\b", re.IGNORECASE)


def same_as_designations(text: str, found: list[Found], previous: list[Found]) -> dict[str, KnownLaw]:
    """ "the Anti-Trafficking in Persons Act of 2003 (Republic Act 9208)", "The Child law: Enacted in 1996. It was
    law no. 12 of 1996": one law, two designations (`previous`: the laws of the sentence before)."""
    same: dict[str, KnownLaw] = {}
    copula = found and previous and _COPULA_START.match(text[: found[0].start])
    if copula and previous[-1].law.name != found[0].law.name:
        same[found[0].law.name] = previous[-1].law
    for first, second in zip(found, found[1:], strict=False):
        if (
            first.law.name != second.law.name
            and re.fullmatch(r"[^()]{0,12}\(\s*", text[first.end : second.start])
            and re.match(r"\s*\)", text[second.end :])
            and not second.law.aliases
        ):
            same.setdefault(second.law.name, first.law)
    return same


def resolve(mentions: list[Found], resolver: LawResolver, same_as: dict[str, KnownLaw]) -> list[Found]:
    """The mentions that name a law, each mention of one law given the same law, named as the cable writes it."""
    mentions = list(mentions)
    for mention in mentions:
        if mention.law.name in same_as:
            mention.law = _keep_date(same_as[mention.law.name], mention.law)
    _merge_variants(mentions)
    _resolve_year_references(mentions)
    _merge_compounds(mentions)
    _resolve_trafficking_references(mentions, resolver)
    _name_as_written(mentions)
    dates: dict[str, dt.date] = {}
    for mention in mentions:
        if mention.law.enacted_date:
            dates.setdefault(mention.law.name, mention.law.enacted_date)
    for mention in mentions:
        if not mention.law.enacted_date and mention.law.name in dates:
            mention.law = KnownLaw(mention.law.name, mention.law.country, dates[mention.law.name], mention.law.aliases)
    return mentions


def _keep_date(target: KnownLaw, source: KnownLaw) -> KnownLaw:
    if target.enacted_date or not source.enacted_date:
        return target
    return KnownLaw(target.name, target.country, source.enacted_date, target.aliases)


def _retarget(mentions: list[Found], name: str, target: KnownLaw) -> None:
    for mention in mentions:
        if mention.law.name == name:
            mention.law = _keep_date(target, mention.law)


def _merge_variants(mentions: list[Found]) -> None:
    """Within a cable, variants are one law: near-identical spellings ("Woman's" / "Women's", typos), a generic
    code named in full elsewhere ("penal code" -> "General Penal Code", "Penal Code" -> "Brazilian Penal Code"),
    and short references ("the Organic Law" -> the Organic Law last named in full)."""
    seen: list[KnownLaw] = []  # each distinct law, in text order of first mention
    dropped: list[Found] = []
    for mention in mentions:
        key = law_key(mention.law.name)
        words = key.split()
        head = words[-1] if words else ""
        target = None
        if _is_short_reference(words):
            earlier = [
                law
                for law in seen
                if law_key(law.name) != key
                and (
                    law_key(law.name).startswith(key + " ")
                    or (len(words) == 2 and ADJECTIVE_COUNTRY.get(words[0]) and law_key(law.name).endswith(" " + head))
                )
            ]
            if not earlier and mention.kind == "formal":
                dropped.append(mention)  # "the Egyptian Law", "the Organic Law" with nothing to refer to: not a name
                continue
            target = earlier[-1] if earlier else None
        else:
            for other in seen:
                other_key = law_key(other.name)
                if other_key == key:
                    break
                close = len(key) > 12 and difflib.SequenceMatcher(None, key, other_key).ratio() >= 0.9
                if close or (len(words) <= 3 and other_key.endswith(" " + key) and head in {"code", "law"}):
                    target = other
                    break
        if target is not None:
            mention.law = _keep_date(target, mention.law)
        if all(law.name != mention.law.name for law in seen):
            seen.append(mention.law)
    for mention in dropped:
        mentions.remove(mention)
    _merge_country_prefixed(mentions)


def _is_short_reference(words: list[str]) -> bool:
    """ "law", "the Organic Law", "the Egyptian Law": a head with at most a generic or country word before it."""
    if not 1 <= len(words) <= 2 or words[-1] not in _HEADS:
        return False
    return len(words) == 1 or words[0] in GENERIC_MODIFIERS or bool(ADJECTIVE_COUNTRY.get(words[0]))


def _merge_country_prefixed(mentions: list[Found]) -> None:
    """ "Penal Code" and, later, "Brazilian Penal Code": the fuller name is the law's."""
    names = {mention.law.name: mention.law for mention in mentions}
    for name, law in names.items():
        key = law_key(name)
        fuller = [
            other
            for other_name, other in names.items()
            if law_key(other_name).endswith(" " + key)
            and ADJECTIVE_COUNTRY.get(law_key(other_name)[: -len(key) - 1])
            and law.country in (None, other.country)
        ]
        if len(fuller) == 1:
            _retarget(mentions, name, fuller[0])


def _resolve_year_references(mentions: list[Found]) -> None:
    """A law referred to by its year ("the 1996 law") is the one law of that year the cable names."""
    references = {m.law.name: m.law.enacted_date.year for m in mentions if m.kind == "year" and m.law.enacted_date}
    for name, year in references.items():
        anti_trafficking = bool(re.match(r"(?:anti|counter)-(?:tip|trafficking|human)", name, re.IGNORECASE))
        named = {
            m.law.name: m.law
            for m in mentions
            if m.kind != "year" and m.law.enacted_date and m.law.enacted_date.year == year
        }
        if anti_trafficking and len(named) > 1:
            named = {n: law for n, law in named.items() if "Trafficking" in n} or named
        if len(named) == 1:
            _retarget(mentions, name, next(iter(named.values())))


def _merge_compounds(mentions: list[Found]) -> None:
    """A compound name is the prepositional one of the same cable: "Prostitution Law" is the "Law for Combating
    Prostitution", "Organized Crime Law" the "Organic Law Against Organized Crime" (one such law only)."""
    laws = {m.law.name: m.law for m in mentions}
    for name in list(laws):
        words = law_key(name).split()
        if not 2 <= len(words) <= 4 or words[-1] not in _HEADS:
            continue
        head, topic = words[-1], " ".join(words[:-1])
        matches = [
            law
            for other, law in laws.items()
            if other != name
            and law_key(other).endswith(" " + topic)
            and head in law_key(other)[: -len(topic)].split()
            and len(law_key(other).split()) <= 8
        ]
        if len(matches) == 1:
            _retarget(mentions, name, matches[0])


def _resolve_trafficking_references(mentions: list[Found], resolver: LawResolver) -> None:
    """ "The anti-TIP law" is the country's law against trafficking that the cable names in full; else it keeps the
    name the cable gives it most often, marked "(draft)" when the cable speaks of it as a draft."""
    references = [m for m in mentions if m.kind == "trafficking"]
    general = [m for m in mentions if m.kind == "trafficking_general"]
    if not references:
        for mention in general:
            mentions.remove(mention)
        return
    references += general
    draft = any(m.draft for m in references)
    fresh = draft or any("new" in m.surface.lower().split() for m in references)
    named = {
        m.law.name: m.law
        for m in mentions
        if m.kind in ("seed", "formal", "numbered")
        and m.about_trafficking
        and m.law.country in (resolver.country, None)
        and m.law.country is not None
        and not _NOT_THE_LAW_ITSELF.search(m.law.name)
        and not (fresh and m.law.enacted_date and resolver.sent - m.law.enacted_date > _RECENT)
    }
    if len(named) == 1:
        target = next(iter(named.values()))
        if draft and not target.enacted_date and not target.name.endswith("(draft)"):
            target = KnownLaw(f"{target.name} (draft)", target.country, None, target.aliases)
            _retarget(mentions, next(iter(named)), target)
    else:
        forms = Counter(m.law.name for m in references)
        first = {m.law.name: i for i, m in reversed(list(enumerate(references)))}
        # a capitalised form is the law's name ("Anti-Trafficking Law"); else the most frequent, first written
        form = max(forms, key=lambda name: (name[0].isupper(), forms[name], -first[name]))
        target = KnownLaw(f"{form} (draft)" if draft else form, resolver.country, None, ())
    for mention in references:
        mention.law = _keep_date(target, mention.law)


def _name_as_written(mentions: list[Found]) -> None:
    """A seed law the cable names only by another designation ("TVPA", "U.S. PROTECT Act") is named as written."""
    seed_names = {law.name for law in load_known_laws()}
    by_law: dict[str, list[Found]] = {}
    for mention in mentions:
        if mention.law.name in seed_names:
            by_law.setdefault(mention.law.name, []).append(mention)
    for name, group in by_law.items():
        written = [m.written or m.surface for m in group]
        if any(law_key(w) == law_key(name) for w in written):
            continue
        fullest = max(written, key=lambda w: (not w.isupper(), len(w)))
        fullest = re.sub(r"^(?:the|a|an)\s+", "", fullest, flags=re.IGNORECASE)
        law = group[0].law
        for mention in group:
            mention.law = KnownLaw(fullest, law.country, mention.law.enacted_date or law.enacted_date, law.aliases)
