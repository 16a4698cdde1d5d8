"""Law mentions of one sentence: seed aliases, formal and numbered names, citations, references by year or topic."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from orchestration.cables.extract import law_patterns as p
from orchestration.cables.extract.law_details import attach_articles, date_laws
from orchestration.cables.extract.law_lexicon import KnownLaw, parse_date
from orchestration.cables.extract.law_resolver import LawResolver, demonym
from orchestration.cables.extract.org_countries import ADJECTIVE_COUNTRY
from orchestration.cables.extract.sentences import Sentence, split_sentences
from orchestration.cables.extract.text_scan import holds_any, holds_any_folded
from orchestration.cables.model import Paragraph

_NO_SPLIT = re.compile(r"\b(?:no|nos|art|arts)\.$", re.IGNORECASE)
# the longest text `_NO_SPLIT` matches ("arts." before a final line break) and the character its \b looks at: searching
# from this far before a text's end finds what searching all of it would
_NO_SPLIT_TAIL = 8
_CAPITALISED_CODES = {"penal code", "labor code", "criminal code", "family code"}


@dataclass
class Found:
    """A law mention in a sentence: its span, the law it names and how it was found."""

    start: int
    end: int
    law: KnownLaw
    surface: str
    kind: str  # seed, formal, numbered, citation, year, trafficking, generic, constitution, sub_decree, ruling
    articles: list[str] = field(default_factory=list)
    written: str = ""  # the law's name as the cable writes it here ("ILO Convention 105" of a list)
    draft: bool = False  # the mention speaks of a draft ("the draft anti-TIP law")
    about_trafficking: bool = False  # a named law the sentence says is about trafficking in persons


@dataclass
class CableContext:
    """What a cable tells the finders of every sentence: the resolver and the years of numbered laws."""

    resolver: LawResolver
    number_years: dict[str, str] = field(default_factory=dict)  # "decree 81" -> "2006" (named in full elsewhere)


def legal_sentences(paragraph: Paragraph) -> list[Sentence]:
    """The splitter's sentences, rejoining those cut after "no." or "art." ("law no. 12 of 1996")."""
    merged: list[Sentence] = []
    for sentence in split_sentences(paragraph):
        if merged and _NO_SPLIT.search(merged[-1].text, max(0, len(merged[-1].text) - _NO_SPLIT_TAIL)):
            previous = merged.pop()
            sentence = Sentence(paragraph.text[previous.start : sentence.end], previous.start, sentence.end)
        merged.append(sentence)
    return merged


def numbered_key(match: re.Match[str]) -> str:
    """ "decree 81" for "Decree 81 of 2006" and "Decree 81": one key for a numbered law however it is cited."""
    kind = re.sub(r"\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?\d.*$", "", match.group("name")).lower()
    return f"{kind.split()[-1]} {match.group('number')}"


def cue_starts(text: str) -> list[int]:
    """Where `p.CUE` matches in a paragraph's text, in order: a sentence of the paragraph holds a match of CUE exactly
    when one of these lies within its span (no match crosses a sentence's end, which is punctuation then space)."""
    starts = [match.start() + 1 for match in p.CUE_AFTER_NON_WORD.finditer(text)]
    if p.CUE.match(text):
        starts.insert(0, 0)  # at the start of the text, where no character stands before the match
    return starts


def holds_a_cue(starts: list[int], start: int, end: int) -> bool:
    """Whether one of the `cue_starts` of a paragraph lies in [start, end)."""
    index = bisect.bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def find_laws(text: str, context: CableContext, may_name_a_law: bool | None = None) -> list[Found]:
    """Law mentions of a sentence, in text order, with the dates and articles the sentence gives them.

    `may_name_a_law`: the answer of `LawResolver.may_name_a_law` for the text when the caller knows it already."""
    if may_name_a_law is None:
        may_name_a_law = context.resolver.may_name_a_law(text)
    if not may_name_a_law:
        return []
    found: list[Found] = []
    for finder in _FINDERS:
        finder(text, context, found)
    found.sort(key=lambda f: f.start)
    date_laws(text, context.resolver, found)
    attach_articles(text, found)
    return found


def _free(found: list[Found], start: int, end: int) -> bool:
    return not any(start < f.end and f.start < end for f in found)


def _aliases(text: str, context: CableContext, found: list[Found]) -> None:
    resolver = context.resolver
    if resolver.alias_pattern is None or not holds_any_folded(text, resolver.alias_words):
        return
    for match in resolver.alias_pattern.finditer(text):
        if p.ABOUT_LAW_BEFORE.search(text[max(0, match.start() - 80) : match.start()]):
            continue  # "Guidelines on the Implementation of the <law>": the guidelines are the mention
        law = resolver.seed_law(match.group(0))
        if law is not None and _free(found, *match.span()):
            about = "Trafficking" in law.name
            found.append(Found(match.start(), match.end(), law, match.group(0), "seed", about_trafficking=about))


