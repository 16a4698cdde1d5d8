"""Organizations the text marks with a lower-case cue rather than a capitalised head word: crime groups
("the Abergil clan"), courts by place ("a Tel Aviv district court"), bodies introduced by name ("a new unit
called Lahav 433"), newspapers ("the English-language newspaper, the Gulf Daily News") and the police or
gendarmerie acting unnamed ("the police referred the case"). The cue also gives the type."""

from __future__ import annotations

import re

from orchestration.cables.extract.org_countries import ADJECTIVE_COUNTRY
from orchestration.cables.extract.org_lexicon import HEAD_TYPES, has_head
from orchestration.cables.extract.org_phrases import PhraseReader
from orchestration.cables.extract.org_resolver import Org, Span
from orchestration.cables.extract.org_vocabulary import LEADING_STOP, MONTHS, TITLE_WORDS
from orchestration.cables.extract.text_scan import WORD_START, holds_any, holds_any_folded, required_words

_NAME_WORD = r"[A-Z][\w'’-]*"
_NAME_JOINED = rf"(?:\s+(?:(?:of|de|do|da|dos|das|del|la|le|the|for)\s+)?{_NAME_WORD})*"
_NAME = rf"{_NAME_WORD}{_NAME_JOINED}"
# "\b{_NAME}", written to open on the capital (which the regex engine skips to) with the boundary tested behind it
_NAME_AT_WORD_START = rf"[A-Z]{WORD_START}[\w'’-]*{_NAME_JOINED}"
_NAME_WORD_PATTERN = re.compile(_NAME_WORD)
_WHITESPACE = re.compile(r"\s+")


def cue_spans(reader: PhraseReader, text: str) -> list[Span]:
    """Organizations named by a lower-case cue in one paragraph."""
    spans: list[Span] = []
    for rule in (
        _crime_groups,
        _bodies_by_place,
        _local_governments,
        _introduced_by_name,
        _appositives,
        _newspapers,
        _unnamed_police,
        _unnamed_parliament,
    ):
        spans.extend(rule(reader, text))
    return spans


# a surname (or several) before the word for a criminal group: "the Abutbul and Shirazi clans"
_GROUP = re.compile(
    rf"\b((?:{_NAME_WORD}(?:,\s+(?:and\s+)?|,?\s+and\s+))*{_NAME_WORD})\s+(?:crime\s+)?"
    r"(famil(?:y|ies)|clans?|syndicates?|gangs?|cartels?|organi[sz]ations?)\b"
)
_CRIME = re.compile(r"\b(?:crim\w+|mob|mafia|gang\w*|syndicates?|cartels?|underworld|racketeering|extortion)\b", re.I)
_CRIME_WORDS = required_words(_CRIME)  # one of which every match holds, in some case (a cheap test)


# "the government of the state of Sao Paulo", "the City of Rio de Janeiro"
_GOVERNMENT_OF_PLACE = re.compile(
    rf"\b((?:[Gg]overnment|[Aa]dministration)\s+of\s+the\s+(?:state|province|city|municipality|district)\s+of\s+"
    rf"{_NAME}|(?<=the )City\s+of\s+{_NAME})"
)
# a cheap test: a match of the first alternative holds a word of each of the first two, one of the second "City"
_GOVERNMENT_OF_PLACE_WORDS = (("overnment", "dministration"), ("state", "province", "city", "municipality", "district"))


def _local_governments(reader: PhraseReader, text: str) -> list[Span]:
    """The government of a state, province or city, named by its place."""
    spans = []
    if "City" not in text and not all(holds_any(text, words) for words in _GOVERNMENT_OF_PLACE_WORDS):
        return spans
    for match in _GOVERNMENT_OF_PLACE.finditer(text):
        name = _WHITESPACE.sub(" ", match.group(1))
        spans.append(Span(match.start(1), match.end(1), Org(name, None, "government", reader.resolver.country)))
    return spans


