"""Laws and legal instruments named in a cable, resolved to one canonical law each.

Mentions come from, in order: the curated seed `dbt_project/seeds/known_laws.csv` (names and aliases),
formal capitalised names ("Law on ...", "<X> Law", "Penal Code", "<X> Act", "Decree 81 of 2006"), and
generic references ("the new anti-TIP law", "penal code", "Senegal's constitution", "sub-decree on ...").
Generic references to the anti-trafficking law resolve to the country's anti-trafficking law in force
(or just enacted) when the cable was sent, or to the country's draft law when there is none.
The enactment date comes from the seed, else from the cable ("enacted February 29, 1996", "of 1961",
"the 2004 ... Law"); articles cited with the law ("Article 16 of the ...") are kept with the mention.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from orchestration.cables.extract.law_lexicon import DATE, MONTH, KnownLaw, law_key, load_known_laws, parse_date
from orchestration.cables.extract.org_countries import ADJECTIVE_COUNTRY, COUNTRY_ADJECTIVES, country_of_origin
from orchestration.cables.extract.records import LawMention
from orchestration.cables.extract.sentences import split_sentences
from orchestration.cables.model import Cable

_HEAD = r"(?:Law|Code|Act|Decree|Sub-[Dd]ecree|Constitution|Convention|Guidelines|Protocol|Amendments|Charter)"
_CAP = r"(?:[A-Z][\w'’-]*|U\.S\.|U\.N\.)"
# a word of a law's name before its head: "Anti-Trafficking in Persons Act", "Human Trafficking (Control) Act"
_PRE_HEAD = rf"(?:{_CAP}|\([A-Z][a-z]+\))(?:\s+(?:and|&|in|of|on|against|for)(?=\s+[A-Z]))?"
_JOIN = r"(?:\s+(?:of|and|the|on|in|to|for|a|against|from|by|with|All|,)|,)*\s+"
# "Law on the Suppression of the Kidnapping, ...", "Organic Law on a Woman's Right to a Violence-Free Life"
_FORMAL = re.compile(
    rf"(?:(?P<when>(?:{MONTH}\s+)?(?:19|20)\d{{2}})\s+)?"
    rf"(?P<name>(?:{_PRE_HEAD}\s+){{0,6}}?{_HEAD}\b"
    rf"(?:\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?\d+(?:[/-]\d+)?(?:\s+(?:of|for\s+the\s+year)\s+(?:19|20)\d{{2}})?)?"
    rf"(?:\s+(?:on|of|for|against|to|regarding)\s+(?:the\s+|a\s+)?{_CAP}(?:{_JOIN}{_CAP})*)?)"
    rf"(?:\s+of\s+(?P<year>(?:19|20)\d{{2}}))?"
)
# "law no. 12 of 1996", "Decree 29 of 1970", "Law 232 for the year 1989"
_NUMBERED = re.compile(
    r"\b(?P<name>(?:[A-Z][a-z]+\s+)?(?:[Ll]aw|Decree|[Dd]ecree|Sub-[Dd]ecree|Royal Decree|[Aa]greement|Resolution|"
    r"Prakas|Order|Ordinance|Circular|Proclamation|Regulation|Directive)\s+"
    r"(?:[Nn]o\.?\s*|[Nn]umber\s+)?(?P<number>\d+(?:[/-]\d+)?)"
    r"(?:\s+(?:of|for\s+the\s+year|dated)\s+(?P<year>(?:19|20)\d{2})|\s+\((?P<year2>(?:19|20)\d{2})\))?)"
)
_TRAFFICKING_LAW = re.compile(
    r"\b(?P<adj>(?:(?:new|draft|comprehensive|proposed|separate|current|existing|first|specific|national)\s+"
    r"(?:and\s+)?)*)(?P<own>(?:[A-Z][a-z]+(?:'s)?\s+))?"
    r"(?:anti-(?:TIP|trafficking(?:[- ]in[- ]persons)?|human[- ]trafficking)|counter-trafficking"
    r"|(?:human\s+)?trafficking"
    r"(?:[- ]in[- ]persons)?|TIP)\s+(?P<kind>law|legislation|bill)\b(?P<tail>\s+(?:currently\s+)?in\s+draft)?",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?P<topic>penal code|criminal code|labou?r code|labou?r law|domestic violence law|"
    # "anti-corruption law", "anti-begging law", "anti- begging law" (a line-wrapped hyphen); the
    # anti-trafficking law is `_TRAFFICKING_LAW`'s
    r"anti-\s?(?!trafficking|tip\b|human|tip-)[a-z]+ (?:law|legislation)|(?:new\s+)?adoption (?:law|legislation)|"
    r"immigration law|child protection law|family code|"
    r"code of criminal procedure|criminal procedure code)\b",
    re.IGNORECASE,
)
# "the 1996 law", "a general 1996 law", "a 1961 anti-prostitution law": a law referred to by its year
_YEAR_LAW = re.compile(
    r"\b(?P<year>(?:19|20)\d{2})\s+(?P<topic>(?:(?:anti|counter)-\s?[a-z-]+\s+)?)(?P<kind>law|legislation)\b"
)
# an instrument about a law ("Guidelines on the Implementation of the Law on ...", "Amendments to the ... Law"):
# the law it is about is part of its name
_ABOUT_LAW_BEFORE = re.compile(
    r"\b(?:Guidelines|Amendments?|Regulations?|Rules|Regulations)\s+(?:on|to|for|of)\s+(?:the\s+)?"
    r"(?:(?:Implementation|Application|Enforcement)\s+of\s+(?:the\s+)?)?$"
)
_CONSTITUTION = re.compile(r"\b(?:(?P<own>[A-Z][a-z]+(?:'s)?)\s+)?(?P<c>[Cc]onstitution)\b")
_SUB_DECREE = re.compile(
    r"\b[Ss]ub-[Dd]ecree\b(?:[^.;]{0,100}?\b(?:on|for|regarding|governing)\s+(?P<topic>[a-z-]+\s+[a-z-]+s?)\b)?"
)
_RULING = re.compile(
    r"\b(?P<by>Ministry of [A-Z]\w+|[A-Z]\w+(?:\s+[A-Z]\w+)?\s+Court)\s+(?P<kind>ruling|decree|directive)\b"
)
_ARTICLES = re.compile(
    r"\b(?P<word>Articles?|Art\.|Sections?|Chapter)\s+(?P<nums>\d+[A-Za-z]?(?:\s*(?:,|and|to|through|-)\s*\d+[A-Za-z]?)*)"
)
_ENACTED = re.compile(
    rf"\b(?:enacted|promulgated|passed|adopted|signed into law|signed|came into (?:force|effect)|entered into force|"
    rf"went into effect|approved|ratified)\b(?:\s+(?:by|into)\s+[\w ]{{1,40}}?)?\s+(?:on\s+|in\s+)?(?P<date>{DATE})"
)
_LEADING_STOP = {
    "The",
    "A",
    "An",
    "Under",
    "According",
    "Since",
    "With",
    "This",
    "That",
    "These",
    "Its",
    "Their",
    "In",
    "On",
    "Of",
    "By",
    "For",
    "To",
    "And",
    "Both",
    "New",
    "Current",
    "Existing",
    "Draft",
    "If",
    "As",
    "Per",
    "Pursuant",
    "While",
    "Although",
    "However",
    "Also",
    "Without",
}
_NOT_LAWS = {
    "Law Enforcement",
    "Law School",
    "Law Faculty",
    "Law Society",
    "Law Firm",
    "Law Center",
    "Law Centre",
    "Law Institute",
    "Law Department",
    "Law Office",
}


@dataclass
class _Found:
    start: int
    end: int
    law: KnownLaw
    surface: str
    articles: list[str] = field(default_factory=list)


def _demonym(country: str | None) -> str | None:
    if not country:
        return None
    adjectives = COUNTRY_ADJECTIVES.get(country) or []
    return adjectives[0] if adjectives else country


class _LawResolver:
    """Per-cable knowledge: the seed laws usable in this cable's country."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.country = country_of_origin(cable.origin)
        self.sent = cable.sent_at.date()
        self.laws = load_known_laws()
        self.index: dict[str, KnownLaw] = {}
        self.aliases: list[tuple[str, KnownLaw]] = []
        for law in self.laws:
            local = law.country in (None, self.country)
            for surface in (law.name, *law.aliases):
                # short aliases ("1996 law", "penal code") name a law only in its own country
                if local or (len(surface.split()) >= 2 and law.country in (None, "United States")) or surface.isupper():
                    self.index.setdefault(law_key(surface), law)
                    self.aliases.append((surface, law))
        self.aliases.sort(key=lambda item: -len(item[0]))
        self.created: dict[str, KnownLaw] = {}

    def lookup(self, name: str) -> KnownLaw | None:
        key = law_key(name)
        if key in self.index:
            return self.index[key]
        stripped = re.sub(rf"^(?:new|draft|{self._own_words()})\s+", "", key)
        if stripped in self.index:
            return self.index[stripped]
        best, best_ratio = None, 0.0
        for alias_key, law in self.index.items():
            if len(alias_key) < 15 or law.country not in (None, self.country, "United States"):
                continue
            ratio = difflib.SequenceMatcher(None, stripped, alias_key).ratio()
            if ratio > best_ratio:
                best, best_ratio = law, ratio
        return best if best_ratio >= 0.92 else None

    def _own_words(self) -> str:
        words = [self.country.lower()] if self.country else []
        if self.country:
            words += [a.lower() for a in COUNTRY_ADJECTIVES.get(self.country, [])]
        return "|".join(re.escape(w) for w in words) or "zzz"

    def new(self, name: str, enacted: dt.date | None, country: str | None) -> KnownLaw:
        key = law_key(name)
        if key not in self.created:
            self.created[key] = KnownLaw(name, country, enacted, ())
        elif enacted and not self.created[key].enacted_date:
            self.created[key] = KnownLaw(self.created[key].name, country, enacted, ())
        return self.created[key]

    def anti_trafficking_law(self, draft: bool, new: bool) -> KnownLaw:
        """The country's anti-trafficking law when the cable was sent (`draft`: the cable speaks of a draft)."""
        candidates = [
            law
            for law in self.laws
            if law.country == self.country
            and law.enacted_date
            and law.enacted_date <= self.sent
            and re.search(r"Trafficking", law.name)
            and not law.name.startswith("Guidelines")
        ]
        candidates.sort(key=lambda law: law.enacted_date)
        if candidates:
            latest = candidates[-1]
            recent = (self.sent - latest.enacted_date).days <= 3 * 365
            if recent or not (new or draft):
                return latest
        if draft or new and candidates:
            return self.new("draft anti-trafficking law", None, self.country)
        return self.new("anti-TIP law", None, self.country)


