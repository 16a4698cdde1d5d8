"""Organizations named in a cable: ministries, police units, courts, NGOs, international bodies, companies.

Three sources, in order of trust:

1. the curated seed `dbt_project/seeds/known_organizations.csv` (names, acronyms, aliases);
2. the cable's own definitions: its abbreviations glossary and inline "Full Name (ACR)" / "ACR (Full Name)";
3. grammar: capitalised noun phrases headed by an organization word (Ministry, Council, Court, Police,
   Foundation, Task Force ...), "<Demonym> government/police/court/embassy", and undefined acronyms.

Every mention is resolved to one canonical (name, acronym, org_type, country): national bodies take the
country of the posting that sent the cable, international bodies have none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.cables.extract.law_lexicon import load_known_laws
from orchestration.cables.extract.org_countries import (
    ADJECTIVE_COUNTRY,
    COUNTRY_NAMES,
    country_of_origin,
    origin_city,
)
from orchestration.cables.extract.org_lexicon import (
    HEAD_TYPES,
    MULTIWORD_HEADS,
    NATIONAL_TYPES,
    canonical_ministry,
    has_head,
    load_known_organizations,
    norm_key,
    type_from_heads,
)
from orchestration.cables.extract.records import OrganizationMention
from orchestration.cables.model import Cable, Paragraph


@dataclass(frozen=True)
class Org:
    """A resolved organization (the identity of a mention)."""

    name: str
    acronym: str | None
    org_type: str
    country: str | None


@dataclass
class _Span:
    start: int
    end: int
    org: Org


_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[lLdD]['’][A-Z][\w'’-]*|[A-Za-z0-9À-ÿ](?:[\w'’&/À-ÿ-]*[\wÀ-ÿ])?|,")
CONNECTORS = {
    "of",
    "for",
    "and",
    "the",
    "on",
    "against",
    "to",
    "in",
    "de",
    "des",
    "du",
    "la",
    "le",
    "les",
    "pour",
    "en",
    "et",
    "y",
    "del",
    "&",
    "at",
}
# capitalised words that start sentences or describe rather than name
MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}
LEADING_STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "According",
    "During",
    "Since",
    "With",
    "Under",
    "By",
    "From",
    "For",
    "To",
    "After",
    "Before",
    "While",
    "Although",
    "If",
    "As",
    "Both",
    "Many",
    "Some",
    "Several",
    "Other",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "Also",
    "However",
    "Following",
    "Through",
    "Between",
    "Among",
    "Per",
    "And",
    "But",
    "Or",
    "Of",
    "When",
    "Where",
    "Which",
    "Who",
    "Despite",
    "Because",
    "Due",
    "Each",
    "All",
    "Any",
    "Most",
    "Such",
    "Only",
    "Further",
    "Additionally",
    "Moreover",
    "Currently",
    "Recently",
    "Last",
    "Next",
    "Based",
    "Including",
    "Like",
    "Unlike",
    "Within",
    "Without",
    "Over",
    "Regarding",
    "Meanwhile",
    "Similarly",
    "There",
    "It",
    "They",
    "We",
    "He",
    "She",
    "NGO",
    "NGOs",
    "Local",
    "Provincial",
    "Then",
    "Thus",
    "Therefore",
    "Various",
    "Numerous",
    "Two",
    "Three",
    "Four",
    "Five",
    "New",
    "One",
    "Neither",
    "Either",
    "Nor",
    "Host",
    "Please",
    "Does",
    "Do",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "What",
    "How",
    "Why",
    "Post",
    "Separately",
    "Finally",
    "Furthermore",
    "Specifically",
    "Together",
    "Upon",
    "Against",
    "About",
    "Around",
    "Toward",
    "Towards",
    "Into",
    "Via",
    "Throughout",
    "Not",
    "No",
    "Yes",
    "Private",
    "Government-run",
    "Government-funded",
    "Official",
    "Officials",
    "Senior",
    "Former",
    "Current",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Domestic",
    "Respondents",
    "Prior",
    "Once",
    "Acting",
    "Visit",
    "Catholic-run",
    "Embassy-funded",
} | MONTHS
# words that end an organization's name when they follow it (a person's title, a date)
TRAILING_BREAK = {
    "Minister",
    "Deputy",
    "Director",
    "Director-General",
    "Chief",
    "Head",
    "Secretary",
    "Secretary-General",
    "President",
    "Vice",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Ambassador",
    "Judge",
    "Representative",
    "Spokesman",
    "Spokesperson",
    "Undersecretary",
    "Officer",
    "Officers",
    "Official",
    "Officials",
    "Member",
    "Members",
    "Advisor",
    "Adviser",
    "Coordinator",
    "Staff",
    "Acting",
    "Program Officer",
    "Country",
    "Chairperson",
    "Commander",
    "Governor",
    "Delegation",
    "Mayor",
    "Counselor",
    "Attache",
    "Manager",
    "Lieutenant",
    "Colonel",
    "Police Officer",
    "Annual",
    "Report",
    "Reports",
    "Hotline",
    "Plan",
}
TITLE_WORDS = {
    "Minister",
    "Deputy",
    "Director",
    "Director-General",
    "Chief",
    "Head",
    "Secretary",
    "Secretary-General",
    "President",
    "Vice",
    "Vice-President",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Ambassador",
    "Judge",
    "Prosecutor",
    "Representative",
    "Spokesman",
    "Spokesperson",
    "Undersecretary",
    "Under",
    "Commander",
    "Officer",
    "Member",
    "Members",
    "Governor",
    "Advisor",
    "Adviser",
    "Coordinator",
    "Staff",
    "Officials",
    "Official",
    "Delegation",
    "Delegate",
    "Commissioner",
    "Acting",
}
# acronyms that are not organizations
ACRONYM_STOP = {
    "TIP",
    "NGO",
    "NGOS",
    "NGOs",
    "USD",
    "SBU",
    "LE",
    "MOU",
    "MOUs",
    "CFAF",
    "CFA",
    "IOs",
    "IGO",
    "IGOs",
    "THE",
    "DPM",
    "HIV",
    "AIDS",
    "HIV/AIDS",
    "CEO",
    "UXO",
    "STI",
    "STIs",
    "STD",
    "STDs",
    "GDP",
    "PARA",
    "NOTE",
    "COMMENT",
    "END",
    "N/A",
    "FM",
    "POC",
    "DCM",
    "IDP",
    "IDPs",
    "CIS",
    "FS",
    "TVPA",
    "PROTECT",
    "REF",
    "REFTEL",
    "SEPTEL",
    "FY",
    "TDY",
    "AM",
    "PM",
    "GMT",
    "ID",
    "IDs",
    "OK",
    "TV",
    "PRC",
    "ROK",
    "UAE",
    "UK",
    "US",
    "USA",
    "GOVERNMENT",
    "SUMMARY",
    "NPA",
    "CTIP",
    "DVD",
    "SMS",
    "SIM",
    "SOP",
    "SOPs",
    "PSA",
    "PSAs",
    "KM",
    "KG",
    "ATM",
    "GPS",
    "VIP",
    "VIPs",
    "MOA",
    "MOAs",
    "POCs",
    "AKA",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
    "NOFORN",
    "SENSITIVE",
    "LIMITED",
    "OFFICIAL",
    "USE",
    "ONLY",
    "TIER",
    "PL",
    "TVPRA",
    "CSEC",
    "ESL",
    "LES",
    "LNS",
    "FSN",
    "FSNs",
    "RSO",
    "PAO",
    "DATT",
    "ICT",
    "IT",
    "GSP",
    "FDI",
    "NAP",
    "PSI",
    "CPC",
    "DOB",
    "MP",
    "MPs",
    "POW",
    "LGBT",
    "RAPID",
    "ABC",
    "CSO",
    "CSOs",
    "INGO",
    "INGOs",
    "CBO",
    "CBOs",
    "FBO",
    "FBOs",
    "PLHIV",
    "OVC",
    "OVCs",
    "DNA",
    "VAT",
    "UTC",
    "CEDAW",
    "CRC",
    "LOI",
    "WATCH",
    "LIST",
    "EUR",
    "GBP",
    "JPY",
    "THB",
    "KHR",
    "TRY",
    "YTL",
    "EGP",
    "SYP",
    "VEF",
    "VEB",
    "BsF",
    "XOF",
    "KZT",
    "BOB",
    "RUB",
    "AED",
    "SAR",
    "INR",
    "MYR",
    "IDR",
    "PHP",
    "VND",
    "LAK",
    "MMK",
    "BDT",
    "PKR",
    "NGN",
    "GHS",
    "KES",
    "ZAR",
    "CNY",
    "RMB",
    "UAH",
    "MDL",
    "RON",
    "BGN",
    "JOD",
    "LBP",
    "KWD",
    "QAR",
    "BHD",
    "OMR",
    "MAD",
    "TND",
    "DZD",
    "COP",
    "PEN",
    "MXN",
    "BRL",
    "ARS",
    "CLP",
    "GTQ",
    "HNL",
    "NIO",
    "DOP",
    "HTG",
    "JMD",
    "NPR",
    "LKR",
    "AFN",
    "IRR",
    "IQD",
    "SEPTELS",
    "REFTELS",
    "EMBOFF",
    "EMBOFFS",
    "POLOFF",
    "POLOFFS",
    "ECONOFF",
    "CONOFF",
    "CDA",
    "AMB",
    "PolOff",
    "EconOff",
    "FYI",
    "ASAP",
    "NB",
    "PPT",
    "PDF",
    "URL",
    "WWW",
    "TBD",
    "NA",
}


WEAK_HEADS = {
    "Services",
    "Service",
    "Fund",
    "Program",
    "Programme",
    "Project",
    "Group",
    "Body",
    "Board",
    "Office",
    "Unit",
    "Division",
    "Forces",
    "School",
    "Initiative",
    "Mission",
    "Institute",
    "Center",
    "Centre",
}
# what an acronym the cable defines stands for when it is a law, plan or system rather than a body
# ("Labor Migration Information System (LMIS)", "Organic Law for the Protection of Children (LOPNA)")
_NOT_BODY_HEAD = re.compile(
    r"\b(?:Law|Act|Code|Decree|Convention|Protocol|Plan|System|Strategy|Policy|Report|Database|Survey|Index)\b"
)
_PARTICIPLE = re.compile(
    r"-(?:based|designated|established|funded|run|led|sponsored|backed|owned|affiliated|operated|"
    r"supported|related|organized|hosted|managed|trained|financed|assisted)\b"
)


def _law_acronyms() -> set[str]:
    return {alias for law in load_known_laws() for alias in law.aliases if alias.isupper() and " " not in alias}


ACRONYM_STOP |= _law_acronyms()


def _is_cap(token: str) -> bool:
    return bool(token) and (token[0].isupper() or token[:2].lower() in {"l'", "d'", "l’", "d’"})


def _is_acronym(token: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", token)
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 2) and token[0].isupper()


class _Resolver:
    """Per-cable knowledge: the seed plus the cable's own definitions."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.country = country_of_origin(cable.origin)
        self.city = origin_city(cable.origin)
        self.by_key: dict[str, Org] = {}
        self.by_acronym: dict[str, Org] = {}
        for known in load_known_organizations():
            org = self._org(known.name, known.acronym, known.org_type, known.country)
            if known.country and known.org_type in NATIONAL_TYPES and known.country != self.country:
                continue  # another country's national body: only by its full name
            for surface in (known.name, *known.aliases):
                if _is_acronym(surface) and " " not in surface:
                    self.by_acronym.setdefault(surface, org)
                else:
                    self.by_key.setdefault(norm_key(surface), org)
            if known.acronym:
                self.by_acronym.setdefault(known.acronym, org)
        self.defined: dict[str, Org] = {}
        self.not_bodies: set[str] = set()  # acronyms the cable defines as laws, plans or systems

    def _org(self, name: str, acronym: str | None, org_type: str, country: str | None) -> Org:
        if org_type in NATIONAL_TYPES and not country:
            country = self.country
        return Org(name, acronym, org_type, country)

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
            org = self._new(expansion, acronym)
            if parent is not None and parent.org_type in NATIONAL_TYPES and org.org_type in {"ngo", "other"}:
                org = Org(org.name, org.acronym, parent.org_type, parent.country)  # a unit of a national body
        self.defined[acronym] = org
        self.by_acronym[acronym] = org
        self.by_key.setdefault(norm_key(expansion), org)
        self.by_key.setdefault(norm_key(canonical_ministry(expansion)), org)

    def lookup_name(self, name: str) -> Org | None:
        for candidate in (name, canonical_ministry(name)):
            org = self.by_key.get(norm_key(candidate))
            if org:
                return org
        words = name.split(" ", 1)
        if (
            len(words) == 2
            and " " in words[1]
            and self.country
            and ADJECTIVE_COUNTRY.get(words[0].lower()) == self.country
        ):
            org = self.by_key.get(norm_key(canonical_ministry(words[1])))
            if org and org.org_type in NATIONAL_TYPES:
                return org
        return None

    def government_acronym(self, token: str) -> Org | None:
        """'GOS', 'GOT', 'RTG': the host government by the usual cable convention."""
        if not self.country or not re.fullmatch(r"GO[A-Z]{1,2}|RTG|RGC|SARG|GBRV", token):
            return None
        initials = "".join(w[0] for w in self.country.split() if w[0].isupper())
        if token in (f"GO{initials}", f"GO{self.country[0]}") or token == "RTG" and self.country == "Thailand":
            government = self.host_government()
            if government.acronym is None:  # the cable's own abbreviation names the host government
                government = Org(government.name, token, government.org_type, government.country)
                self.by_acronym.setdefault(token, government)
            return government
        return None

    def host_government(self) -> Org:
        for key in (f"government of {self.country}", f"royal government of {self.country}"):
            org = self.by_key.get(norm_key(key))
            if org:
                return org
        return Org(f"Government of {self.country}", None, "government", self.country)

    def _new(self, name: str, acronym: str | None = None) -> Org:
        """An organization known only from the cable: type from head words and demonym prefix."""
        name = canonical_ministry(name)
        if self.country:
            name = re.sub(rf"\s+in\s+(?:the\s+)?{re.escape(self.country)}$", "", name)
        org_type = type_from_heads(name) or ("company" if re.search(r"\b(?:JSC|LLC|Co)\b", name) else "other")
        country = self.country if org_type in NATIONAL_TYPES else None
        first = name.split(" ", 1)[0]
        foreign = ADJECTIVE_COUNTRY.get(first.lower())
        if foreign and foreign != self.country and first not in {"International"}:
            country = foreign
            if org_type == "government":
                org_type = "foreign_government"
        elif foreign and foreign == self.country:
            country = foreign
        return Org(name, acronym, org_type, country)

    def resolve_phrase(self, phrase: str) -> Org | None:
        """The organization a capitalised noun phrase names, or None."""
        phrase = re.sub(r"['’]s$", "", phrase.strip())
        org = self.lookup_name(phrase)
        if org:
            return org
        special = self._governments(phrase)
        if special:
            return special
        if has_head(phrase) and len(phrase) > 3:
            if re.fullmatch(
                r"(?:Ministry|Department|Office|Council|Committee|Commission|Court|Government|Unit|"
                r"Agency|Bureau|Embassy|Police|Center|Centre|Program|Project|Service|Services|Group|"
                r"Division|Directorate|Institute|Fund|Union|Organization|Association|Foundation|"
                r"Network|Mission|Body|Board|Forces|School|University|Bank|Hotel|Company|Authority)s?",
                phrase,
            ):
                return None
            return self._new(phrase, None)
        return None

    def _governments(self, phrase: str) -> Org | None:
        if re.fullmatch(r"(?:U\.S\.|US|American)\s+Mission", phrase):
            return self.by_key.get("u s mission")
        if phrase == "Mission":
            return self.us_embassy()
        match = re.fullmatch(r"(?:(?:U\.S\.|American|US)\s+)?Embassy(?:\s+([A-Z][\w ]+))?", phrase)
        if match and (not match.group(1) or (self.city and match.group(1).strip() == self.city)):
            return self.us_embassy()
        match = re.fullmatch(r"([A-Z][a-z]+)\s+[Gg]overnment", phrase)
        if match and self.country and ADJECTIVE_COUNTRY.get(match.group(1).lower()) == self.country:
            return self.host_government()  # "the Egyptian Government": the host government
        match = re.fullmatch(r"(?:Royal\s+)?Government\s+of\s+(?:the\s+)?(.+)", phrase)
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
        name = f"U.S. Embassy {self.city}" if self.city else "U.S. Embassy"
        return Org(name, None, "foreign_government", "United States")