def _numbered_lists(text: str, context: CableContext, found: list[Found]) -> None:
    """ "ILO Conventions 29, 105 and 182": one mention of each instrument, all spanning the list."""
    if not holds_any(text, p.NUMBERED_LIST_WORDS):
        return
    for match in p.NUMBERED_LIST.finditer(text):
        if not _free(found, *match.span()):
            continue
        head = match.group("head")[:-1]
        for number in re.findall(r"\d+", match.group("numbers")):
            name = f"{match.group('prefix')}{head} {number}"
            law = context.resolver.lookup(name) or context.resolver.new(name, None, None)
            found.append(Found(match.start(), match.end(), law, match.group(0), "numbered", written=name))


def _numbered(text: str, context: CableContext, found: list[Found]) -> None:
    resolver = context.resolver
    if not holds_any(text, p.NUMBERED_WORDS):
        return
    for match in p.NUMBERED.finditer(text):
        start, end = match.span("name")
        if not _free(found, start, end):
            continue
        name = match.group("name")
        if re.match(r"[a-z]", name) is None and name.split()[0] in p.LEADING_STOP:
            name = name.split(" ", 1)[1]
            start = end - len(name)
        written_year = match.group("year") or match.group("year2")
        slash_year = re.search(r"/((?:19|20)\d{2})$", match.group("number"))
        if slash_year:
            written_year = written_year or slash_year.group(1)  # "Law 23/2007" is of 2007 as written
        year = (
            written_year
            or (slash_year.group(1) if slash_year else None)
            or context.number_years.get(numbered_key(match))
        )
        if re.search(r"[Aa]greement", name) and not year:
            continue
        law = resolver.lookup(name) or resolver.lookup(f"{name} of {year}" if year else name)
        if law is None:
            canonical = name if written_year or not year else f"{name} of {year}"
            canonical = re.sub(r"\s+\(((?:19|20)\d{2})\)$", r" of \1", canonical)
            if re.match(r"(?:law|decree)\b", canonical):
                canonical = canonical[0].upper() + canonical[1:]
            law = resolver.new(canonical, parse_date(year) if year else None, resolver.country)
        about = "Trafficking" in name or bool(p.ABOUT_TRAFFICKING_AFTER.match(text[end:]))
        found.append(Found(start, end, law, text[start:end], "numbered", about_trafficking=about))


def _citations(text: str, context: CableContext, found: list[Found]) -> None:
    """A statute cited by section: "INA 212(a)(3)(A)(ii)" names the INA, "Foreign Affairs Manual 40.31" the FAM."""
    if not holds_any(text, p.CITATION_WORDS):
        return
    for match in p.CITATION.finditer(text):
        group = "acronym" if match.group("acronym") else "named"
        start, end = match.span(group)
        name = match.group(group).strip()
        end = start + len(name)
        if not _free(found, start, end) or name.split()[0] in p.LEADING_STOP:
            continue
        law = context.resolver.lookup(name) or context.resolver.new(name, None, None)
        found.append(Found(start, end, law, name, "citation"))


def _heading(text: str, context: CableContext, found: list[Found]) -> None:
    """ "The Child law: Enacted in 1996.": a law named as a heading, its head word in lower case."""
    match = p.HEADING_LAW.match(text)
    if match and _free(found, *match.span("name")):
        name = match.group("name")
        law = context.resolver.lookup(name) or context.resolver.new(name, None, context.resolver.country)
        found.append(Found(match.start("name"), match.end("name"), law, name, "formal"))


def _formal(text: str, context: CableContext, found: list[Found]) -> None:
    resolver = context.resolver
    if not holds_any(text, p.FORMAL_WORDS):
        return
    position = 0
    while match := p.FORMAL.search(text, position):
        position = max(match.end(), position + 1)
        span = _formal_span(text, match)
        if span is None:
            continue
        start, end, year = span
        if end < match.end():
            position = end  # after a cut ("... Crime and the Arab Agreement ..."), look again from the cut
        name = text[start:end]
        if not _free(found, start, end) or len(name.split()) < 2 and name != "Constitution":
            continue
        when = match.group("when")
        law = resolver.lookup(name) or (resolver.lookup(f"{when} {name}") if when else None)
        kind = "seed" if law is not None else "formal"
        if law is None and re.search(r"\bConstitution\b", name):
            law, kind = constitution(resolver, name), "constitution"
        if law is None:
            enacted = parse_date(when) if when else (parse_date(year) if year else None)
            law = resolver.new(name, enacted, _law_country(resolver, name))
        surface_start = match.start("when") if when else start
        about = "Trafficking" in law.name or bool(p.ABOUT_TRAFFICKING_AFTER.match(text[end:]))
        found.append(Found(surface_start, end, law, text[surface_start:end], kind, about_trafficking=about))


