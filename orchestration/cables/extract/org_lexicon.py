"""Curated known organizations (the `known_organizations` seed) and name normalisation rules."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from orchestration.cables.extract.reference import KNOWN_ORGANIZATIONS_CSV

SEED_PATH = KNOWN_ORGANIZATIONS_CSV

ORG_TYPES = ("government", "police", "court", "ngo", "international_org", "foreign_government", "company", "other")
# national bodies: a seed row without a country is a template that takes the cable's country
NATIONAL_TYPES = {"government", "police", "court"}


_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
_WHITESPACE = re.compile(r"\s+")
_NAME_THEN_MINISTRY = re.compile(r"((?:[A-Z][\w'-]*\s+)*?)((?:[A-Z][\w-]*\s+)?[A-Z][\w-]*)\s+Ministry")
_MINISTRY_OF_THE = re.compile(r"\bMinistry of the\b")
_COURT_WORD = re.compile(r"\bCourts?\b|\bTribunal\b")
_COMPLEMENT_START = re.compile(r"\s(?:of|for|on|against|to|in|de|du|des|do|da|del)\s")
_POSSESSIVE_BREAK = re.compile(r"['’]s\s")
_CAPITALISED_WORD = re.compile(r"[A-Z][\w'-]*")


@dataclass(frozen=True)
class KnownOrg:
    """One row of the curated seed."""

    name: str
    acronym: str | None
    org_type: str
    country: str | None
    aliases: tuple[str, ...]


@lru_cache(maxsize=65536)
def norm_key(text: str) -> str:
    """Comparison key: lower case, letters and digits only, leading article dropped."""
    key = _NOT_ALPHANUMERIC.sub(" ", text.lower().replace("'s ", " ").replace("’s ", " ")).strip()
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=4)
def load_known_organizations(path: str | None = None) -> tuple[KnownOrg, ...]:
    """Rows of the seed CSV (`name,acronym,org_type,country,aliases`)."""
    rows = []
    with open(path or SEED_PATH, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            org_type = row["org_type"].strip()
            if org_type not in ORG_TYPES:
                raise ValueError(f"unknown org_type {org_type!r} for {row['name']!r}")
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
            rows.append(
                KnownOrg(
                    row["name"].strip(),
                    (row["acronym"] or "").strip() or None,
                    org_type,
                    (row["country"] or "").strip() or None,
                    aliases,
                )
            )
    return tuple(rows)


@lru_cache(maxsize=65536)
def canonical_ministry(name: str) -> str:
    """'Interior Ministry' -> 'Ministry of Interior'; 'Ministry of the Interior' -> 'Ministry of Interior'."""
    if "  " in name or not name.isprintable():  # a cheap test: any whitespace but the space is unprintable
        name = _WHITESPACE.sub(" ", name)
    name = name.strip()
    if "Ministry" not in name:
        return name  # a cheap test: both patterns below hold the word
    match = _NAME_THEN_MINISTRY.fullmatch(name)
    if match and match.group(2) not in {"Prime", "Public", "State"}:
        prefix = match.group(1)
        name = f"{prefix}Ministry of {match.group(2)}"
    return _MINISTRY_OF_THE.sub("Ministry of", name)


# head words that make a capitalised noun phrase an organization, with the type they suggest
HEAD_TYPES: dict[str, str] = {
    "Ministry": "government",
    "Ministries": "government",
    "Department": "government",
    "Directorate": "government",
    "Direction": "government",
    "Council": "government",
    "Committee": "government",
    "Commission": "government",
    "Commissariat": "police",
    "Secretariat": "government",
    "Assembly": "government",
    "Parliament": "government",
    "Senate": "government",
    "Cabinet": "government",
    "Agency": "government",
    "Authority": "government",
    "Office": "government",
    "Bureau": "government",
    "Institute": "government",
    "Academy": "government",
    "Municipality": "government",
    "Governorate": "government",
    "Government": "government",
    "Body": "government",
    "Task Force": "government",
    "Taskforce": "government",
    "Working Group": "government",
    "Board": "government",
    "Administration": "government",
    "Presidency": "government",
    "Inspectorate": "government",
    "Fund": "government",
    "Command": "police",
    "Police": "police",
    "Gendarmerie": "police",
    "Brigade": "police",
    "Corps": "police",
    "Unit": "government",
    "Division": "government",
    "Guard": "police",
    "Court": "court",
    "Courts": "court",
    "Tribunal": "court",
    "Prosecutor's Office": "government",
    "Organization": "other",
    "Organisation": "other",
    "Association": "ngo",
    "Associations": "other",
    "Foundation": "ngo",
    "Center": "ngo",
    "Centre": "ngo",
    "Network": "ngo",
    "Coalition": "ngo",
    "Society": "ngo",
    "Alliance": "ngo",
    "Federation": "other",
    "Mission": "ngo",
    "Project": "other",
    "Program": "other",
    "Programme": "other",
    "Initiative": "other",
    "Orphanage": "ngo",
    "Shelter": "ngo",
    "Sisters": "ngo",
    "Crescent": "ngo",
    "Embassy": "foreign_government",
    "Consulate": "foreign_government",
    "Company": "company",
    "Corporation": "company",
    "Inc": "company",
    "Ltd": "company",
    "Hotel": "company",
    "Bank": "company",
    "Airlines": "company",
    "Group": "other",
    "Gang": "other",
    "Cartel": "other",
    "Party": "other",
    "Forces": "government",
    "Army": "government",
    "Navy": "government",
    "School": "government",
    "University": "other",
    "Service": "government",
    "Services": "government",
}
# the same head words in the languages of the cables' host countries, which put the head first ("Grupo Luna Nueva")
HEAD_TYPES.update(
    dict.fromkeys(
        ("Ministerio", "Ministério", "Ministère", "Secretaría", "Secretaria", "Conselho", "Consejo"), "government"
    )
    | dict.fromkeys(("Conseil", "Comité", "Comision", "Comisión", "Comissão", "Fiscalía", "Fiscalia"), "government")
    | dict.fromkeys(("Defensoría", "Defensoria", "Instituto"), "government")
    | dict.fromkeys(("Policía", "Policia", "Polícia", "Gendarmería"), "police")
    | dict.fromkeys(("Juzgado", "Tribunale"), "court")
    | dict.fromkeys(
        ("Fundación", "Fundacion", "Fundação", "Fondation", "Asociación", "Asociacion", "Associação"), "ngo"
    )
    | dict.fromkeys(("Centro", "Réseau", "Rede", "Pastoral", "Movimiento", "Movimento"), "ngo")
    | dict.fromkeys(("Grupo", "Projeto", "Proyecto", "Programa"), "other")
)
MULTIWORD_HEADS = ("Task Force", "Working Group", "Prosecutor's Office", "Red Crescent", "Red Cross")

POLICE_HINTS = re.compile(
    r"\b(?:Police|Gendarmerie|Jandarma|Brigade|Commissariat|Coast Guard"
    r"|Anti-(?:Human )?Trafficking"
    r"(?: and [A-Z][a-z]+(?: [A-Z][a-z]+)?)? (?:Unit|Department|Police|Division|Bureau|Squad)"
    r"|Investigat\w+ (?:Division|Corps|Unit|Department)"
    r"|Criminal \w+ Unit|Bureau (?:for|of) (?:Criminal )?Investigations?|Department of Anti-)",
    re.IGNORECASE,
)
INTERNATIONAL_HINTS = re.compile(
    r"^(?:UN|U\.N\.|United Nations|International Labou?r|European|Inter-American|Asian "
    r"Development|World)\b"
)


@lru_cache(maxsize=65536)
def type_from_heads(name: str) -> str | None:
    """The org_type a name's head words suggest, or None when it has no head word."""
    if POLICE_HINTS.search(name):
        return "police"
    if _COURT_WORD.search(name):
        return "court"
    found = None
    for head in MULTIWORD_HEADS:
        if head in name:
            found = HEAD_TYPES.get(head, "ngo")
    # the head is the last head word before the name's complement: "Swiss Foundation for International Social
    # Service" is a foundation, "Ministry of Interior's Anti-Trafficking Unit" a unit
    core = _COMPLEMENT_START.split(name, maxsplit=1)[0]
    core = _POSSESSIVE_BREAK.split(core)[-1]
    for part in (core, name):
        heads = [word for word in _CAPITALISED_WORD.findall(part) if word in HEAD_TYPES]
        if heads:
            found = found or HEAD_TYPES[heads[-1]]
            break
    if found and INTERNATIONAL_HINTS.search(name) and found in {"government", "other", "ngo"}:
        return "international_org"
    return found