def _crime_groups(reader: PhraseReader, text: str) -> list[Span]:
    """ "the rival Abergil clan", "the Harari, Ohana, and Kdoshim families": named where the paragraph speaks of
    crime. One name per group in the cable: its family name when the cable ever calls it a family."""
    if not holds_any_folded(text, _CRIME_WORDS) or not _CRIME.search(text):
        return []
    spans = []
    for match in _GROUP.finditer(text):
        head = "family" if match.group(2).startswith("famil") else match.group(2).rstrip("s")
        surnames = [m for m in _NAME_WORD_PATTERN.finditer(match.group(1)) if m.group(0) != "and"]
        if len(surnames) == 1 and match.group(2).endswith("s"):
            continue  # "Palestinian gangs": a kind of group, not a named one
        for surname in surnames:
            if _not_a_surname(reader, surname.group(0)):
                continue
            start, end = match.start(1) + surname.start(), match.start(1) + surname.end()
            if len(surnames) == 1:
                end = match.end()  # "the Alperon family": the whole name
            spans.append(Span(start, end, _group(reader, surname.group(0), head)))
    return spans


def _not_a_surname(reader: PhraseReader, word: str) -> bool:
    return (
        word in LEADING_STOP
        or word in MONTHS
        or word in TITLE_WORDS
        or word.lower() in reader.vocabulary  # "Crime families are ...": a common word at a sentence start
        or bool(ADJECTIVE_COUNTRY.get(word.lower()))  # "Israeli crime groups"
        or has_head(word)
        or word.isupper()
    )


def _group(reader: PhraseReader, surname: str, head: str) -> Org:
    if head != "family" and re.search(rf"\b{re.escape(surname)}(?:,?\s+\w+)*?\s+(?:crime\s+)?famil", reader.full_text):
        head = "family"
    return Org(f"{surname} {head}", None, "other", None)


# a place, then what kind of court or police: "a Tel Aviv district court", "the Central District of California
# grand jury", "the Amazonas military police (PM)"; a police force needs its kind ("Phnom Penh police" is no name)
_KINDS = (
    r"district|provincial|municipal|city|criminal|civil|appeals?|appellate|juvenile|military|regional|federal|state|"
    r"lower|high|first[- ]instance|border|traffic|tourist|labou?r|judicial|intelligence"
)
_COURT = re.compile(rf"({_NAME_AT_WORD_START})\s+((?:(?:{_KINDS})\s+)*(court|tribunal|grand jury))\b")
# sub-national governments: "the Acre state government", "the Istanbul governor"
_LOCAL_GOVERNMENT = re.compile(
    rf"({_NAME_AT_WORD_START})\s+((?:(?:state|provincial|municipal|district|city|regional|local)\s+"
    r"(government|administration|authorities))|(governor|governorate))\b"
)
_POLICE = re.compile(rf"({_NAME_AT_WORD_START})\s+((?:(?:{_KINDS})\s+)+(police))\b(?:\s+\(([A-Z]{{2,8}})\))?")
# each pattern, its type and the words one of which every match of it holds (a cheap test)
_BY_PLACE = (
    (_COURT, "court", ("court", "tribunal", "grand jury")),
    (_POLICE, "police", ("police",)),
    (_LOCAL_GOVERNMENT, "government", ("government", "administration", "authorities", "governor")),
)


def _bodies_by_place(reader: PhraseReader, text: str) -> list[Span]:
    """A court, a police force or a local government named by its place and a lower-case kind."""
    spans = []
    for pattern, org_type, words in _BY_PLACE:
        if not holds_any(text, words):
            continue
        for match in pattern.finditer(text):
            run = match.group(1)
            skip = run.rfind(" the ") + 5 if " the " in run else 0  # "Already the Istanbul governor"
            names = [w for w in _NAME_WORD_PATTERN.finditer(run[skip:]) if w.group(0) not in LEADING_STOP]
            names = [w for w in names if w.group(0) not in MONTHS]
            if not names:
                continue
            start = match.start(1) + skip + names[0].start()
            place = text[start : match.end(1)]
            if (
                place.endswith(("'s", "’s"))
                or has_head(place)
                or ADJECTIVE_COUNTRY.get(place.lower())
                or place.isupper()
                or all(word.lower() in reader.vocabulary for word in place.split())  # "Involving local government"
            ):
                continue  # "the Ministry of Justice court", "a Thai court": named elsewhere
            name = _WHITESPACE.sub(" ", text[start : match.end(2)])
            acronym = match.group(4) if pattern is _POLICE else None
            org = Org(name, acronym, org_type, reader.resolver.country)
            spans.append(Span(start, match.end(2), org))
            if acronym:
                spans.append(Span(match.start(4), match.end(4), org))
    return spans