def _formal_span(text: str, match: re.Match[str]) -> tuple[int, int, str | None] | None:
    """Start, end and year of the law a formal-name match names, or None when it names none."""
    start, end = match.span("name")
    year = match.group("year")
    head = p.HEAD_WORD.search(text, start, end)
    second = p.SECOND_NAME.search(text, head.end(), end) if head else None
    if second is not None and second.start() > start:
        end = second.start()  # the name ends before "and the <another name>"
    tail_start = match.start("tail") if match.group("tail") else -1
    if tail_start >= 0 and p.MONTH_START.match(text, tail_start):
        end, tail_start = tail_start, -1  # "the Decree on June 5": a date, not what the decree is about
    if head and head.group(0) in ("Agreement", "Manual") and tail_start < 0:
        return None  # "the Free Trade Agreement", "the Security Agreement": only "Agreement to/on ..." is named
    words = text[start:end].split()
    # "Brazil's Penal Code", "the Government's Energy Bill": the owner is no part of the name ("Megan's Law" is)
    while len(words) > 1 and (
        words[0] in p.LEADING_STOP
        or words[0].endswith(("'s", "’s"))
        and (ADJECTIVE_COUNTRY.get(words[0][:-2].lower()) or len(words) > 2)
    ):
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]
    if _names_no_law(text, text[start:end], start, end) or _is_plural_description(match):
        return None
    return start, end, year


def _is_plural_description(match: re.Match[str]) -> bool:
    """ "ILO Conventions", "Laws against TIP": a plural head without a long name after it describes, not names."""
    if not match.group("plural"):
        return False
    tail = match.group("tail") or ""
    return len(re.findall(r"\b[A-Z]", tail)) < 3


def _names_no_law(text: str, name: str, start: int, end: int) -> bool:
    """A capitalised phrase with a law word that names a body, a field of law or a plan, not an instrument."""
    if any(bad in text[start : end + 20] for bad in p.NOT_LAWS) or p.BODY_AFTER.match(text[end:]):
        return True  # "International Law and Foreign Relations Directorate", "... Law Group"
    if p.FIELD_OF_LAW.match(name):
        return True
    words = name.split()
    # "National Law", "Plan Act": a programme's words around a law word, not a law's name
    return len(words) <= 2 and words[0] in {"National", "Plan"} and p.HEAD_WORD.fullmatch(words[-1]) is not None


def _law_country(resolver: LawResolver, name: str) -> str | None:
    first = name.split()[0].replace("'s", "")
    country = ADJECTIVE_COUNTRY.get(first.lower())
    if re.search(r"\b(?:Convention|Protocol|Charter|Agreement)s?\b", name):
        return country if country and first not in {"UN", "U.N."} else None
    return country or resolver.country


def constitution(resolver: LawResolver, name: str) -> KnownLaw:
    """The constitution of the country a name says ("Syrian Constitution"), else of the cable's country."""
    words = name.replace("'s", "").split()
    country = ADJECTIVE_COUNTRY.get(words[0].lower()) if len(words) > 1 else None
    country = country or resolver.country
    return resolver.new(f"{demonym(country)} Constitution" if country else "Constitution", None, country)


def _year_laws(text: str, context: CableContext, found: list[Found]) -> None:
    resolver = context.resolver
    if not holds_any(text, p.YEAR_LAW_WORDS):
        return
    for match in p.YEAR_LAW.finditer(text):
        if not _free(found, *match.span()):
            continue
        topic = re.sub(r"\s+", " ", match.group("topic")).replace("- ", "-").strip()
        name = f"{match.group('year')} law" if not topic else f"{topic} law"
        law = resolver.new(name, dt.date(int(match.group("year")), 1, 1), resolver.country)
        found.append(Found(match.start(), match.end(), law, match.group(0), "year"))


def _trafficking(text: str, context: CableContext, found: list[Found]) -> None:
    """ "the new anti-TIP law", "Brazil's anti-trafficking laws": the country's law against trafficking, named later
    (see `law_naming`) after what the cable calls it."""
    resolver = context.resolver
    if not all(holds_any_folded(text, words) for words in p.TRAFFICKING_LAW_WORDS):
        return
    for match in p.TRAFFICKING_LAW.finditer(text):
        start = match.start()
        own = (match.group("own") or "").replace("'s", "").strip()
        if own:
            country = ADJECTIVE_COUNTRY.get(own.lower())
            if country not in (resolver.country, None) and resolver.country:
                continue  # another country's law
            if country is None:
                start = match.start("topic")  # "Prosecutors ... trafficking law": not an owner
        if not _free(found, start, match.end()):
            continue
        adjectives = (match.group("adj") or "").lower()
        window = text[max(0, match.start() - 60) : match.end() + 60]
        draft = bool(
            "draft" in adjectives
            or "proposed" in adjectives
            or match.group("draft_word")
            or match.group("tail")
            or p.DRAFT_CONTEXT.search(window)
        )
        law = resolver.new(_trafficking_form(match), None, resolver.country)
        # "prosecute under TIP laws": laws in general, unless the cable names its law otherwise too
        general = match.group("kind").lower() in ("laws", "bills") and not (
            adjectives or own or p.LABOR_LAW_OWNER_BEFORE.search(text[: match.start()])
        )
        kind = "trafficking_general" if general else "trafficking"
        found.append(Found(start, match.end(), law, text[start : match.end()], kind, draft=draft))