class _LawExtractor:
    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.resolver = _LawResolver(cable)
        self.number_years: dict[str, str] = {}
        self.year_refs: dict[str, int] = {}  # placeholder law name -> the year it was referred to by
        self.same_as: dict[str, KnownLaw] = {}  # a law's name -> the law it is another designation of
        # a country with no anti-trafficking law yet: every generic reference is to the draft
        body = " ".join(p.text for p in cable.paragraphs)
        self.draft_only = False
        for match in _TRAFFICKING_LAW.finditer(body):
            context = body[max(0, match.start() - 60) : match.end() + 60].lower()
            if (
                "draft" in (match.group("adj") or "").lower()
                or match.group("tail")
                or re.search(
                    r"\bdraft(?:ed|ing)?\b|\bpending\b|\bnot yet (?:passed|enacted)|\bno anti-trafficking law", context
                )
            ):
                self.draft_only = True
        for paragraph in cable.paragraphs:
            for match in _NUMBERED.finditer(paragraph.text):
                year = match.group("year") or match.group("year2")
                if year:
                    self.number_years.setdefault(self._numbered_key(match), year)

    @staticmethod
    def _numbered_key(match: re.Match) -> str:
        kind = re.sub(r"\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?\d.*$", "", match.group("name")).lower()
        return f"{kind.split()[-1]} {match.group('number')}"

    def extract(self) -> list[LawMention]:
        mentions: list[LawMention] = []
        for paragraph in self.cable.paragraphs:
            for sentence in split_sentences(paragraph):
                for found in self._sentence(sentence.text):
                    start, end = sentence.start + found.start, sentence.start + found.end
                    raw_start, raw_end = paragraph.raw_span(start, end)
                    law = found.law
                    mentions.append(
                        LawMention(
                            cable_id=self.cable.cable_id,
                            name=law.name,
                            surface=found.surface,
                            enacted_date=law.enacted_date,
                            country=law.country,
                            articles=found.articles,
                            section=paragraph.section,
                            char_start=raw_start,
                            char_end=raw_end,
                        )
                    )
        for mention in mentions:
            other = self.same_as.get(mention.name)
            if other is not None:
                mention.name, mention.country = other.name, other.country
                mention.enacted_date = mention.enacted_date or other.enacted_date
        mentions = _merge_variants(mentions)
        self._resolve_year_refs(mentions)
        _merge_compounds(mentions)
        self._resolve_generic_trafficking_law(mentions)
        # one enactment date per law across the cable
        dates: dict[str, dt.date] = {}
        for mention in mentions:
            if mention.enacted_date:
                dates.setdefault(mention.name, mention.enacted_date)
        for mention in mentions:
            mention.enacted_date = mention.enacted_date or dates.get(mention.name)
        return mentions

    def _sentence(self, text: str) -> list[_Found]:
        found: list[_Found] = []

        def free(start: int, end: int) -> bool:
            return not any(start < f.end and f.start < end for f in found)

        self._aliases(text, found, free)
        self._numbered(text, found, free)
        self._year_laws(text, found, free)
        self._trafficking(text, found, free)
        self._formal(text, found, free)
        self._generic(text, found, free)
        found.sort(key=lambda f: f.start)
        # "the Anti-Trafficking in Persons Act of 2003 (Republic Act 9208)": one law, two designations
        for first, second in zip(found, found[1:], strict=False):
            if (
                first.law.name != second.law.name
                and re.fullmatch(r"[^()]{0,12}\(\s*", text[first.end : second.start])
                and re.match(r"\s*\)", text[second.end :])
                and not second.law.aliases
            ):
                self.same_as.setdefault(second.law.name, first.law)
        self._dates(text, found)
        self._articles(text, found)
        return found

    def _aliases(self, text: str, found: list[_Found], free) -> None:
        for surface, law in self.resolver.aliases:
            flags = 0 if surface.isupper() or len(surface.split()) == 1 else re.IGNORECASE
            for match in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text, flags):
                if _ABOUT_LAW_BEFORE.search(text[max(0, match.start() - 80) : match.start()]):
                    continue  # "Guidelines on the Implementation of the <law>": the guidelines are the mention
                if free(match.start(), match.end()):
                    found.append(_Found(match.start(), match.end(), law, match.group(0)))

    def _numbered(self, text: str, found: list[_Found], free) -> None:
        for match in _NUMBERED.finditer(text):
            start, end = match.span("name")
            if not free(start, end):
                continue
            name = match.group("name")
            if re.match(r"[a-z]", name) is None and name.split()[0] in _LEADING_STOP:
                name = name.split(" ", 1)[1]
                start = end - len(name)
            year = match.group("year") or match.group("year2") or self.number_years.get(self._numbered_key(match))
            if re.search(r"[Aa]greement", name) and not year:
                continue
            law = self.resolver.lookup(name) or self.resolver.lookup(f"{name} of {year}" if year else name)
            if law is None:
                written_year = match.group("year") or match.group("year2")
                canonical = name if written_year or not year else f"{name} of {year}"
                canonical = re.sub(r"\s+\(((?:19|20)\d{2})\)$", r" of \1", canonical)
                if re.match(r"(?:[Ll]aw|[Dd]ecree)\b", canonical):
                    canonical = canonical[0].upper() + canonical[1:]
                law = self.resolver.new(canonical, parse_date(year) if year else None, self.resolver.country)
            found.append(_Found(start, end, law, text[start:end]))

    def _formal(self, text: str, found: list[_Found], free) -> None:
        for match in _FORMAL.finditer(text):
            name = match.group("name")
            start, end = match.span("name")
            words = name.split()
            while len(words) > 1 and (
                words[0] in _LEADING_STOP
                or words[0].endswith(("'s", "’s"))
                and ADJECTIVE_COUNTRY.get(words[0][:-2].lower())
            ):
                start += len(words[0]) + 1
                words = words[1:]
                name = " ".join(words) if "," not in name else text[start:end]
            name = text[start:end]
            if not free(start, end) or len(name.split()) < 2 and name not in {"Constitution"}:
                continue
            if any(bad in text[start : end + 20] for bad in _NOT_LAWS) or re.match(
                # "International Law and Foreign Relations Directorate": the law names a body
                r"\s+(?:and\s+)?(?:[A-Z]\w+\s+){0,3}(?:Enforcement|Directorate|Department|School|Faculty|Institute|"
                r"Center|Firm)",
                text[end:],
            ):
                continue
            if re.fullmatch(rf"{_HEAD}s?", name.split()[-1]) and name.split()[0] in {"National", "Plan"}:
                continue
            when = match.group("when")
            year = match.group("year")
            law = self.resolver.lookup(name) or (self.resolver.lookup(f"{when} {name}") if when else None)
            if law is None and re.search(r"\bConstitution\b", name):
                law = self._constitution(name)
            if law is None:
                enacted = parse_date(when) if when else (parse_date(year) if year else None)
                canonical = re.sub(rf"^(?:{self.resolver._own_words()})\s+(?=\w+\s)", "", name, flags=re.IGNORECASE)
                country = self._law_country(name)
                law = self.resolver.new(canonical, enacted, country)
            surface_start = match.start("when") if when else start
            found.append(_Found(surface_start, end, law, text[surface_start:end]))

    def _law_country(self, name: str) -> str | None:
        first = name.split()[0].replace("'s", "")
        country = ADJECTIVE_COUNTRY.get(first.lower())
        if re.search(r"\b(?:Convention|Protocol|Charter)\b", name):
            return country if country and first not in {"UN", "U.N."} else None
        return country or self.resolver.country

    def _constitution(self, name: str) -> KnownLaw:
        words = name.replace("'s", "").split()
        country = ADJECTIVE_COUNTRY.get(words[0].lower()) if len(words) > 1 else None
        country = country or self.resolver.country
        return self.resolver.new(f"{_demonym(country)} Constitution" if country else "Constitution", None, country)

    def _year_laws(self, text: str, found: list[_Found], free) -> None:
        for match in _YEAR_LAW.finditer(text):
            if not free(match.start(), match.end()):
                continue
            topic = re.sub(r"\s+", " ", match.group("topic")).replace("- ", "-").strip()
            name = f"{topic} law" if topic else f"{match.group('year')} law"
            law = self.resolver.new(name, dt.date(int(match.group("year")), 1, 1), self.resolver.country)
            self.year_refs[law.name] = int(match.group("year"))
            found.append(_Found(match.start(), match.end(), law, match.group(0)))

    def _resolve_year_refs(self, mentions: list[LawMention]) -> None:
        """A law referred to by its year is the one law of that year the cable names, or the seed's law of
        the country enacted that year; otherwise it keeps its descriptive name."""
        for name, year in self.year_refs.items():
            anti_trafficking = bool(re.match(r"(?:anti|counter)-(?:tip|trafficking|human)", name, re.IGNORECASE))
            named = {
                m.name: m
                for m in mentions
                if m.name not in self.year_refs and m.enacted_date and m.enacted_date.year == year
            }
            seed = {
                law.name: law
                for law in self.resolver.laws
                if law.country == self.resolver.country and law.enacted_date and law.enacted_date.year == year
            }
            candidates = {**{n: (law.country, law.enacted_date) for n, law in seed.items()}}
            candidates.update({n: (m.country, m.enacted_date) for n, m in named.items()})
            if anti_trafficking and len(candidates) > 1:
                candidates = {n: c for n, c in candidates.items() if "Trafficking" in n} or candidates
            if len(candidates) != 1:
                continue
            ((target, (country, enacted)),) = candidates.items()
            for mention in mentions:
                if mention.name == name:
                    mention.name, mention.country = target, country
                    mention.enacted_date = enacted or mention.enacted_date

    def _resolve_generic_trafficking_law(self, mentions: list[LawMention]) -> None:
        """ "The anti-TIP law" is the country's anti-trafficking law the cable names in full, when it names one."""
        generic = "anti-TIP law"
        if not any(m.name == generic for m in mentions):
            return
        named = {
            m.name: m
            for m in mentions
            if m.name != generic
            and m.country == self.resolver.country
            and re.search(r"\bTrafficking\b", m.name)
            and re.match(r"(?:Law|Act)\b|.*\b(?:Law|Act)$", m.name)
            and not re.search(r"\b(?:Guidelines|Amendments?|Regulations?|draft)\b", m.name, re.IGNORECASE)
        }
        if len(named) != 1:
            return
        (target,) = named.values()
        for mention in mentions:
            if mention.name == generic:
                mention.name, mention.country = target.name, target.country
                mention.enacted_date = mention.enacted_date or target.enacted_date

    def _trafficking(self, text: str, found: list[_Found], free) -> None:
        resolver = self.resolver
        for match in _TRAFFICKING_LAW.finditer(text):
            if not free(match.start(), match.end()):
                continue
            adjectives = (match.group("adj") or "").lower()
            own = (match.group("own") or "").replace("'s", "").strip()
            if own and ADJECTIVE_COUNTRY.get(own.lower()) not in (resolver.country, None):
                continue  # another country's law
            law = resolver.anti_trafficking_law(self.draft_only, "new" in adjectives)
            found.append(_Found(match.start(), match.end(), law, text[match.start() : match.end()]))

    def _generic(self, text: str, found: list[_Found], free) -> None:
        resolver = self.resolver
        for match in _GENERIC.finditer(text):
            if not free(match.start(), match.end()):
                continue
            topic = re.sub(r"\s+", " ", match.group("topic").lower()).replace("labour", "labor").replace("- ", "-")
            law = resolver.lookup(topic)
            if law is None:
                if topic == "labor law":
                    continue  # "labor laws" in general: only a named Labor Law counts
                if topic.startswith("new "):
                    topic = topic[4:]
                window = text[max(0, match.start() - 60) : match.end() + 60]
                draft = bool(re.search(r"\bdraft|\bpending|\bnot yet", window, re.IGNORECASE))
                name = _title(topic) if topic in {"penal code", "labor code", "criminal code", "family code"} else topic
                if draft and topic not in {"penal code", "labor code", "criminal code"}:
                    name = f"{name} (draft)"
                law = resolver.new(name, None, resolver.country)
            found.append(_Found(match.start(), match.end(), law, match.group(0)))
        for match in _CONSTITUTION.finditer(text):
            if not free(match.start("c"), match.end("c")):
                continue
            own = match.group("own") or ""
            country = ADJECTIVE_COUNTRY.get(own.replace("'s", "").lower()) if own else None
            start = match.start("own") if country else match.start("c")
            law = self._constitution(f"{own} Constitution" if country else "Constitution")
            found.append(_Found(start, match.end(), law, text[start : match.end()]))
        for match in _SUB_DECREE.finditer(text):
            if not free(match.start(), match.end()):
                continue
            topic = match.group("topic")
            name = f"sub-decree on {topic}" if topic else None
            if name is None:
                known = [law for law in resolver.created.values() if law.name.startswith("sub-decree on")]
                if not known:
                    continue
                law = known[0]
            else:
                law = resolver.new(name, None, resolver.country)
            found.append(_Found(match.start(), match.start() + len("sub-decree"), law, match.group(0)[:10]))
        for match in _RULING.finditer(text):
            if free(match.start(), match.end()):
                law = resolver.new(f"{match.group('by')} {match.group('kind')}", None, resolver.country)
                found.append(_Found(match.start(), match.end(), law, match.group(0)))

    def _dates(self, text: str, found: list[_Found]) -> None:
        for i, item in enumerate(found):
            if item.law.enacted_date:
                continue
            limit = found[i + 1].start if i + 1 < len(found) else len(text)
            match = _ENACTED.search(text, item.end, limit)
            date = None
            if match and match.start() - item.end <= 60:
                date = parse_date(re.sub(r"\s+", " ", match.group("date")))
            else:
                before = re.search(
                    rf"\b(?:In|On|By)\s+(?P<date>{DATE}),?[^.;]*\b(?:signed|promulgated|enacted|passed|"
                    rf"adopted|approved|issued)\b[^.;]*$",
                    text[: item.start],
                )
                if before and not any(f.end <= item.start and f.start >= before.start() for f in found):
                    date = parse_date(re.sub(r"\s+", " ", before.group("date")))
            if date and date <= self.cable.sent_at.date():
                item.law = self._dated(item.law, date)

    def _dated(self, law: KnownLaw, date: dt.date) -> KnownLaw:
        dated = KnownLaw(law.name, law.country, date, law.aliases)
        key = law_key(law.name)
        if key in self.resolver.created:
            self.resolver.created[key] = dated
        return dated

    def _articles(self, text: str, found: list[_Found]) -> None:
        for match in _ARTICLES.finditer(text):
            label = {"Art.": "Article", "Articles": "Article", "Sections": "Section"}.get(
                match.group("word"), match.group("word")
            )
            numbers = _expand(match.group("nums"))
            after = [f for f in found if f.start >= match.end() and f.start - match.end() <= 12]
            before = [f for f in found if f.end <= match.start()]
            target = after[0] if after else (before[-1] if before else None)
            if target is None:
                continue
            for number in numbers:
                article = f"{label} {number}"
                if article not in target.articles:
                    target.articles.append(article)


