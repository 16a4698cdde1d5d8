"""Numeric statistics of a cable: value, measure, unit, source, period, breakdown and totals.

Each figure (digits or words) of each sentence is kept when it counts something, and classified by the
grammar around it: the noun it counts ("21 cases", "nine brothels"), the verb or noun governing it before
("arrested 91", "convictions of 28", "referred to MOSAVY 407") or after ("137 victims ... were rescued"),
currency and percent markers. Dates, years, ages, durations, identifiers are not statistics.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field

from orchestration.cables.extract.metric_lexicon import (
    AGE_AFTER,
    AGE_BEFORE,
    CASE_NOUNS,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    EVENT_NOUNS,
    ID_PREFIX,
    MODIFIER_STOP,
    ORG_NOUNS,
    PERSON_NOUNS,
    TIME_UNIT_AFTER,
)
from orchestration.cables.extract.metric_periods import Period, find_periods
from orchestration.cables.extract.metric_sources import OrgMention, SourceFinder
from orchestration.cables.extract.numbers import FRACTIONS, SCALES, TENS, UNITS, NumberMatch, find_numbers
from orchestration.cables.extract.organizations import extract_organizations
from orchestration.cables.extract.records import MetricFact, OrganizationMention
from orchestration.cables.extract.reference import MEASURES_CSV
from orchestration.cables.extract.sentences import split_sentences
from orchestration.cables.model import Cable, Paragraph

PERSON_MEASURES = {
    "arrests",
    "perpetrators",
    "victims_identified",
    "victims_rescued",
    "victims_referred",
    "victims_assisted",
    "victims_repatriated",
    "migrants_returned",
    "persons_trained",
    "population_estimate",
    "convictions",
    "prosecutions",
}


def load_measures() -> dict[str, str]:
    """Measure name -> unit of the shipped vocabulary."""
    with MEASURES_CSV.open(newline="", encoding="utf-8") as f:
        return {row["measure"]: row["unit"] for row in csv.DictReader(f)}


# ---------------------------------------------------------------- cues

_GAP = r"(?:[\s,]+(?:a\s+total\s+of|total\s+of|approximately|approx\.|about|around|roughly|some|nearly|almost|"
_GAP += r"more\s+than|over|at\s+least|only|an\s+estimated|estimated|another|an\s+additional|additional|the|all|"
_GAP += r"up\s+to|a|fewer\s+than|"
_GAP += r"less\s+than|just|as\s+many\s+as|no\s+fewer\s+than|close\s+to|of|in|to|for|from|with|[A-Z][\w/]*))*[\s,]*$"

_BEFORE_CUES: list[tuple[str, re.Pattern]] = [
    (m, re.compile(rf"\b(?i:{p}){_GAP}"))
    for m, p in [
        (
            "arrests",
            r"arrested|rearrested|re-arrested|detained|apprehended|arrests|arrest|detentions?|apprehensions?|"
            r"caught|captured|arrest\s+(?:record|figures?|numbers?|totals?)\s+(?:\w+\s+)?(?:to|of|at|reached)",
        ),
        ("convictions", r"convicted|convictions?|sentenced|found\s+guilty"),
        (
            "prosecutions",
            r"prosecuted|prosecuting|prosecutions?|tried|charged|indicted|indictments?|charges\s+against|"
            r"filed\s+against|brought|trials?\s+of|trying",
        ),
        ("acquittals", r"acquitted|acquittals?|dismissed\s+charges\s+against"),
        ("investigations", r"investigated|investigating|investigations?|probed|opened"),
        (
            "victims_rescued",
            r"rescued|rescuing|rescues?|withdr[ae]w|withdrawn|withdrawal|removed|freed|liberated|"
            r"saved",
        ),
        ("victims_referred", r"referred|referring|referrals?"),
        (
            "victims_assisted",
            r"assisted|assisting|sheltered|sheltering|helped|services\s+to|assistance\s+to|"
            r"care\s+(?:to|for)|"
            r"support\s+to|supported|received|receiving|accommodated|housed|served|cared\s+for|"
            r"reintegrated|counseled|counselled|aid\s+to|treated|hosted|admitted",
        ),
        ("victims_repatriated", r"repatriated|repatriating|repatriations?|return|returned|returning"),
        ("migrants_returned", r"deported|deporting|deportations?|expelled"),
        (
            "persons_trained",
            r"trained|educated|sensitized|attended\s+by|participation\s+of|attendance\s+included:?|"
            r"(?:training|trainings|workshops?|seminars?|courses?|instruction|sessions?)\b[^.;]{0,100}?"
            r"\b(?:for|to|with|of)",
        ),
        (
            "victims_identified",
            r"identified|identifying|identification|trafficking|traffic|trafficked|forced|murdering|"
            r"murdered|abused|abusing|exploited|exploiting|recorded|registered|sold",
        ),
        (
            "population_estimate",
            r"estimated(?:\s+that)?(?:\s+there\s+(?:are|were|was|is))?|estimates?|"
            r"there\s+(?:are|were|was|is)|numbered|population\s+of|home\s+to",
        ),
    ]
]
_BEFORE_CUE_HEAD = re.compile(
    r"(?:training|trainings|workshops?|seminars?|courses?|instruction|sessions?)\b[^.;]{0,100}?\b(?:for|to|with|of)\b|"
    r"\w+(?:\s+(?:record|figures?|numbers?|totals?)\s+(?:\w+\s+)?(?:to|of|at|reached))?",
    re.I,
)
_MAX_GAP_WORDS = {"population_estimate": 6}
_AFTER_CUES: list[tuple[str, re.Pattern]] = [
    (m, re.compile(rf"\b(?:{p})\b"))
    for m, p in [
        ("arrests", r"arrested|rearrested|detained|apprehended|taken\s+into\s+custody|in\s+(?:U\.S\.\s+)?custody"),
        ("convictions", r"convicted|sentenced|found\s+guilty|received\s+(?:\w+\s+)?sentences?"),
        ("prosecutions", r"prosecuted|charged|indicted|tried|brought\s+to\s+trial|stood\s+trial"),
        ("acquittals", r"acquitted|acquittals?|reinvestigation"),
        ("convictions", r"resulted\s+in\s+(?:\w+\s+){0,3}convictions?"),
        ("investigations", r"investigated|under\s+investigation"),
        ("victims_rescued", r"rescued|withdrawn|freed|liberated|removed\s+from"),
        ("victims_referred", r"referred"),
        ("victims_repatriated", r"repatriated|repatriation|returned\s+(?:home|to)"),
        ("migrants_returned", r"deported|expelled"),
        (
            "persons_trained",
            r"trained|attended\s+(?:\w+\s+){0,3}(?:training|courses?|workshops?|seminars?)|"
            r"received\s+(?:\w+\s+){0,3}training|participated\s+in\s+(?:[\w-]+\s+){0,4}"
            r"(?:training|workshops?|seminars?|courses?)",
        ),
        ("victims_identified", r"identified"),
        (
            "victims_assisted",
            r"assisted|sheltered|reunited|"
            r"received\s+(?:medical|legal|shelter|services|assistance|care)",
        ),
    ]
]
_WORD_RE = re.compile(r"[A-Za-z][\w'’./-]*|[(),;:]|\d[\d,.]*")
_ONE_NOT = {"of", "another", "or", "side", "hand", "way", "such", "who", "which", "that", "is", "was", "has", "had"}


@dataclass
class _Candidate:
    number: NumberMatch
    paragraph: Paragraph
    sentence_text: str
    sentence_start: int
    measure: str = "other"
    unit: str | None = None
    noun: str | None = None
    basis: str = "none"  # money, percent, noun, cue, inherit, none
    currency: str | None = None
    breakdown: list[str] = field(default_factory=list)
    source: str | None = None
    period: Period | None = None
    cumulative: bool = False
    parent: _Candidate | None = None
    index: int = -1


def _norm_noun(word: str) -> str:
    return re.sub(r"(?:'s|’s|')$", "", word.lower()).strip(".")


_PLURAL = re.compile(r"[a-z-]{3,}[^s]s")
_NOT_PLURAL = {
    "various",
    "previous",
    "dangerous",
    "numerous",
    "anonymous",
    "indigenous",
    "serious",
    "hazardous",
    "famous",
    "analysis",
    "this",
    "its",
    "thus",
    "religious",
    "vicious",
    "nervous",
    "vulnerable",
    "illegal",
    "homeless",
    "less",
    "unless",
    "cross-border",
    "gross",
    "miscellaneous",
    "simultaneous",
}
_SUBGROUP_NOUNS = {
    "girls",
    "girl",
    "boys",
    "boy",
    "women",
    "woman",
    "men",
    "man",
    "children",
    "child",
    "minors",
    "minor",
    "females",
    "males",
    "adults",
    "citizens",
    "citizen",
    "nationals",
    "foreigners",
}


def _head_noun(after: str) -> tuple[str | None, int]:
    """The noun a figure counts: the last known noun of the words right after it; and the end of that phrase."""
    noun, noun_end, plain, plain_end, count = None, 0, None, 0, 0
    adjective = False  # the noun found so far is a capitalised adjective: "South Korean visas", "Cambodian men"
    for m in _WORD_RE.finditer(after):
        token = m.group(0)
        low = _norm_noun(token)
        if count and low in ("and", "or", ","):
            if noun is None:
                continue  # "13 provincial and municipal courts", "200 international and local NGOs"
            # "122 government and NGO participants": the coordinated noun heads the phrase
            nxt = re.match(r"\s*(?:[A-Za-z][\w/-]*\s+)?([A-Za-z][\w/-]*)", after[m.end() :])
            if low != "," and nxt and _norm_noun(nxt.group(1)) in PERSON_NOUNS and noun not in PERSON_NOUNS:
                continue
            break
        if token in "(),;:" or token[0].isdigit() or low in MODIFIER_STOP:
            break
        if (
            token[0].islower()
            and low.endswith("ed")
            and low not in ("armed", "unaccompanied", "registered", "suspected", "alleged", "licensed", "related")
        ):
            break  # a verb: "Two received death sentences"
        count += 1
        if count > 8:
            break
        parts = [_norm_noun(x) for x in low.split("/")] if "/" in low else [low]
        known = [
            x
            for x in parts
            if x in ORG_NOUNS
            or x in PERSON_NOUNS
            or x in CASE_NOUNS
            or x in EVENT_NOUNS
            or x.rstrip("s") in PERSON_NOUNS
            or x + "s" in PERSON_NOUNS
        ]
        if known:
            noun, noun_end = known[0], m.end()
            adjective = token[0].isupper() and low not in PERSON_NOUNS and low not in ORG_NOUNS
        elif (
            noun is not None and adjective and token[0].islower() and _PLURAL.fullmatch(low) and low not in _NOT_PLURAL
        ):
            return low, m.end()  # "74 South Korean visas"
        elif noun is not None:
            break
        elif noun is None and token[0].islower() and re.fullmatch(r"[a-z-]+", low):
            plain, plain_end = low, m.end()
            if _PLURAL.fullmatch(low) and low not in _NOT_PLURAL:
                break  # "56 instances of", "32 instances male": the first plural noun heads the phrase
    if noun is None and plain and plain.endswith("s") and len(plain) > 3:
        return plain, plain_end
    return noun, noun_end


def _noun_class(noun: str | None) -> str | None:
    if noun is None:
        return None
    for cls, words in (("event", EVENT_NOUNS), ("case", CASE_NOUNS), ("person", PERSON_NOUNS), ("org", ORG_NOUNS)):
        if noun in words:
            return cls
    if noun.rstrip("s") in PERSON_NOUNS or noun + "s" in PERSON_NOUNS:
        return "person"
    return "thing"


def _is_year(n: NumberMatch) -> bool:
    return (
        not n.is_word
        and "," not in n.text
        and "." not in n.text
        and n.scale is None
        and 1950 <= n.value <= 2049
        and n.value == int(n.value)
    )


def _before_cue(before: str) -> tuple[str | None, int]:
    """Measure of the closest cue ending right before a figure, and how many words lie between."""
    best, best_gap = None, 99
    for measure, pattern in _BEFORE_CUES:
        m = pattern.search(before[-160:])
        if not m:
            continue
        gap_text = m.group(0)
        cue = _BEFORE_CUE_HEAD.match(gap_text)
        gap_words = len(re.findall(r"[\w/]+", gap_text[cue.end() :])) if cue else 0
        limit = _MAX_GAP_WORDS.get(measure, 4)
        if gap_words <= limit and gap_words < best_gap:
            best, best_gap = measure, gap_words
    return best, best_gap


def _after_cue(after: str) -> str | None:
    stop = re.search(r"[.;:]|\d", after)
    window = after[: stop.start()] if stop else after
    window = window[:90]
    best, best_pos = None, 999
    for measure, pattern in _AFTER_CUES:
        m = pattern.search(window)
        if m and m.start() < best_pos:
            best, best_pos = measure, m.start()
    return best


def _currency(before: str, after: str) -> str | None:
    for pattern, code in CURRENCY_BEFORE:
        if pattern.search(before[-12:]):
            return code
    for pattern, code in CURRENCY_AFTER:
        if pattern.search(after[:25]):
            return code
    return None


_BREAKDOWN = [
    (
        "sex_trafficking",
        re.compile(
            r"\bsex(?:ual)?\s+(?:trafficking|exploitation)|\bcommercial\s+sex|\bprostitution|"
            r"\bsex\s+workers?",
            re.I,
        ),
    ),
    (
        "labor_trafficking",
        re.compile(
            r"\blabou?r\s+(?:trafficking|exploitation|cases?)|\bexploitative\s+labou?r|"
            r"\bforced\s+labou?r|\btrafficking\s+for\s+labou?r|\bfor\s+labou?r\b",
            re.I,
        ),
    ),
    (
        "children",
        re.compile(
            r"\b(?:children|child|minors?|girls?|boys?|underage|juveniles?|infants?|talib[eé]?s?|"
            r"under\s+the\s+age\s+of\s+18|teenagers?|orphans?)\b",
            re.I,
        ),
    ),
    ("adults", re.compile(r"\badults?\b", re.I)),
    ("female", re.compile(r"\b(?:women|woman|girls?|females?|mothers?|wives|brides|sex\s+workers?)\b", re.I)),
    ("male", re.compile(r"\b(?:men|man|boys?|males?)\b", re.I)),
    ("foreign_nationals", re.compile(r"\bforeign(?:ers?)?\b|\bforeign\s+nationals?\b", re.I)),
]
_DEMONYMS = (
    "Cambodian|Vietnamese|Thai|Senegalese|Bolivian|Turkish|Kazakh|Kazakhstani|Egyptian|Syrian|Venezuelan|American|"
    "French|Canadian|Austrian|German|Russian|Indonesian|Philippine|Filipino|Filipina|Iraqi|Cuban|Colombian|Chinese|"
    "Korean|Malaysian|Burmese|Lao|Laotian|Uzbek|Moldovan|Ukrainian|Georgian|Romanian|Bulgarian|Nigerian|Ethiopian|"
    "Somali|Sudanese|Malian|Gambian|Guinean|Mauritanian|Iranian|Indian|Pakistani|Bangladeshi|Nepali|Nepalese|"
    "Sri Lankan|Japanese|Australian|British|Spanish|Italian|Dutch|Belgian|Swiss|Israeli|Jordanian|Lebanese|Saudi|"
    "Moroccan|Tunisian|Algerian|Libyan|Kenyan|Ugandan|Ghanaian|Ivorian|Brazilian|Peruvian|Mexican|Dominican|"
    "Haitian|Honduran|Guatemalan|Salvadoran|Nicaraguan|Ecuadorian|Paraguayan|Argentine|Chilean|Kyrgyz|Tajik|"
    "Turkmen|Azerbaijani|Armenian|Belarusian|Polish|Czech|Hungarian|Serbian|Albanian|Greek|Palestinian|Afghan|"
    "Eritrean|Yemeni|Burkinabe|Beninese|Togolese|Nigerien|Bissau-Guinean|U\\.S\\."
)
_DEMONYM_RE = re.compile(rf"\b({_DEMONYMS})(?:s)?\b")


def _host_demonym(cable: Cable) -> str | None:
    counts: dict[str, int] = {}
    for p in cable.paragraphs:
        for m in _DEMONYM_RE.finditer(p.text):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    counts.pop("U.S.", None)
    counts.pop("American", None)
    return max(counts, key=counts.get) if counts else None


def _breakdown(phrase: str, host: str | None) -> list[str]:
    out = [name for name, pattern in _BREAKDOWN if pattern.search(phrase)]
    for m in _DEMONYM_RE.finditer(phrase):
        if m.group(1) != host and "foreign_nationals" not in out:
            out.append("foreign_nationals")
    order = [name for name, _ in _BREAKDOWN]
    return sorted(set(out), key=order.index)


# ---------------------------------------------------------------- filtering


def _skip(text: str, n: NumberMatch, periods: list[Period], previous_skipped: NumberMatch | None) -> str | None:
    """Why a figure is not a statistic (date, year, identifier, age, duration, enumeration mark), or None.

    "chain" marks identifiers and ages, whose list goes on: "Articles 8 and 9", "between the ages of 10 and 12".
    """
    if any(p.start <= n.start < p.end and p.kind in ("date", "cumulative") for p in periods):
        return "date"
    before, after = text[: n.start], text[n.end :]
    if _is_year(n) and not _currency(before, after):
        return "year"
    if ID_PREFIX.search(before[-40:]):
        return "chain"
    if previous_skipped and re.fullmatch(
        r"\s*(?:,|and|or|to|-|–|through|&|,\s*and)\s*", text[previous_skipped.end : n.start]
    ):
        return "chain"
    if TIME_UNIT_AFTER.search(after) or AGE_AFTER.search(after):
        return "duration"
    if re.match(r"\s*(?:to|-|–|and|or)\s*(?:\d+|[a-z]+)\s+(?:years?|months?|weeks?|days?)\b", after) and not _currency(
        before, after
    ):
        return "duration"  # "ranging from one to 18 years"
    if AGE_BEFORE.search(before[-30:]):
        noun, _ = _head_noun(after)
        if _noun_class(noun) not in ("person", "org", "case", "event"):
            return "chain"
    if re.match(r"\s*\)", after) and re.search(r"(?:^|[;:.,]\s*)$", before) and not n.is_word and n.value < 50:
        return "mark"  # "1)" enumeration
    if re.match(r"\)\s*[A-Za-z]", after) and re.search(r"\($", before) and not n.is_word and n.value < 50:
        return "mark"  # "include: (1) working and living conditions ..., (2) ..."
    if re.match(r"-[A-Za-z]", after) and not re.match(r"-(?:thirds?|halves|quarters?)", after):
        word = re.match(r"-([A-Za-z]+)", after).group(1).lower()
        if word not in UNITS and word not in TENS:
            return "mark"  # "two-year", "13-year-old", "one-stop"
    if re.match(r"\s*(?:st|nd|rd|th)\b", after):
        return "mark"
    if n.text.lower() == "one":
        nxt = re.match(r"\s*([A-Za-z]+)", after)
        if (
            not nxt
            or nxt.group(1).lower() in _ONE_NOT
            or re.search(
                r"\b(?:no|any|every|each|the|this|that|which|than|were|was|is|are|be|at|as|in)\s*$", before, re.I
            )
        ):
            return "pronoun"
    return None


# ---------------------------------------------------------------- extraction


def extract_metrics(cable: Cable, organizations: list[OrganizationMention] | None = None) -> list[MetricFact]:
    """All numeric statistics of a cable, in text order (pass the cable's organization mentions
    when they are already extracted)."""
    host = _host_demonym(cable)
    organizations = extract_organizations(cable) if organizations is None else organizations
    finder = SourceFinder(cable, organizations, host)
    reporting = (cable.reporting_period_start, cable.reporting_period_end)
    candidates: list[_Candidate] = []
    for paragraph in cable.paragraphs:
        candidates.extend(_paragraph_candidates(cable, paragraph, finder, host, reporting))
    facts = []
    for i, c in enumerate(candidates):
        c.index = i
    for c in candidates:
        start, end = c.sentence_start + c.number.start, c.sentence_start + c.number.end
        raw_start, raw_end = c.paragraph.raw_span(start, end)
        period = c.period
        facts.append(
            MetricFact(
                cable_id=cable.cable_id,
                section=c.paragraph.section,
                paragraph_ordinal=c.paragraph.ordinal,
                value=round(c.number.value, 2),
                value_text=c.number.text,
                measure=c.measure,
                unit=c.unit,
                source_org=c.source,
                period_start=period.period_start if period else None,
                period_end=period.period_end if period else None,
                breakdown=c.breakdown,
                is_cumulative=c.cumulative,
                parent_index=c.parent.index if c.parent is not None else None,
                quote=c.sentence_text,
                char_start=raw_start,
                char_end=raw_end,
            )
        )
    return facts


def _paragraph_candidates(
    cable: Cable,
    paragraph: Paragraph,
    finder: SourceFinder,
    host: str | None,
    reporting: tuple[dt.date | None, dt.date | None],
) -> list[_Candidate]:
    out: list[_Candidate] = []
    previous_period: Period | None = None
    previous_source: str | None = None
    for sentence in split_sentences(paragraph):
        text = sentence.text
        periods = find_periods(text, cable.sent_at, reporting)
        numbers = find_numbers(text)
        kept: list[NumberMatch] = []
        skipped: NumberMatch | None = None
        for n in numbers:
            reason = _skip(text, n, periods, skipped)
            if reason:
                skipped = n if reason == "chain" else None
            else:
                kept.append(n)
                skipped = None
        sentence_candidates: list[_Candidate] = []
        for n in kept:
            c = _Candidate(n, paragraph, text, sentence.start)
            _classify(c, text, sentence_candidates, out)
            if c.basis == "none":
                continue
            sentence_candidates.append(c)
        _distribute_ranges(sentence_candidates, text)
        mentions = finder.mentions(text)
        # "It is estimated that ...", "one NGO reported that ...": a report of its own, by no named institution
        unattributed = bool(_UNNAMED_REPORTER.search(text))
        has_same = any(p.kind == "same" for p in periods)
        cumulative_sentence = any(p.cumulative for p in periods)
        for c in sentence_candidates:
            # counts of organizations are structural: no period carried over from another sentence
            carried = None if c.measure == "organizations_count" else previous_period
            c.period = _choose_period(c.number, periods, carried, has_same, text)
            c.cumulative = cumulative_sentence or bool(c.period and c.period.cumulative)
            c.source = _choose_source(c, mentions, text)
            # "In 2008, the center received 84 victims ... enforced by police": the subject stands for the institution
            # of the sentence before, whatever the sentence names later
            own = [m for m in mentions if m.end <= c.number.start and not m.after_preposition]
            continues = not mentions or (not own and _ANAPHOR_SUBJECT.search(text[: c.number.start]))
            if c.source is None and continues and not unattributed and _may_carry(c, text, previous_source, finder):
                c.source = previous_source  # the sentence goes on with the report of the sentence before
            c.breakdown = _breakdown(_phrase(text, c), host)
            c.unit = _unit(c)
        _link_parents(sentence_candidates, text, out)
        if sentence_candidates:
            dated = [c.period for c in sentence_candidates if c.period is not None]
            if dated:
                previous_period = dated[-1]
            sources = [c.source for c in sentence_candidates if c.source]
            if sources:
                previous_source = sources[-1]
        elif any(p.kind in ("date", "reporting") for p in periods):
            dated = [p for p in periods if p.kind == "date"]
            if dated and _STUDY_NOUN.search(text):
                # "The 2008 UNIAP report detailed a July-August 2008 study of ...": the period of the study, for the
                # figures the next sentences report from it
                previous_period = dated[-1]
            else:
                previous_period = None  # a dated sentence without figures ends the carried period
        if mentions and not sentence_candidates:
            strong = [m for m in mentions if m.strong]
            named = [m for m in mentions if not m.after_preposition]
            if strong:
                # "Research conducted by Friends International and UNIAP ...": the authors, for what follows
                previous_source = _joined_authors(strong[0], mentions, text)
            elif named:
                previous_source = named[0].name
        elif not sentence_candidates and (unattributed or _NEW_REFERENT.match(text)):
            previous_source = None  # "A few Koranic teachers ... are arrested each year.": a new topic, no report
        elif sentence_candidates and unattributed and not any(c.source for c in sentence_candidates):
            previous_source = None
        out.extend(sentence_candidates)
    return out


# a report by no named institution: an impersonal passive ("It is reported that"), an unnamed reporter ("one NGO
# reported", "a local businessman told us", "the brigade chief told Poloff", "NGO contacts said")
_UNNAMED_REPORTER = re.compile(
    r"\b(?:[Ii]t\s+(?:is|was|has\s+been)\s+(?:widely\s+|generally\s+)?(?:reported|estimated|believed|said|thought|"
    r"alleged|claimed|known)\s+that|"
    r"(?:[Oo]ne|[Aa]n?|[Ss]ome|[Ss]everal|[Aa]nother|[Tt]he)\s+(?:[a-z][\w-]*\s+){0,2}"
    r"(?:NGO|contact|source|official|businessman|businesswoman|observer|chief|journalist|activist|expert|"
    r"interlocutor|representative|worker)s?\s+(?:also\s+)?(?:reported|said|told|stated|claimed|noted|estimated)|"
    r"(?:told|informed)\s+(?:Poloff|Econoff|Emboff|PolOff|EconOff|us|Post|the\s+Embassy)\b)"
)
# a subject standing for an institution named before: "the center received", "The same study showed"
_ANAPHOR_SUBJECT = re.compile(
    r"(?:^|,\s+|\b(?:and|that)\s+)(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:same\s+)?"
    r"(?:center|centre|shelter|court|study|"
    r"report|survey|research|website|organization|NGO|ministry|department|unit|office|agency|program|programme|"
    r"project|task\s+force|commission|committee)\s+(?:also\s+|has\s+|had\s+|have\s+)*[a-z]+(?:ed|s)\b"
)
_STUDY_NOUN = re.compile(r"\b(?:study|survey|research|assessment|census|questionnaire)\b", re.I)
# a sentence opening on an indefinite subject brings in something new: "A few Koranic teachers ...", "Some NGOs ..."
_NEW_REFERENT = re.compile(r"\s*(?:\(\w+\)\s*)?(?:A|An|Some|Many|Most|Several|Few|A\s+few|No)\s+[a-z]")


def _may_carry(c: _Candidate, text: str, previous: str | None, finder: SourceFinder) -> bool:
    """Whether a figure without a source of its own takes the source of the sentence before. Not a count of
    institutions that are themselves the subject ("In May 2006, the six governments met"), nor one carrying a common
    noun ("the government has little means ... With more than 250 hotels, Senegal is ...")."""
    if c.measure != "organizations_count":
        return True
    if previous in finder.generic_names:
        return False
    return not re.fullmatch(
        r"(?:[^,]*,\s*)?(?:[Tt]he|[Aa]ll|[Aa]ll\s+the|[Tt]hese|[Tt]hose)?\s*", text[: c.number.start]
    )


_PENALTY = re.compile(
    r"\b(?:punish\w*|penalt(?:y|ies)\s+(?:of|for)|imprisonment|shall|liable|not\s+to\s+exceed|"
    r"no\s+less\s+than|not\s+less\s+than|not\s+more\s+than|a\s+fine\s+(?:of|between|ranging)|"
    r"fines?\s+(?:up\s+to|ranging|between))\b",
    re.I,
)


def _classify(c: _Candidate, text: str, siblings: list[_Candidate], earlier: list[_Candidate]) -> None:
    """Set the measure of a figure, in order of strength: currency and percent markers; the noun it counts
    (organizations, arrests/convictions..., cases); the verb governing it before ("arrested 91") or after
    ("... were rescued"); the neighbour it continues in a list or of which it is a part ("13 of whom");
    the noun alone ("victims", "perpetrators"). `basis` stays "none" when nothing marks it as a statistic."""
    n = c.number
    before, after = text[: n.start], text[n.end :]
    # the clause before the figure, not reaching back over an earlier figure
    prev_end = siblings[-1].number.end if siblings else 0
    clause_before = text[prev_end : n.start]
    currency = _currency(before, after)
    if (
        not currency
        and siblings
        and siblings[-1].measure == "money"
        and re.fullmatch(r"\s*(?:-|–|to|and|or)\s*", text[siblings[-1].number.end : n.start])
    ):
        currency = siblings[-1].currency
    if currency and _PENALTY.search(text):
        c.basis = "none"  # a penalty a law provides, not a statistic
        return
    if currency:
        c.measure, c.currency, c.basis = "money", currency, "money"
        return
    if re.match(r"\s*(?:percent|per\s*cent|%|pct\b)", after) or n.text.lower() in FRACTIONS:
        c.measure, c.basis = "share", "percent"
        if re.match(
            r"\s*(?:percent|per\s*cent|%)\s+(?:increase|decrease|rise|drop|growth|decline|"
            r"of\s+(?:the\s+)?(?:national\s+)?GDP)",
            after,
        ):
            c.measure = "other"
        return
    noun, noun_end = _head_noun(after)
    if noun is None:
        m = re.match(r"\s+(?:were|was|are|is)\s+", after)
        if m:
            noun2, end2 = _head_noun(after[m.end() :])
            if _noun_class(noun2) in ("person", "case"):
                noun, noun_end = noun2, 0
    if noun is None:
        m = re.match(r"\s+of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|[A-Z][\w-]*(?:'s|’s)\s+)", after)
        if m:
            noun2, end2 = _head_noun(after[m.end() :])
            if noun2 is not None:
                noun, noun_end = noun2, m.end() + end2  # "all 24 of Cambodia's provinces"
    c.noun = noun
    cls = _noun_class(noun)
    if cls == "org":
        c.measure, c.basis = "organizations_count", "noun"
        return
    if cls == "event":
        c.measure, c.basis = EVENT_NOUNS[noun], "noun"
        if c.measure == "prosecutions" and re.search(r"acquitt|reinvestigat|dismiss", after[:120]):
            c.measure = "acquittals"
        if c.measure == "other":
            c.basis = "noun"
        return
    if cls == "thing":
        c.measure, c.basis = "other", "noun"
        return
    cue, gap = _before_cue(clause_before)
    after_cue = _after_cue(after[noun_end:] if noun_end else after)
    if cls == "case":
        if cue in ("prosecutions", "convictions", "investigations", "acquittals") and gap <= 3:
            c.measure, c.basis = cue, "cue"
        elif after_cue in ("investigations", "prosecutions", "acquittals"):
            c.measure, c.basis = after_cue, "cue"
        else:
            c.measure, c.basis = "cases", "noun"
        return
    chosen = None
    if cue == "population_estimate" and after_cue:
        chosen = after_cue
    elif cue and gap <= 3:
        chosen = cue
    elif after_cue:
        chosen = after_cue
    elif cue:
        chosen = cue
    if (
        chosen == "victims_identified"
        and cls == "person"
        and noun not in {"victims", "victim", "children", "girls", "boys", "women", "minors", "child"}
    ):
        chosen = None if not re.search(r"\b(?:identified|trafficking|traffic)\b", clause_before[-40:]) else chosen
    if chosen == "population_estimate" and cls is None:
        chosen = None
    if chosen == "population_estimate" and noun in ("victims", "victim"):
        chosen = "victims_identified"
    part_of = re.match(r"\s+of\s+(?:whom|which|them)\b", after) or re.search(
        r"\b(?:among\s+them|of\s+whom|of\s+which|among\s+whom|including)[\s,]+(?:there\s+(?:were|are)\s+)?$",
        clause_before,
    )
    if (
        siblings
        and part_of
        and (chosen in (None, "population_estimate") or cls in (None, "person"))
        and siblings[-1].measure not in ("money", "share")
        and after_cue is None
    ):
        c.measure, c.basis, c.parent = siblings[-1].measure, "inherit", siblings[-1]
        c.noun = c.noun or siblings[-1].noun
        return
    if chosen:
        c.measure, c.basis = chosen, "cue"
        return
    if noun in ("returnees", "returnee", "deportees", "deportee"):
        c.measure, c.basis = "migrants_returned", "noun"
        return
    # no cue: a figure of a list continues its neighbour ("58 to Guinea Bissau, 19 to the Gambia")
    if cls in (None, "person"):
        between = text[siblings[-1].number.end : n.start] if siblings else ""
        listed = (
            bool(
                re.fullmatch(
                    r"[^.;:()]{0,80}?(?:,\s*(?:and\s+)?|\s+and\s+|\s+along\s+with\s+|\s+as\s+well\s+as\s+|"
                    r"\s+together\s+with\s+|\s+plus\s+)",
                    between,
                )
            )
            and cue is None
        )
        if (
            siblings
            and siblings[-1].measure in PERSON_MEASURES | {"other", "cases"}
            and (
                cls is None
                or listed
                and _noun_class(siblings[-1].noun) == "person"
                or (
                    _noun_class(siblings[-1].noun) in ("person", None)
                    and (
                        noun.rstrip("s") == (siblings[-1].noun or "").rstrip("s")
                        or noun in _SUBGROUP_NOUNS
                        or _DEMONYM_RE.match(noun.capitalize())
                    )
                )
            )
        ):
            c.measure, c.basis = siblings[-1].measure, "inherit"
            if siblings[-1].parent is not None and re.search(r"\(\s*$", before):
                c.parent = siblings[-1].parent  # "Uzbekistan (30), Turkmenistan (25)": parts of the same total
            if cls is None:
                c.noun = siblings[-1].noun
            return
        if (
            (cls is None or noun in ("victims", "victim"))
            and re.search(r"\(\s*$", before)
            and earlier
            and earlier[-1].paragraph is c.paragraph
            and earlier[-1].measure in PERSON_MEASURES | {"other"}
        ):
            c.measure, c.basis = earlier[-1].measure, "inherit"
            c.noun = earlier[-1].noun
            c.parent = earlier[-1].parent or earlier[-1]
            return
        if (
            earlier
            and earlier[-1].paragraph is c.paragraph
            and not siblings
            and earlier[-1].measure in PERSON_MEASURES
            and re.match(r"\s*(?:Of|Among|Out of)\b", text)
        ):
            c.measure, c.basis = earlier[-1].measure, "inherit"
            return
    if cls == "person":
        if noun in ("victims", "victim"):
            c.measure = "victims_identified"
        elif noun in ("perpetrators", "perpetrator"):
            c.measure = "perpetrators"
        elif noun in ("migrants", "migrant", "immigrants", "emigrants"):
            c.measure = "population_estimate"
        elif (
            re.search(r"\bestimat", clause_before[-80:])
            or re.search(r"\bthere\s+(?:are|were)\b", clause_before)
            or re.search(
                r"\b(?:estimated|reported|said|noted|claimed|believed|showed|found|indicated|revealed|stated)"
                r"\s+that\s+(?:there\s+(?:are|were)\s+)?(?:about\s+|approximately\s+|some\s+|over\s+)?$",
                clause_before,
            )
            or re.match(
                r"[^.;,\d]{0,60}?\b(?:are|were)\s+(?:\w+\s+)?(?:working|living|employed|residing|in\s+the\s+labou?r)",
                after[noun_end:],
            )
        ):
            c.measure = "population_estimate"
        else:
            c.measure = "other"
        c.basis = "noun"
        return
    if cls == "thing":
        c.measure, c.basis = "other", "noun"
        return
    if cls is None and cue and gap <= 3:
        c.measure, c.basis = cue, "cue"


def _unit(c: _Candidate) -> str | None:
    if c.measure == "money":
        return c.currency
    if c.measure == "share":
        return "percent"
    if c.measure == "organizations_count":
        return "organizations"
    cls = _noun_class(c.noun)
    if c.measure in ("cases", "investigations"):
        return "cases"
    if c.measure in ("prosecutions", "convictions", "acquittals"):
        return "cases" if cls in ("case", "event") and c.noun not in ("convictions", "conviction") else "persons"
    if c.measure == "other":
        if c.basis == "percent":
            return "percent"
        return c.noun if cls in ("thing", "event") else "persons"
    return "persons"


def _distribute_ranges(cands: list[_Candidate], text: str) -> None:
    """ "between three and ten million riels", "USD 800 to 4,000": the first end takes the second's scale/currency."""
    for left, right in zip(cands, cands[1:], strict=False):
        between = text[left.number.end : right.number.start]
        if not re.fullmatch(r"\s*(?:-|–|to|and|or)\s*(?:USD|US\$|\$)?\s*", between):
            continue
        if right.measure == "money" and left.measure != "money":
            left.measure, left.currency, left.basis = "money", right.currency, "money"
            if right.number.scale and not left.number.scale and left.number.value < 1000:
                factor = right.number.value / _unscaled(right.number)
                left.number = NumberMatch(
                    left.number.start,
                    left.number.end,
                    left.number.value * factor,
                    left.number.text,
                    left.number.is_word,
                    right.number.scale,
                )
        elif left.measure == "money" and right.measure != "money":
            right.measure, right.currency, right.basis = "money", left.currency, "money"
        elif left.measure == "share" or right.measure == "share":
            left.measure = right.measure = "share"


