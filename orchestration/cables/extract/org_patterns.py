"""Organizations named by fixed patterns the phrase grammar cannot split: enumerations of ministries and
governments, donor states, NGOs introduced without a head word, and a demonym before a body ("Thai police")."""

from __future__ import annotations

import re

from orchestration.cables.extract.org_countries import ADJECTIVE_COUNTRY, COUNTRY_NAMES
from orchestration.cables.extract.org_lexicon import has_head, norm_key
from orchestration.cables.extract.org_phrases import PhraseReader
from orchestration.cables.extract.org_resolver import Org, Span, is_acronym, strip_possessive
from orchestration.cables.extract.org_vocabulary import ACRONYM_STOP, LEADING_STOP, MONTHS
from orchestration.cables.extract.text_scan import WORD_START, at_word_start, holds_any, matches_from, starts_of

_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’&/-]*)"
_ITEM = rf"(?:the\s+)?{_WORD}(?:\s+(?:(?:of|de|du|des|la|le|les|l'|&|for|the)\s+)?{_WORD})*"
_LIST = rf"{_ITEM}(?:(?:,\s+(?:and\s+)?|,?\s+and\s+){_ITEM})*"
_SINGULAR = {"Ministries": "Ministry", "Secretariats": "Secretariat", "Departments": "Department"}
# what separates the items of an enumeration: a comma (", and" included) or a bare "and"
_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# "Interior and Justice Ministries"; "Ministries of Popular Power for Tourism, Infrastructure, and ..."
_MINISTRIES_AFTER = re.compile(r"\b((?:[A-Z][a-z]+,?\s+)+)and\s+([A-Z][a-z]+)\s+Ministries\b")
_MINISTRIES_BEFORE = re.compile(
    rf"\b(Ministries|Secretariats|Departments)\s+of\s+((?:[A-Z][\w']*\s+)+(?:for|of)\s+)?({_LIST})"
)
_GOVERNMENTS_OF = re.compile(rf"\b[Gg]overnments\s+of\s+({_LIST})")
# (the nouns written with the word boundary after their first letter, so that the regex engine skips to those letters)
_ASSISTANCE_FROM = re.compile(
    at_word_start("assistance grants? funds? funding support donations? cooperation aid help".split())
    + rf"(?:\s+\w+){{0,3}}?\s+(?:from|with|by)\s+({_LIST})"
)
# where a match of _ASSISTANCE_FROM can start: its nouns as written ("aid" also inside "said": the pattern decides)
_ASSISTANCE_NOUNS = ("assistance", "grant", "fund", "support", "donation", "cooperation", "aid", "help")
_NGOS_SUCH_AS = re.compile(
    rf"\b(?:NGOs?|shelters?|associations?|organizations?)(?:\s+\(NGOs?\))?\s*,?\s+(?:such as|including|"
    rf"like|called|named)\s+[\"“]?({_LIST})"
)
_THE_NGO = re.compile(rf"\b(?:the|local|an|a)\s+(?:NGO|association|shelter)\s+[\"“]?({_ITEM})")
_CALLED_IN_QUOTES = re.compile(r"\b(?:called|named|known as)\s+[\"“]([A-Z][^\"”]{2,60}?)[,.]?[\"”]")
_PROSECUTOR_OFFICE = re.compile(
    r"\b((?:[A-Z][a-z]+\s+)?Public\s+Prosecutor's\s+[Oo]ffice|[A-Z][a-z]+\s+Prosecutor's\s+[Oo]ffice)"
)