# the kind of body a lower-case noun introduces, for nouns that are no capitalised head word
_NOUN_TYPES = {"ngo": "ngo", "firm": "company", "party": "other", "newspaper": "company", "magazine": "company"}
_INTRODUCED = re.compile(
    r"\b(unit|task force|committee|commission|organi[sz]ation|group|network|association|foundation|cent(?:er|re)|"
    r"shelter|NGO|company|firm|project|program|programme|agency|office|department|council|coalition|alliance|"
    rf"party|newspaper|magazine)\s+(?:called|named|known as)\s+[\"“]?({_NAME}(?:\s+\d+)?)"
)
_INTRODUCED_WORDS = ("called", "named", "known as")  # every match holds one (a cheap test)


def _introduced_by_name(reader: PhraseReader, text: str) -> list[Span]:
    """ "a new unit called Lahav 433", "an NGO named Grupo Luna Nueva": the noun gives the type."""
    spans = []
    if not holds_any(text, _INTRODUCED_WORDS):
        return spans
    for match in _INTRODUCED.finditer(text):
        name = match.group(2)
        noun = match.group(1).lower()
        org_type = _NOUN_TYPES.get(noun) or HEAD_TYPES.get(noun.title()) or HEAD_TYPES.get(noun.title().rstrip("e"))
        if noun in {"unit", "office", "department", "group"} and _police_before(reader, text, match.start()):
            org_type = "police"  # "the INP created a new unit called Lahav 433": a unit of the police
        known = reader.known(name)
        if known is None:
            national = org_type in {"government", "police", "court"}
            known = Org(name, None, org_type or "other", reader.resolver.country if national else None)
        spans.append(Span(match.start(2), match.end(2), known))
    return spans


def _police_before(reader: PhraseReader, text: str, position: int) -> bool:
    """Whether the sentence before a position names the police (the word, or a police body by acronym)."""
    sentence = re.split(r"[.;]\s", text[:position])[-1]
    if re.search(r"\b[Pp]olice\b", sentence):
        return True
    return any(
        (org := reader.known(acronym)) is not None and org.org_type == "police"
        for acronym in re.findall(r"\b[A-Z]{2,}\b", sentence)
    )


_MEDIA_NOUN = re.compile(
    r"\b(?:newspaper|daily|weekly|newsweekly|magazine|news outlet|news agency|news service|tabloid|"
    rf"(?:television|TV|radio) station|broadcaster)s?,?\s+(?:the\s+)?({_NAME})"
)
# "According to the Jerusalem Post", "an article in the Jakarta Post": a title ending in a newspaper word
_MEDIA_TITLE = re.compile(
    rf"\b(?:[Aa]ccording to|article in|editorial in|reported by)\s+(?:the\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD})*\s+"
    r"(?:Post|Times|News|Herald|Tribune|Gazette|Journal|Daily|Chronicle|Telegraph|Observer|Monitor|Express|Star))\b"
)
# each pattern with the words one of which every match of it holds (a cheap test)
_MEDIA = (
    (_MEDIA_NOUN, ("newspaper", "daily", "weekly", "magazine", "news ", "tabloid", "station", "broadcaster")),
    (_MEDIA_TITLE, ("ccording to", "article in", "editorial in", "reported by")),
)


def _newspapers(reader: PhraseReader, text: str) -> list[Span]:
    """Newspapers and broadcasters: companies."""
    spans = []
    for pattern, words in _MEDIA:
        if not holds_any(text, words):
            continue
        for match in pattern.finditer(text):
            name = match.group(1)
            if name.split()[0] in LEADING_STOP or name in MONTHS or reader.known(name):
                continue
            spans.append(Span(match.start(1), match.end(1), Org(name, None, "company", None)))
    return spans


# "the parliament will discuss this amendment", "to be sent to parliament by the Cabinet"
_UNNAMED_PARLIAMENT = re.compile(r"\b(?:the|to|by)\s+(parliament)\b(?!\s+(?:of|in)\b)")


def _unnamed_parliament(reader: PhraseReader, text: str) -> list[Span]:
    """The host country's parliament, unnamed: the same body as "Parliament" written with a capital."""
    spans = []
    if "parliament" not in text:
        return spans  # a cheap test: every match holds the word
    for match in _UNNAMED_PARLIAMENT.finditer(text):
        org = reader.known("Parliament") or reader.resolver.new("Parliament")
        spans.append(Span(match.start(1), match.end(1), org))
    return spans