def _unscaled(n: NumberMatch) -> float:
    return n.value / SCALES[n.scale.lower()] if n.scale else n.value


def _choose_period(
    n: NumberMatch, periods: list[Period], previous: Period | None, has_same: bool, text: str
) -> Period | None:
    usable = [p for p in periods if p.kind in ("date", "reporting", "cumulative")]
    if usable:

        def distance(p: Period) -> int:
            if p.end <= n.start:
                gap, between = n.start - p.end, text[p.end : n.start]
            else:
                gap, between = p.start - n.end + 5, text[n.end : p.start]
            # another clause; a date after a comma belongs to what follows ("..., due to the formation on May 13")
            return gap + (200 if re.search(r"[:;]", between) else 0) + (40 if p.start > n.end and "," in between else 0)

        return min(usable, key=distance)
    if any(p.kind == "todate" for p in periods) and not has_same:
        return None
    return previous


_SOURCE_VERB_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:reported|assisted|identified|estimated|said|found|recorded|"
    r"rescued|repatriated|trained|arrested|convicted|counted|registered|documented)\b"
)
# "X reported that ...", "X stated": the reporter of a clause is the source of the figures it reports
_REPORTING_VERB = re.compile(
    r"\s+(?:also\s+|further\s+|recently\s+|has\s+|have\s+|had\s+)*(?:reported|reports|report|said|says|stated|"
    r"states|noted|notes|announced|estimated|estimates|claimed|claims|indicated|indicates|told|explained|confirmed|"
    r"showed|shows|found|revealed|recorded|cited|documented)\b"
)
# "DHS/ICE and the FBI reported": the first of coordinated subjects
_CONJOINED = re.compile(r"\s*(?:,\s*and\s+|and\s+|or\s+)(?:the\s+)?")
# a clause boundary between a figure and a later "by X": "84 victims ..., and believed ... enforced by police"
_CLAUSE_AFTER = re.compile(r"[;:]|,\s+(?:and|but|while|which|who)\b|\b(?:that|because|believed|although)\b")