def _items(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The items of an enumeration between start and end, without a leading "the".

    Where the list is separated by commas, a bare "and" inside an item belongs to it ("the Ministries of Labor,
    Justice and Islamic Affairs, and Health"), except before the last item of a list without the serial comma."""
    separators = list(_SEPARATOR.finditer(text, start, end))
    commas = [s for s in separators if s.group(0).startswith(",")]
    serial = any("and" in s.group(0) for s in commas)
    cuts = [
        s
        for s in separators
        if s.group(0).startswith(",")
        or not commas
        or (not serial and s.start() > commas[-1].start() and s is separators[-1])
    ]
    items = []
    position = start
    for cut in [*cuts, None]:
        item_end = cut.start() if cut else end
        item = text[position:item_end].rstrip()
        item_end = position + len(item)
        offset = 4 if item.startswith("the ") else 0
        if item[offset:]:
            items.append((position + offset, item_end, item[offset:]))
        position = cut.end() if cut else end
    return items


def list_spans(reader: PhraseReader, text: str) -> list[Span]:
    """Organizations named in enumerations and introductions the phrase grammar cannot split."""
    spans: list[Span] = []
    for rule in (_ministry_lists, _government_lists, _donor_states, _introduced_ngos, _prosecutor_offices):
        spans.extend(rule(reader, text))
    return spans


def _ministry_lists(reader: PhraseReader, text: str) -> list[Span]:
    """ "Interior and Justice Ministries", "Ministries of Popular Power for Tourism, Infrastructure, and ..." """
    resolver = reader.resolver
    spans: list[Span] = []
    if not holds_any(text, ("Ministries", "Secretariats", "Departments")):
        return spans  # a cheap test: every match of both patterns holds one of the words
    for match in _MINISTRIES_AFTER.finditer(text):
        for start, end, item in _items(text, match.start(), match.end() - len("Ministries")):
            if item not in LEADING_STOP:
                org = resolver.lookup_name(f"Ministry of {item}") or resolver.new(f"Ministry of {item}")
                spans.append(Span(start, end, org))
    for match in _MINISTRIES_BEFORE.finditer(text):
        head = _SINGULAR[match.group(1)]
        prefix = match.group(2) or ""
        for start, end, item in _items(text, match.start(3), match.end(3)):
            if text[start - 4 : start] == "the " or is_acronym(item) or has_head(item):
                break  # "the Ministries of Labor and Interior, the GDNPR, and ...": the list of ministries ended
            name = f"{head} of {prefix}{item}"
            spans.append(Span(start, end, resolver.lookup_name(name) or resolver.new(name)))
    return spans


def _government_lists(reader: PhraseReader, text: str) -> list[Span]:
    """ "the governments of Sri Lanka, Indonesia, East Timor, and the Philippines" """
    resolver = reader.resolver
    spans: list[Span] = []
    if "overnments" not in text:
        return spans  # a cheap test: every match holds the word
    for match in _GOVERNMENTS_OF.finditer(text):
        for start, end, item in _items(text, match.start(1), match.end(1)):
            country = ADJECTIVE_COUNTRY.get(item.lower())
            if country and country != resolver.country:
                the = "the " if item.lower() == "philippines" else ""
                spans.append(Span(start, end, Org(f"Government of {the}{item}", None, "foreign_government", country)))
            elif country:
                spans.append(Span(start, end, resolver.host_government()))
    return spans


def _donor_states(reader: PhraseReader, text: str) -> list[Span]:
    """Foreign states acting: "with assistance from Spain", "Canada provided funds"."""
    spans: list[Span] = []
    # (tried only where one of its nouns stands: the engine would try at every "a", "c", "d", "f", "g", "h" and "s")
    for match in matches_from(_ASSISTANCE_FROM, text, starts_of(text, _ASSISTANCE_NOUNS)):
        spans.extend(_country_items(reader, text, match.start(1), match.end(1)))
    if not holds_any(text, _DONOR_VERB_WORDS):
        return spans  # a cheap test: every match of the verb pattern holds one of the words
    # the list before a verb of giving, found backwards from each such verb (a forward search is slow)
    for verb in _DONOR_VERB.finditer(text):
        window = max(0, verb.start() - 200)
        match = _LIST_AT_END.search(text, window, verb.start())
        if match:
            spans.extend(_country_items(reader, text, match.start(1), match.end(1)))
    return spans


_DONOR_VERB = re.compile(  # "\s\s*" is "\s+" opening on a character class, which the engine skips to
    r"\s\s*(?:provides?|provided|funds|funded|signed|agreed|donated|pledged|supports|supported|assisted|helped|"
    r"renovated|built|financed)\b"
)
# every match of _DONOR_VERB holds one of these (a cheap test)
_DONOR_VERB_WORDS = (
    *"provide funds funded signed agreed donated pledged supports supported".split(),
    *"assisted helped renovated built financed".split(),
)
_LIST_AT_END = re.compile(rf"\b({_LIST})$")


def _introduced_ngos(reader: PhraseReader, text: str) -> list[Span]:
    """NGOs named without a head word: "NGOs such as RADDHO, Avenir de l'Enfant and La Lumiere"."""
    spans: list[Span] = []
    kinds = holds_any(text, ("NGO", "shelter", "association", "organization"))  # cheap tests: what matches hold
    if kinds and holds_any(text, ("such as", "including", "like", "called", "named")):
        for match in _NGOS_SUCH_AS.finditer(text):
            spans.extend(_ngo_items(reader, text, match.start(1), match.end(1)))
    if kinds:
        for match in _THE_NGO.finditer(text):
            spans.extend(_ngo_items(reader, text, match.start(1), match.end(1)))
    if not holds_any(text, ("called", "named", "known as")):
        return spans
    for match in _CALLED_IN_QUOTES.finditer(text):
        name = match.group(1)
        org = reader.known(name) or reader.resolver.resolve_phrase(name) or Org(name, None, "ngo", None)
        spans.append(Span(match.start(1), match.end(1), org))
    return spans


def _prosecutor_offices(reader: PhraseReader, text: str) -> list[Span]:
    """ "the Public Prosecutor's office", "Ankara Prosecutor's Office" (the possessive breaks the phrase grammar)."""
    resolver = reader.resolver
    spans: list[Span] = []
    if "Prosecutor's" not in text:
        return spans  # a cheap test: every match holds the word
    for match in _PROSECUTOR_OFFICE.finditer(text):
        name = match.group(1)
        org = resolver.lookup_name(name.replace("office", "Office")) or Org(name, None, "government", resolver.country)
        spans.append(Span(match.start(1), match.end(1), org))
    return spans


def _country_items(reader: PhraseReader, text: str, start: int, end: int) -> list[Span]:
    """The foreign states among the items of an enumeration."""
    spans = []
    for item_start, item_end, item in _items(text, start, end):
        country = COUNTRY_NAMES.get(item)
        if not country or country == reader.resolver.country:
            continue
        if country == "United States":
            org = reader.resolver.by_acronym["USG"]
        else:
            org = Org(item, None, "foreign_government", country)
        spans.append(Span(item_start, item_end, org))
    return spans


def _ngo_items(reader: PhraseReader, text: str, start: int, end: int) -> list[Span]:
    """The items of an enumeration introduced as NGOs: known bodies, phrases with a head word, or NGOs by name."""
    spans = []
    for item_start, _item_end, item in _items(text, start, end):
        item = strip_possessive(item)
        if item in LEADING_STOP or item in ACRONYM_STOP or COUNTRY_NAMES.get(item) or item in MONTHS:
            continue
        org = reader.known(item)
        if org is None and has_head(item):
            org = reader.resolver.resolve_phrase(item)
            if org is not None and org.org_type == "other":
                org = Org(org.name, org.acronym, "ngo", org.country)  # "NGOs such as Grupo Luna Nueva"
        if org is None:
            org = Org(item, item if is_acronym(item) and " " not in item else None, "ngo", None)
        spans.append(Span(item_start, item_start + len(item), org))
    return spans


# "\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|U\.S\.)", written to open on the capital (which the engine skips to) and test the
# boundary behind it
_DEMONYM_BODY = re.compile(
    rf"([A-Z]{WORD_START}(?:[a-z]+(?:\s[A-Z][a-z]+)?|(?<=U)\.S\.))\s+(government|Government|authorities|police|Police|court|Court|"
    r"embassy|Embassy|military|Cooperation)(s?)\b"
)
# every match of both patterns holds one of these (a cheap test)
_DEMONYM_BODY_WORDS = ("overnment", "authorities", "olice", "ourt", "mbassy", "military", "Cooperation")
_PLURAL_GOVS = re.compile(r"\b(U\.S\.|[A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+governments\b")


def demonym_spans(reader: PhraseReader, text: str) -> list[Span]:
    """ "Thai police", "the Egyptian Government", "U.S. and Thai governments": a country word before a body."""
    spans = []
    resolver = reader.resolver
    if not holds_any(text, _DEMONYM_BODY_WORDS):
        return spans
    for match in _DEMONYM_BODY.finditer(text):
        word, body = match.group(1), match.group(2).lower()
        start, end = match.start(), match.end()
        country = ADJECTIVE_COUNTRY.get(word.lower())
        if not country and " " in word:
            start += word.index(" ") + 1
            word = word.split(" ", 1)[1]
            country = ADJECTIVE_COUNTRY.get(word.lower())
        if not country:
            continue
        if country == "United States":
            org = resolver.us_embassy() if body == "embassy" else resolver.by_acronym["USG"]
        elif body == "cooperation" and country == resolver.country:
            continue  # "French Cooperation": a donor's development cooperation agency, never the host's
        elif country == resolver.country:
            if body == "government":
                org = resolver.host_government()
            elif body == "military":
                org = Org(f"{word} military", None, "government", country)
            elif body == "embassy":
                org = Org(f"{word} Embassy", None, "government", country)
            elif body == "police":
                national = f"{word} National Police"
                name = national if national in reader.full_text else f"{word} Police"
                org = resolver.by_key.get(norm_key(name)) or resolver.new(name)
            else:
                continue  # "Cambodian courts", "Cambodian authorities": the system, not a body
        else:
            org_type = {"police": "police", "court": "court"}.get(body, "foreign_government")
            label = {
                "government": "Government",
                "authorities": "authorities",
                "embassy": "Embassy",
                "cooperation": "Cooperation",
            }.get(body, body)
            org = Org(f"{word} {label}", None, org_type, country)
        spans.append(Span(start, end, org))
    for match in _PLURAL_GOVS.finditer(text) if "governments" in text else ():  # a cheap test: every match holds it
        for group in (1, 2):
            country = ADJECTIVE_COUNTRY.get(match.group(group).lower())
            if not country:
                continue
            if country == "United States":
                org = resolver.by_acronym["USG"]
            else:
                org = Org(f"{match.group(group)} Government", None, "foreign_government", country)
            spans.append(Span(match.start(group), match.end(group), org))
    return spans