# "the police referred the case", "sheltered by the police", "the police and gendarmerie say"
_UNNAMED_POLICE = re.compile(
    r"\b(?:by\s+)?the\s+(police|gendarmerie)(?:\s+and\s+(police|gendarmerie))?"
    r"(?=\s+(?:\w+ed|say|says|said|have|has|had|are|is|was|were|will|would|can|could|do|does|did|also|often|"
    r"reportedly|continue|continues)\b)"
)
_BY_POLICE = re.compile(r"\bby\s+the\s+(police|gendarmerie)\b")


def _unnamed_police(reader: PhraseReader, text: str) -> list[Span]:
    """The host country's police or gendarmerie acting, unnamed (dropped when the cable names its police)."""
    spans = []
    if "police" not in text and "gendarmerie" not in text:
        return spans  # a cheap test: every match holds one of the words
    for pattern in (_UNNAMED_POLICE, _BY_POLICE):
        for match in pattern.finditer(text):
            for group in range(1, pattern.groups + 1):
                if match.group(group):
                    org = Org(match.group(group), None, "police", reader.resolver.country)
                    spans.append(Span(match.start(group), match.end(group), org))
    return spans


# what an appositive says a named body is: "Projeto Trama (an anti-trafficking NGO consortium)", "Grupo Luna
# Nueva, a local recovery center" is not enough, but "X, a local NGO" is
_APPOSITIVE_TYPES = {
    "company": "company",
    "firm": "company",
    "newspaper": "company",
    "international organization": "international_org",
    "police": "police",
}  # the rest (NGO, non-governmental or non-profit organization, charity, consortium, foundation): ngo
_KIND = (
    r"(NGOs?|non-?governmental organi[sz]ation|non-profit organi[sz]ation|charity|consortium|foundation|company|"
    r"firm|newspaper|international organi[sz]ation|police)"
)
_APPOSITIVE_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:of|de|do|da|del|la|the|for|and|&)\s+)?{_NAME_WORD})*"
_APPOSITIVE = re.compile(
    rf"({_APPOSITIVE_NAME})(?:\s+\((?:an?\s+|the\s+)?(?:[\w'’-]+\s+){{0,4}}?{_KIND}\b[^()]{{0,60}}\)"
    rf"|,\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,3}}?{_KIND}\b)"
)
# the kind before an acronym: "the Venezuelan state run oil company (PDVSA)"
_KIND_THEN_ACRONYM = re.compile(rf"\b{_KIND}\s+\(([A-Z][A-Za-z]{{1,9}})\)")
# every match of both patterns holds one of these words of _KIND (a cheap test)
_KIND_WORDS = ("NGO", "organi", "charity", "consortium", "foundation", "company", "firm", "newspaper", "police")


def _appositives(reader: PhraseReader, text: str) -> list[Span]:
    """A name followed by what it is, in parentheses or after a comma, or a kind followed by an acronym: the kind
    gives the type of a body the cable does not otherwise know."""
    spans = []
    if not holds_any(text, _KIND_WORDS):
        return spans
    for match in _APPOSITIVE.finditer(text):
        words = list(_NAME_WORD_PATTERN.finditer(match.group(1)))
        while words and (words[0].group(0) in LEADING_STOP or words[0].group(0) in MONTHS):
            words.pop(0)
        start = match.start(1) + words[0].start() if words else match.end(1)
        name = _WHITESPACE.sub(" ", text[start : match.end(1)])
        kind = match.group(2) or match.group(3)
        if match.group(3) == "police":
            continue  # "Marcos Pena, the national police chief": a person
        if name and not ADJECTIVE_COUNTRY.get(name.lower()):  # "Brazil, a company ..." is no company
            spans.append(Span(start, match.end(1), _typed(reader, name, kind)))
    for match in _KIND_THEN_ACRONYM.finditer(text) if "(" in text else ():  # a cheap test: every match holds "("
        spans.append(Span(match.start(2), match.end(2), _typed(reader, match.group(2), match.group(1))))
    return spans


def _typed(reader: PhraseReader, name: str, kind: str) -> Org:
    org_type = _APPOSITIVE_TYPES.get(kind.lower().replace("organisation", "organization"), "ngo")
    acronym = name if name.isupper() else None
    country = reader.resolver.country if org_type == "police" else None
    return reader.known(name) or Org(name, acronym, org_type, country)