def _trafficking_form(match: re.Match[str]) -> str:
    """What the cable calls the law, without articles, owners and modifiers: "anti-TIP law", "trafficking law"."""
    topic = re.sub(r"\s+", " ", match.group("topic"))
    kind = match.group("kind")
    if kind[0].isupper() and topic[0].isupper():
        return f"{topic} {kind.removesuffix('s')}"  # "the new Anti-Trafficking Law": a name
    kind = kind.lower()
    kind = "law" if kind.startswith("law") else "bill" if kind.startswith("bill") else kind
    return f"{topic} {kind}"


def _generic(text: str, context: CableContext, found: list[Found]) -> None:
    resolver = context.resolver
    if holds_any_folded(text, p.GENERIC_WORDS):
        _generic_topics(text, resolver, found)
    if "onstitution" in text:  # a cheap test: every match of the pattern holds it
        _constitutions(text, resolver, found)
    if "ecree" in text:
        _sub_decrees(text, resolver, found)
    if holds_any(text, p.RULING_WORDS):
        _rulings(text, resolver, found)


def _generic_topics(text: str, resolver: LawResolver, found: list[Found]) -> None:
    """ "penal code", "anti-corruption law", "labor laws": a law referred to by its topic."""
    for match in p.GENERIC.finditer(text):
        if not _free(found, *match.span()):
            continue
        if match.group("labor_law") and not p.LABOR_LAW_OWNER_BEFORE.search(text[: match.start()]):
            continue  # "labor laws" in general; "the labor laws" of the country count
        topic = re.sub(r"\s+", " ", match.group("topic").lower()).replace("labour", "labor").replace("- ", "-")
        law = resolver.lookup(topic)
        if law is None:
            topic = topic.removeprefix("new ")
            window = text[max(0, match.start() - 60) : match.end() + 60]
            draft = bool(re.search(r"\bdraft|\bpending|\bnot yet", window, re.IGNORECASE))
            name = topic.title() if topic in _CAPITALISED_CODES else topic
            if draft and topic not in _CAPITALISED_CODES:
                name = f"{name} (draft)"
            law = resolver.new(name, None, resolver.country)
        found.append(Found(match.start(), match.end(), law, match.group(0), "generic"))


def _rulings(text: str, resolver: LawResolver, found: list[Found]) -> None:
    """ "Supreme Court ruling", "Ministry of Interior directive": a ruling referred to by who made it."""
    for match in p.RULING.finditer(text):
        if _free(found, *match.span()):
            law = resolver.new(f"{match.group('by')} {match.group('kind')}", None, resolver.country)
            found.append(Found(match.start(), match.end(), law, match.group(0), "ruling"))


def _constitutions(text: str, resolver: LawResolver, found: list[Found]) -> None:
    for match in p.CONSTITUTION.finditer(text):
        if not _free(found, match.start("c"), match.end("c")):
            continue
        own = match.group("own") or ""
        country = ADJECTIVE_COUNTRY.get(own.replace("'s", "").lower()) if own else None
        start = match.start("own") if country else match.start("c")
        law = constitution(resolver, f"{own} Constitution" if country else "Constitution")
        found.append(Found(start, match.end(), law, text[start : match.end()], "constitution"))


def _sub_decrees(text: str, resolver: LawResolver, found: list[Found]) -> None:
    for match in p.SUB_DECREE.finditer(text):
        if not _free(found, *match.span()):
            continue
        topic = match.group("topic")
        if topic:
            law = resolver.new(f"sub-decree on {topic}", None, resolver.country)
        else:
            known = [law for law in resolver.created.values() if law.name.startswith("sub-decree on")]
            if not known:
                continue
            law = known[0]
        end = match.start() + len("sub-decree")
        found.append(Found(match.start(), end, law, match.group(0)[:10], "sub_decree"))


# in this order: an earlier finder's mention keeps its span ("ILO Conventions 29, 105 and 182" before the seed's
# "ILO Convention 29", a seed alias before the capitalised phrase around it)
_FINDERS = (
    _numbered_lists,
    _aliases,
    _numbered,
    _citations,
    _heading,
    _year_laws,
    _trafficking,
    _formal,
    _generic,
)