_GENERIC_MODIFIERS = {"organic", "basic", "general", "federal", "national", "new", "current", "existing", "relevant"}


def _merge_variants(mentions: list[LawMention]) -> list[LawMention]:
    """Within a cable, variants the seed does not know are one law: near-identical spellings ("Woman's" /
    "Women's", typos), a generic code named in full elsewhere ("penal code" -> "General Penal Code"), and
    short references ("the Organic Law" -> the Organic Law last named in full)."""
    kept: list[LawMention] = []
    seen: list[LawMention] = []  # first mention of each distinct law, in text order
    for mention in mentions:
        key = law_key(mention.name)
        words = key.split()
        head = words[-1] if words else ""
        target = None
        if (
            1 <= len(words) <= 2
            and head in {"law", "code", "act", "decree"}
            and (len(words) == 1 or words[0] in _GENERIC_MODIFIERS or ADJECTIVE_COUNTRY.get(words[0]))
        ):
            earlier = [
                m
                for m in seen
                if law_key(m.name) != key
                and (
                    law_key(m.name).startswith(key + " ")
                    or len(words) == 2
                    and ADJECTIVE_COUNTRY.get(words[0])
                    and law_key(m.name).endswith(" " + head)
                )
            ]
            if not earlier:
                continue  # "the Egyptian Law", "the Organic Law" with nothing to refer to: not a name
            target = earlier[-1]
        else:
            for other in seen:
                other_key = law_key(other.name)
                if other_key == key:
                    break
                if difflib.SequenceMatcher(None, key, other_key).ratio() >= 0.9 and len(key) > 12:
                    target = other
                    break
                if len(words) <= 3 and other_key.endswith(" " + key) and head in {"code", "law"}:
                    target = other
                    break
        if target is not None:
            mention.name, mention.country = target.name, target.country
            mention.enacted_date = mention.enacted_date or target.enacted_date
        if not any(m.name == mention.name for m in seen):
            seen.append(mention)
        kept.append(mention)
    return kept