def _glossary_paragraph(paragraph: Paragraph) -> bool:
    entries = re.findall(r"(?:^|\s)[A-Z][A-Za-z/&-]*[A-Z][a-z]?:\s+[A-Z]", paragraph.text)
    return len(entries) >= 4 and len(entries) * 12 > len(paragraph.text.split()) / 2


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shouting(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether token i is part of an all-capitals heading run."""

    def upper_word(j: int) -> bool:
        return 0 <= j < len(tokens) and tokens[j][0].isupper() and len(tokens[j][0]) > 1 and tokens[j][0] != ","

    return upper_word(i) and (
        upper_word(i - 1)
        and upper_word(i - 2)
        or upper_word(i + 1)
        and upper_word(i + 2)
        or upper_word(i - 1)
        and upper_word(i + 1)
    )


def _chunks(text: str) -> list[list[tuple[str, int, int]]]:
    """Maximal runs of capitalised words joined by connectors, within one clause."""
    tokens = _tokens(text)
    chunks: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []

    def close() -> None:
        while current and (current[-1][0] == "," or current[-1][0] in CONNECTORS):
            current.pop()
        if current:
            chunks.append(list(current))
        current.clear()

    in_title = False
    for i, (token, start, end) in enumerate(tokens):
        if current:
            gap = text[current[-1][2] : start]
            if gap.strip() or (token == "," and gap):
                close()
        elif in_title:
            gap = text[tokens[i - 1][2] : start]
            if gap.strip() or token in {"and", ",", "&"} or not (_is_cap(token) or token in CONNECTORS):
                in_title = False
            else:
                continue
        shouting = _shouting(tokens, i)
        following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if token in MONTHS or (token in ACRONYM_STOP and token != "TIP") or re.fullmatch(r"NGO['’]?s?['’]?", token):
            close()
        elif (
            current
            and any(t[0] not in CONNECTORS for t in current)
            and (token in TRAILING_BREAK or token in {"Program", "Project"} and following in TRAILING_BREAK)
        ):
            close()
            in_title = True
        elif _is_cap(token) and not shouting:
            current.append((token, start, end))
        elif current and (token == "," or token in CONNECTORS):
            current.append((token, start, end))
        elif current and token.isdigit() and current[-1][0] in {"Company", "No", "Unit", "Brigade", "Division"}:
            current.append((token, start, end))
        else:
            close()
    close()
    return chunks


def _trim(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    tokens = list(tokens)
    changed = True
    while tokens and changed:
        changed = False
        while tokens and (tokens[0][0] in LEADING_STOP or tokens[0][0] in CONNECTORS or tokens[0][0] == ","):
            tokens.pop(0)
            changed = True
        if tokens and tokens[0][0] in TITLE_WORDS:
            words = [t[0] for t in tokens]
            if "of" in words:
                tokens = tokens[words.index("of") + 1 :]
                changed = True
            elif all(w in TITLE_WORDS or w in CONNECTORS for w in words[:2]):
                tokens.pop(0)
                changed = True
    while tokens and (tokens[-1][0] in CONNECTORS or tokens[-1][0] == ","):
        tokens.pop()
    return tokens


def _text(text: str, tokens: list[tuple[str, int, int]]) -> str:
    return re.sub(r"\s+", " ", text[tokens[0][1] : tokens[-1][2]])


class _Extractor:
    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.resolver = _Resolver(cable)
        for entry in cable.glossary:
            self.resolver.define(entry.acronym, entry.expansion)
        self.body = [p for p in cable.paragraphs if not _glossary_paragraph(p)]
        self.glossary_paragraphs = [p for p in cable.paragraphs if _glossary_paragraph(p)]
        self.full_text = " ".join(p.text for p in self.body)
        self.vocabulary = {w for p in self.body for w in re.findall(r"\b[a-z]{3,}\b", p.text)}
        for paragraph in self.body:
            self._inline_definitions(paragraph.text)

    def _orgish(self, phrase: str, strong: bool = False) -> bool:
        phrase = re.sub(r"^(?:the|and|The)\s+", "", phrase.strip())
        if self.resolver.lookup_name(phrase) or phrase in self.resolver.by_acronym:
            return True
        if not strong:
            return has_head(phrase)
        return any(head in phrase for head in MULTIWORD_HEADS) or any(
            word in HEAD_TYPES and word not in WEAK_HEADS for word in re.findall(r"[A-Z][\w'-]*", phrase)
        )

    def _segments(self, text: str, chunk: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
        """Split a run at commas and 'and' where the parts name organizations of their own."""
        pieces: list[list[tuple[str, int, int]]] = [[]]
        seps: list[str] = []
        for token in chunk:
            if token[0] in {",", "and", "&"}:
                if pieces[-1]:
                    pieces.append([])
                    seps.append(token[0])
                elif seps:
                    seps[-1] = "," if "," in (seps[-1], token[0]) else token[0]
            else:
                pieces[-1].append(token)
        pieces = [p for p in pieces if p]
        if len(pieces) <= 1:
            return [chunk]
        segments = [pieces[0]]
        starts = [chunk.index(pieces[0][0])]
        for piece, sep in zip(pieces[1:], seps, strict=False):
            left = _text(text, _trim(segments[-1]) or segments[-1])
            right = _text(text, _trim(piece) or piece)
            words = right.split(" ")
            right_known = any(
                (k > 1 or _is_acronym(words[0])) and self._known(re.sub(r"['’]s$", "", " ".join(words[:k])))
                for k in range(len(words), 0, -1)
            )
            new_phrase = sep == "and" and piece[0][0] == "the" and len(piece) > 1
            both = self._orgish(right, strong=True) and (sep == "," or self._orgish(left, strong=True))
            if right_known or new_phrase or both:
                segments.append(piece)
                starts.append(chunk.index(piece[0]))
            elif (
                sep == ","
                and piece is pieces[-1]
                and self._orgish(left, strong=True)
                and all(w[:1].isupper() and w[1:].islower() for w in right.split())
                and not all(w.lower() in self.vocabulary or w in CONNECTORS for w in right.split())
            ):
                break  # "Appeals Court, Ly Vouch Leang": a person follows the organization
            else:
                segments[-1] = chunk[starts[-1] : chunk.index(piece[-1]) + 1]
        return segments

    def _inline_definitions(self, text: str) -> None:
        for match in re.finditer(r"\(([A-Z][A-Za-z0-9/&.-]*[A-Za-z0-9])\)", text):
            acronym = match.group(1)
            if not _is_acronym(acronym) or acronym in ACRONYM_STOP:
                continue
            before = text[: match.start()].rstrip()
            chunks = _chunks(before)
            if not chunks or chunks[-1][-1][2] != len(before):
                continue
            segments = self._segments(before, chunks[-1])
            tokens = _trim(segments[-1])
            if not tokens:
                continue
            phrase = _text(before, tokens)
            if self._plausible_definition(phrase, acronym):
                owner = re.search(r"([A-Z][\w ,'’-]*?)(?:'s|’s|'|’)\s*$", before[: tokens[0][1]])
                parent = self.resolver.resolve_phrase(owner.group(1).strip()) if owner else None
                self.resolver.define(acronym, phrase, parent)
            elif _NOT_BODY_HEAD.search(phrase) and not has_head(phrase):
                self.resolver.not_bodies.add(acronym)
        for match in re.finditer(r"\b([A-Z][A-Za-z0-9/&-]*[A-Z])\s+\(([A-Z][^()]{6,120})\)", text):
            acronym, phrase = match.groups()
            if _is_acronym(acronym) and acronym not in ACRONYM_STOP and acronym not in self.resolver.defined:
                if self._plausible_definition(phrase, acronym):
                    self.resolver.define(acronym, phrase)

    def _plausible_definition(self, phrase: str, acronym: str) -> bool:
        if re.search(r"\b(?:Law|Act|Code|Plan|System|Report|Memorandum|Decree|Convention|Protocol)$", phrase):
            return False
        if re.search(r"\bPersons$", phrase) and not has_head(phrase):
            return False  # "Trafficking in Persons (TIP)", but "Center to Combat Trafficking in Persons (CCTP)"
        if has_head(phrase) or self.resolver.lookup_name(phrase):
            return True
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", phrase) if w[0].isupper()).upper()
        letters = re.sub(r"[^A-Z]", "", acronym.upper())
        return len(phrase.split()) >= 2 and (initials.startswith(letters[:2]) or letters.startswith(initials[:2]))

    def extract(self) -> list[OrganizationMention]:
        mentions: list[OrganizationMention] = []
        for paragraph in self.body:
            for span in self._paragraph_spans(paragraph.text):
                raw_start, raw_end = paragraph.raw_span(span.start, span.end)
                mentions.append(
                    OrganizationMention(
                        cable_id=self.cable.cable_id,
                        name=span.org.name,
                        acronym=span.org.acronym,
                        org_type=span.org.org_type,
                        country=span.org.country,
                        surface=paragraph.text[span.start : span.end],
                        section=paragraph.section,
                        char_start=raw_start,
                        char_end=raw_end,
                    )
                )
        # the abbreviations glossary lists the bodies the cable deals with: each entry is a mention
        for paragraph in self.glossary_paragraphs:
            for entry in self.cable.glossary:
                org = self.resolver.defined.get(entry.acronym)
                match = re.search(rf"(?<![\w-]){re.escape(entry.acronym)}:", paragraph.text)
                if org is None or match is None:
                    continue
                raw_start, raw_end = paragraph.raw_span(match.start(), match.end() - 1)
                mentions.append(
                    OrganizationMention(
                        cable_id=self.cable.cable_id,
                        name=org.name,
                        acronym=org.acronym,
                        org_type=org.org_type,
                        country=org.country,
                        surface=entry.acronym,
                        section=paragraph.section,
                        char_start=raw_start,
                        char_end=raw_end,
                    )
                )
        known_names = {org.name for org in self.resolver.by_key.values()} | {
            org.name for org in self.resolver.by_acronym.values()
        }
        return _harmonise(mentions, known_names)

    def _paragraph_spans(self, text: str) -> list[_Span]:
        text = _PARTICIPLE.sub(lambda m: ";" + " " * (len(m.group(0)) - 1), text)
        priority = self._list_spans(text)
        spans: list[_Span] = []
        for chunk in _chunks(text):
            for segment in self._segments(text, chunk):
                spans.extend(self._segment_spans(text, _trim(segment)))
        spans.extend(self._demonym_spans(text))
        spans = [s for s in spans if not any(s.start < p.end and p.start < s.end for p in priority)] + priority
        spans = [s for s in spans if not re.match(r"\s+(?:Law|Act|Code|Decree)\b", text[s.end : s.end + 8])]
        # "Department Order 95", "Ministerial Circular": an instrument a body issues, not the body
        spans = [
            s
            for s in spans
            if not re.search(
                r"\s(?:Order|Circular|Resolution|Decree|Regulation|Directive|Instruction|Proclamation)s?$",
                text[s.start : s.end],
            )
        ]
        spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
        kept: list[_Span] = []
        for span in spans:
            if kept and span.start < kept[-1].end:
                continue
            kept.append(span)
        return kept

    _WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’&/-]*)"
    _ITEM = rf"(?:the\s+)?{_WORD}(?:\s+(?:(?:of|de|du|des|la|le|les|l'|&|for|the)\s+)?{_WORD})*"
    _LIST = rf"{_ITEM}(?:,\s+(?:and\s+)?{_ITEM})*(?:,?\s+and\s+{_ITEM})?"

    def _items(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        items = []
        for match in re.finditer(self._ITEM, text[start:end]):
            item = match.group(0)
            offset = 0
            if item.startswith("the "):
                offset = 4
            items.append((start + match.start() + offset, start + match.end(), item[offset:]))
        return items

    def _list_spans(self, text: str) -> list[_Span]:
        """Organizations named in enumerations the phrase grammar cannot split."""
        resolver = self.resolver
        spans: list[_Span] = []
        # "Interior and Justice Ministries", "Ministries of Popular Power for Tourism, Infrastructure, and ..."
        for match in re.finditer(r"\b((?:[A-Z][a-z]+,?\s+)+)and\s+([A-Z][a-z]+)\s+Ministries\b", text):
            for start, end, item in self._items(text, match.start(), match.end() - len("Ministries")):
                if item not in LEADING_STOP:
                    org = resolver.lookup_name(f"Ministry of {item}") or resolver._new(f"Ministry of {item}")
                    spans.append(_Span(start, end, org))
        for match in re.finditer(rf"\bMinistries\s+of\s+((?:[A-Z][\w']*\s+)+(?:for|of)\s+)?({self._LIST})", text):
            prefix = match.group(1) or ""
            for start, end, item in self._items(text, match.start(2), match.end(2)):
                name = f"Ministry of {prefix}{item}"
                spans.append(_Span(start, end, resolver.lookup_name(name) or resolver._new(name)))
        # "the governments of Sri Lanka, Indonesia, East Timor, and the Philippines"
        for match in re.finditer(rf"\b[Gg]overnments\s+of\s+({self._LIST})", text):
            for start, end, item in self._items(text, match.start(1), match.end(1)):
                country = ADJECTIVE_COUNTRY.get(item.lower())
                if country and country != resolver.country:
                    the = "the " if item.lower() == "philippines" else ""
                    spans.append(
                        _Span(start, end, Org(f"Government of {the}{item}", None, "foreign_government", country))
                    )
                elif country:
                    spans.append(_Span(start, end, resolver.host_government()))
        # foreign states acting: "with assistance from Spain", "Canada provide funds"
        for match in re.finditer(
            rf"\b(?:assistance|grants?|funds?|funding|support|donations?|cooperation|aid|help)"
            rf"(?:\s+\w+){{0,3}}?\s+(?:from|with|by)\s+({self._LIST})",
            text,
        ):
            spans.extend(self._country_items(text, match.start(1), match.end(1)))
        for match in re.finditer(
            rf"({self._LIST})\s+(?:provides?|provided|funds|funded|signed|agreed|donated|pledged|"
            rf"supports|supported|assisted|helped|renovated|built|financed)\b",
            text,
        ):
            spans.extend(self._country_items(text, match.start(1), match.end(1)))
        # NGOs named without a head word: "NGOs such as RADDHO, Avenir de l'Enfant and La Lumiere"
        for match in re.finditer(
            rf"\b(?:NGOs?|shelters?|associations?|organizations?)\s*,?\s+(?:such as|including|"
            rf"like|called|named)\s+[\"“]?({self._LIST})",
            text,
        ):
            spans.extend(self._ngo_items(text, match.start(1), match.end(1)))
        for match in re.finditer(rf"\b(?:the|local|an|a)\s+(?:NGO|association|shelter)\s+[\"“]?({self._ITEM})", text):
            spans.extend(self._ngo_items(text, match.start(1), match.end(1)))
        for match in re.finditer(r"\b(?:called|named|known as)\s+[\"“]([A-Z][^\"”]{2,60}?)[,.]?[\"”]", text):
            name = match.group(1)
            org = self._known(name) or self.resolver.resolve_phrase(name) or Org(name, None, "ngo", None)
            spans.append(_Span(match.start(1), match.end(1), org))
        for match in re.finditer(
            r"\b((?:[A-Z][a-z]+\s+)?Public\s+Prosecutor's\s+[Oo]ffice|[A-Z][a-z]+\s+Prosecutor's"
            r"\s+[Oo]ffice)",
            text,
        ):
            name = match.group(1)
            org = resolver.lookup_name(name.replace("office", "Office")) or Org(
                name, None, "government", resolver.country
            )
            spans.append(_Span(match.start(1), match.end(1), org))
        return spans

    def _country_items(self, text: str, start: int, end: int) -> list[_Span]:
        spans = []
        for item_start, item_end, item in self._items(text, start, end):
            country = COUNTRY_NAMES.get(item)
            if not country or country == self.resolver.country:
                continue
            if country == "United States":
                org = self.resolver.by_acronym["USG"]
            else:
                org = Org(item, None, "foreign_government", country)
            spans.append(_Span(item_start, item_end, org))
        return spans

    def _ngo_items(self, text: str, start: int, end: int) -> list[_Span]:
        spans = []
        for item_start, _item_end, item in self._items(text, start, end):
            item = re.sub(r"['’]s$", "", item)
            if item in LEADING_STOP or item in ACRONYM_STOP or COUNTRY_NAMES.get(item) or item in MONTHS:
                continue
            org = self._known(item) or (self.resolver.resolve_phrase(item) if has_head(item) else None)
            if org is None:
                org = Org(item, item if _is_acronym(item) and " " not in item else None, "ngo", None)
            spans.append(_Span(item_start, item_start + len(item), org))
        return spans

    def _segment_spans(self, text: str, tokens: list[tuple[str, int, int]]) -> list[_Span]:
        if not tokens:
            return []
        phrase = _text(text, tokens)
        start, end = tokens[0][1], tokens[-1][2]
        if phrase.endswith(("'s", "’s")):
            end -= 2
        org = self._resolve_whole(phrase, tokens)
        if org:
            return [_Span(start, end, org)]
        # longest known sub-phrases, then acronyms
        spans: list[_Span] = []
        i = 0
        while i < len(tokens):
            found = None
            for j in range(len(tokens), i, -1):
                sub = tokens[i:j]
                if sub[-1][0] in CONNECTORS or sub[0][0] in CONNECTORS:
                    continue
                sub_phrase = re.sub(r"['’]s$", "", _text(text, sub))
                org = self._known(sub_phrase) if j - i > 1 or _is_acronym(sub_phrase) else None
                if org is None and j - i == 1:
                    org = self._acronym(sub_phrase, text, tokens[i])
                if org is None and j - i == 1 and self.resolver.lookup_name(sub_phrase):
                    org = self.resolver.lookup_name(sub_phrase)
                if org:
                    found = (j, org, sub)
                    break
            if found:
                j, org, sub = found
                sub_end = sub[-1][2] - (2 if sub[-1][0].endswith(("'s", "’s")) else 0)
                spans.append(_Span(sub[0][1], sub_end, org))
                i = j
            else:
                i += 1
        return spans

    def _known(self, phrase: str) -> Org | None:
        resolver = self.resolver
        if phrase in resolver.by_acronym:
            return resolver.by_acronym[phrase]
        return resolver.lookup_name(phrase) or resolver._governments(phrase)

    def _acronym(self, token: str, text: str, position: tuple[str, int, int]) -> Org | None:
        token = re.sub(r"['’]s$", "", token)
        if token.endswith("s") and token[:-1] in self.resolver.by_acronym:
            return None
        if not _is_acronym(token):
            return None
        org = self.resolver.by_acronym.get(token) or self.resolver.government_acronym(token)
        if org:
            return org
        if token in ACRONYM_STOP or token.upper() in ACRONYM_STOP or token in self.resolver.not_bodies:
            return None
        # an acronym the cable never defines: keep it unless it is a word, a surname or a heading
        if (
            not re.fullmatch(r"[A-Z]{3,8}(?:[/-][A-Z]{2,8})?", token)
            or ADJECTIVE_COUNTRY.get(token.lower())
            or (re.fullmatch(r"[IVX]+", token))
        ):
            return None
        if token.lower() in self.vocabulary:
            return None
        before = text[: position[1]].rstrip()
        after = text[position[2] :].lstrip()
        if after.startswith(":") or re.search(r"\b[A-Z][a-z]+$|\d$", before):
            return None
        return Org(token, token, "other", None)

    def _resolve_whole(self, phrase: str, tokens: list) -> Org | None:
        phrase = re.sub(r"['’]s$", "", phrase)
        if re.match(r"(?:JSC|OJSC|CJSC|LLC|LLP)\s+[A-Z]", phrase):
            return Org(phrase, None, "company", None)
        org = self._known(phrase)
        if org:
            return org
        # "UNICEF Thailand", "Save the Children Norway", "PACT-Cambodia": a branch of a known body
        for match in (
            re.fullmatch(r"(.+?)[\s-]+(?:in\s+)?([A-Z][a-z]+ [A-Z][a-z]+)", phrase),
            re.fullmatch(r"(.+?)[\s-]+(?:in\s+)?([A-Z][a-z]+)", phrase),
        ):
            if match and COUNTRY_NAMES.get(match.group(2)) and self._known(match.group(1)):
                base = self._known(match.group(1))
                if base.org_type == "international_org" and COUNTRY_NAMES[match.group(2)] == self.resolver.country:
                    return base  # "IOM Turkey" in a cable from Turkey: the body's own mission
                if base.org_type in {"ngo", "international_org", "company"}:
                    return Org(phrase, None, base.org_type, COUNTRY_NAMES[match.group(2)])
        # "ENDA Ecopole", "GE Russia/CIS": a named branch of a known NGO or company
        words = phrase.split()
        if 2 <= len(words) <= 3 and not has_head(phrase):
            base = self._known(words[0])
            rest = words[1:]
            if (
                base
                and base.org_type in {"ngo", "company"}
                and all(
                    w[0].isupper()
                    and w not in LEADING_STOP
                    and w not in TITLE_WORDS
                    and w not in TRAILING_BREAK
                    and not self._known(w)
                    and not (ADJECTIVE_COUNTRY.get(w.lower()) and w not in COUNTRY_NAMES)
                    for w in rest
                )
            ):
                return Org(phrase, None, base.org_type, None)
        match = re.fullmatch(r"[A-Z][a-z]+\s+(?:for|of)\s+([A-Z][A-Za-z/-]+)", phrase)
        if match and match.group(1) in self.resolver.by_acronym:
            return self.resolver.by_acronym[match.group(1)]
        if has_head(phrase):
            # a head word inside a known name ("International Justice Mission") does not count twice
            known_parts = [t for t in tokens if self._known(t[0])]
            if len(tokens) == 1 and known_parts:
                return None
            return self.resolver.resolve_phrase(phrase)
        return None

    _DEMONYM_BODY = re.compile(
        r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|U\.S\.)\s+(government|Government|authorities|police|Police|court|Court|"
        r"embassy|Embassy|military|Cooperation)(s?)\b"
    )
    _PLURAL_GOVS = re.compile(r"\b(U\.S\.|[A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+governments\b")

    def _demonym_spans(self, text: str) -> list[_Span]:
        spans = []
        resolver = self.resolver
        for match in self._DEMONYM_BODY.finditer(text):
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
                    name = national if national in self.full_text else f"{word} Police"
                    org = resolver.by_key.get(norm_key(name)) or resolver._new(name)
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
            spans.append(_Span(start, end, org))
        for match in self._PLURAL_GOVS.finditer(text):
            for group in (1, 2):
                country = ADJECTIVE_COUNTRY.get(match.group(group).lower())
                if not country:
                    continue
                if country == "United States":
                    org = resolver.by_acronym["USG"]
                else:
                    org = Org(f"{match.group(group)} Government", None, "foreign_government", country)
                spans.append(_Span(match.start(group), match.end(group), org))
        return spans


def _harmonise(mentions: list[OrganizationMention], known_names: set[str]) -> list[OrganizationMention]:
    """One identity per body within the cable: the same name always carries the same acronym, and an
    undefined acronym that is part of a longer name written in the cable ("Association AWA") is that body."""
    acronym_of: dict[tuple[str, str | None], str] = {}
    for mention in mentions:
        if mention.acronym:
            acronym_of.setdefault((norm_key(mention.name), mention.country), mention.acronym)
    for mention in mentions:
        if not mention.acronym:
            mention.acronym = acronym_of.get((norm_key(mention.name), mention.country))
    for mention in mentions:
        if mention.acronym and mention.name == mention.acronym:
            for other in mentions:
                if other.name != mention.name and not other.acronym and _abbreviates(mention.acronym, other.name):
                    for same in mentions:
                        if same.name == other.name:
                            same.acronym = mention.acronym
                    mention.name, mention.org_type, mention.country = other.name, other.org_type, other.country
                    break
            else:
                continue
    for mention in mentions:
        if mention.acronym and mention.name == mention.acronym:
            for other in mentions:
                if other.name != mention.name and re.search(
                    rf"(?<![\w-]){re.escape(mention.name)}(?![\w-])", other.name
                ):
                    mention.name, mention.acronym = other.name, other.acronym
                    mention.org_type, mention.country = other.org_type, other.country
                    break
    # a short form of a longer name in the same cable: "National Commission" for "National Commission for
    # Combating Trafficking in Persons", "Parliament" for "Syrian Parliament"
    full_names = {m.name: m for m in mentions}
    for mention in mentions:
        if mention.acronym or mention.name in known_names:
            continue
        for name, other in full_names.items():
            if name == mention.name or other.country != mention.country:
                continue
            rest = name[len(mention.name) :] if name.startswith(mention.name + " ") else None
            prefix = name[: -len(mention.name)] if name.endswith(" " + mention.name) else None
            if (rest and re.match(r"\s+(?:for|of|on|to|against)\s", rest) and " " in mention.name) or (
                prefix and ADJECTIVE_COUNTRY.get(prefix.strip().lower()) == mention.country and mention.country
            ):
                mention.name, mention.acronym, mention.org_type = other.name, other.acronym, other.org_type
                break
    # a foreign state named bare ("Thailand") is the government the cable names elsewhere
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
    return mentions


_MINOR = {"of", "for", "and", "the", "on", "in", "to", "against", "de", "des", "du", "la", "le", "les", "pour"}


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether an acronym is built from a name's initials ("MOSAVY" <- "Ministry of Social Affairs, Veterans ...")."""
    words = re.findall(r"[A-Za-z][\w'-]*", name)
    letters = re.sub(r"[^A-Z]", "", acronym.upper())
    if len(letters) < 3 or not words or words[0][0].upper() != letters[0]:
        return False
    i, covered = 0, 0
    for word in words:
        if i < len(letters) and word[0].upper() == letters[i]:
            i += 1
            covered += word.lower() not in _MINOR
    content = sum(1 for w in words if w.lower() not in _MINOR)
    return i == len(letters) and covered >= max(2, content - 1)


def extract_organizations(cable: Cable) -> list[OrganizationMention]:
    """One OrganizationMention per organization mention in the cable's body, in text order."""
    return _Extractor(cable).extract()