# "IOM-assisted victims": the institution is the agent of the compound
_AGENT_COMPOUND = re.compile(r"-(?:assisted|sheltered|identified|registered|rescued|referred|run)\b")


def _first_conjunct(m: OrgMention, mentions: list[OrgMention], text: str) -> OrgMention:
    i = mentions.index(m)
    while i and _CONJOINED.fullmatch(text[mentions[i - 1].end : mentions[i].start]):
        i -= 1
    if any(o.after_preposition for o in mentions[i : mentions.index(m)]):
        return m  # "With support from USAID and UNICEF, the MOJ published": not a coordinated subject
    return mentions[i]


def _joined_authors(first: OrgMention, mentions: list[OrgMention], text: str) -> str:
    """ "a report by UNICEF, the ILO and the World Bank": all the authors."""
    names, last = [first.name], first
    for m in mentions:
        if m.start > last.end and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", text[last.end : m.start]):
            names.append(m.name)
            last = m
    return "; ".join(dict.fromkeys(names))


def _choose_source(c: _Candidate, mentions: list[OrgMention], text: str) -> str | None:
    """The institution a figure comes from: "according to X", else the reporter of the clause ("X reported that"),
    else the subject before it, else "by X" after it in the same clause."""
    n = c.number
    # not the counted noun itself: "11 government ministries", "40 NGOs provide", "an estimated 90 NGOs ... 40 NGOs"
    counted = (c.noun or "").rstrip("s")
    mentions = [
        m
        for m in mentions
        if not (counted and m.name.split()[-1].lower().rstrip("s") == counted and (m.generic or n.end <= m.start))
        or m.strong
    ]
    if c.measure == "organizations_count":
        # a count of institutions is not reported by a common noun ("the government ... 11 ministries"), nor by the
        # institutions it counts ("the MFA, the MSA and the MOI are the four government bodies")
        mentions = [m for m in mentions if not m.generic or m.strong]
        listed = [m for m in mentions if m.end <= n.start]
        if listed and re.fullmatch(
            r"[\s,]*(?:\([^()]*\)\s*)?(?:(?:and|or|are|were|is|was)\s+)+(?:the|its|their)?\s*(?:[a-z]+\s+)?",
            text[listed[-1].end : n.start],
        ):
            return None
    if not mentions:
        return None
    strong = [m for m in mentions if m.strong]
    if strong:
        return _joined_authors(strong[0], mentions, text)
    before = [m for m in mentions if m.end <= n.start]
    # "MOSAVY reported that ... police referred to MOSAVY 407 victims"; "a study ..., conducted by AidTous, estimated"
    reporters = [
        m
        for m in before
        if (not m.after_preposition or re.search(r"\bby\s+(?:the\s+)?$", text[: m.start]))
        and _REPORTING_VERB.match(re.sub(r"^\)?,?", "", text[m.end : n.start]))
    ]
    if reporters:
        return _first_conjunct(reporters[-1], mentions, text).name
    subjects = [m for m in before if not m.after_preposition]
    if subjects:
        return _first_conjunct(subjects[-1], mentions, text).name
    if before:
        return before[-1].name
    after = [
        m
        for m in mentions
        if m.start >= n.end
        and not _CLAUSE_AFTER.search(text[n.end : m.start])
        and (
            re.search(r"\b(?:by|referred\s+to)\s+(?:the\s+)?$", text[: m.start])
            or _SOURCE_VERB_AFTER.match(text[m.end :])
            or _AGENT_COMPOUND.match(text[m.end :])  # "40 percent of IOM-assisted victims"
        )
    ]
    return after[0].name if after else None