def _merge_compounds(mentions: list[LawMention]) -> None:
    """A compound name is the prepositional one of the same cable: "Prostitution Law" is the "Law for Combating
    Prostitution", "Labor Code" the "Code of Labor" (one such law only)."""
    names = list(dict.fromkeys(m.name for m in mentions))
    for name in names:
        words = law_key(name).split()
        if len(words) != 2 or words[1] not in {"law", "code", "act", "decree"}:
            continue
        topic, head = words
        matches = [
            other
            for other in names
            if other != name
            and law_key(other).startswith(head + " ")
            and law_key(other).split()[-1] == topic
            and len(law_key(other).split()) <= 5
        ]
        if len(matches) != 1:
            continue
        target = next(m for m in mentions if m.name == matches[0])
        for mention in mentions:
            if mention.name == name:
                mention.name, mention.country = target.name, target.country
                mention.enacted_date = mention.enacted_date or target.enacted_date


def _expand(numbers: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"\s*(?:,|and)\s*", numbers):
        match = re.fullmatch(r"(\d+)\s*(?:to|through|-)\s*(\d+)", part.strip())
        if match and 0 < int(match.group(2)) - int(match.group(1)) <= 30:
            out.extend(str(n) for n in range(int(match.group(1)), int(match.group(2)) + 1))
        elif part.strip():
            out.extend(p for p in re.split(r"\s*(?:to|through|-)\s*", part.strip()) if p)
    return out


def _title(text: str) -> str:
    return " ".join(w[0].upper() + w[1:] for w in text.split())


def extract_laws(cable: Cable) -> list[LawMention]:
    """One LawMention per law mention in the cable's body, in text order."""
    return _LawExtractor(cable).extract()