@lru_cache(maxsize=65536)
def has_head(name: str) -> bool:
    """Whether a capitalised phrase contains an organization head word."""
    if any(head in name for head in MULTIWORD_HEADS):
        return True
    return any(word in HEAD_TYPES for word in _CAPITALISED_WORD.findall(name))


# head words that name no particular body when they stand alone ("the Ministry", "Party"); "Parliament",
# "Senate" or "Cabinet" alone do name the host's own
_BARE_HEAD = re.compile(
    r"(?:Non-?[Gg]overnmental\s+|Non-?[Pp]rofit\s+)?"
    r"(?:(?:Ministr|Agenc|Authorit|Bod|Compan|Embass)(?:y|ies)|(?:Department|Office|Council|Committee|Commission|Court|"
    r"Government|Unit|Bureau|Police|Center|Centre|Program|Project|Service|Services|Group|Division|Directorate|"
    r"Institute|Fund|Union|Organization|Association|Foundation|Network|Mission|Board|Forces|School|University|Bank|"
    r"Hotel|Party|Gang|Cartel|Ltd|Inc)s?)"
)


@lru_cache(maxsize=65536)
def is_bare_head(phrase: str) -> bool:
    """Whether a phrase is a head word alone, naming no particular body."""
    return bool(_BARE_HEAD.fullmatch(phrase))