def _phrase(text: str, c: _Candidate) -> str:
    n = c.number
    stop = re.search(r"[,;.]|\d| and | but | while ", text[n.end :])
    end = n.end + (stop.start() if stop else len(text) - n.end)
    start_words = text[: n.start].split()[-1:]
    return " ".join(start_words) + " " + text[n.start : end]


_CLAUSE_BREAK = re.compile(r";|\bcompared\b|\bwhile\b|\bwhereas\b|\bbut\b|\bversus\b|\bup\s+from\b|\bdown\s+from\b")
_PART_MARKER = re.compile(
    r"\b(?:of\s+which|of\s+whom|among\s+them|among\s+whom|including|"
    r"out\s+of\s+(?:those|these|them)|of\s+these|of\s+those)\b",
    re.I,
)


def _link_parents(cands: list[_Candidate], text: str, earlier: list[_Candidate]) -> None:
    """Parts point at their total: "21 cases, of which nine ... and 12 ...", "Of the 15 victims, 13 were girls"."""
    if not cands:
        return
    for i, part in enumerate(cands):
        # "23 traffickers, 15 of whom received prison sentences"
        if i and part.parent is None and re.match(r"\s+of\s+(?:whom|which|them)\b", text[part.number.end :]):
            same = [t for t in cands[:i] if t.measure == part.measure]
            part.parent = (same or cands[:i])[-1]
    for marker in _PART_MARKER.finditer(text):
        totals = [c for c in cands if c.number.end <= marker.start()]
        if not totals:
            continue
        stop = _CLAUSE_BREAK.search(text, marker.end())
        limit = stop.start() if stop else len(text)
        for part in (c for c in cands if marker.end() <= c.number.start < limit):
            if part.parent is not None:
                continue
            same = [t for t in totals if t.measure == part.measure]
            part.parent = (same or totals)[-1] if (same or totals[-1].measure != "money") else None
            if part.parent and part.parent.measure in ("money", "share") and part.measure != part.parent.measure:
                part.parent = None
    if re.match(r"\s*(?:Of|Among|Out\s+of)\s+(?:the|this|these|those)?\b", text) and len(cands) > 1:
        total = cands[0]
        for part in cands[1:]:
            if part.parent is None and part.measure == total.measure:
                part.parent = total
    # "seven foreign nationals (four Americans, two French citizens, and one Canadian citizen)"
    for total in cands:
        open_paren = re.match(r"[^()]{0,40}?\(", text[total.number.end :])
        if not open_paren:
            continue
        start = total.number.end + open_paren.end()
        close = text.find(")", start)
        close = close if close >= 0 else len(text)
        for part in cands:
            if (
                start <= part.number.start < close
                and part.parent is None
                and part is not total
                and part.measure == total.measure
            ):
                part.parent = total
