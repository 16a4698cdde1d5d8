"""Organizations named in a cable: ministries, police units, courts, NGOs, international bodies, companies.

Four sources, in order of trust:

1. the curated seed `dbt_project/seeds/known_organizations.csv` (names, acronyms, aliases);
2. the cable's own definitions: its abbreviations glossary and inline "Full Name (ACR)" / "ACR (Full Name)";
3. cues in the text that say what a name is (org_cues: "the Abergil clan", "a Tel Aviv district court",
   "a new unit called Lahav 433", "Projeto Trama (an NGO consortium)", "the police referred ...");
4. grammar: capitalised noun phrases headed by an organization word (org_chunks, org_phrases: Ministry,
   Council, Court, Police, Foundation, Task Force, Grupo ...), enumerations (org_patterns),
   "<Demonym> government/police/court/embassy", and undefined acronyms.

Every mention is resolved to one canonical (name, acronym, org_type, country) (org_resolver): national bodies
take the country of the posting that sent the cable, international bodies have none; org_harmonise then gives
each body one identity within the cable.
"""

from __future__ import annotations

import re

from orchestration.cables.extract.org_chunks import (
    Token,
    capitalised_runs,
    glossary_paragraph,
    last_run_ending_at,
    run_tokens_of,
    text_of,
    trim,
)
from orchestration.cables.extract.org_cues import cue_spans
from orchestration.cables.extract.org_harmonise import harmonise
from orchestration.cables.extract.org_lexicon import has_head, is_bare_head
from orchestration.cables.extract.org_patterns import demonym_spans, list_spans
from orchestration.cables.extract.org_phrases import PhraseReader
from orchestration.cables.extract.org_resolver import Resolver, Span, is_acronym
from orchestration.cables.extract.org_vocabulary import (
    ACRONYM_STOP,
    LEADING_STOP,
    LOWER_WORD,
    common_words,
    written_in_capitals,
)
from orchestration.cables.extract.records import OrganizationMention
from orchestration.cables.extract.text_scan import WORD_START
from orchestration.cables.model import Cable

# what an acronym the cable defines stands for when it is a law, plan or system rather than a body
# ("Labor Migration Information System (LMIS)", "Organic Law for the Protection of Children (LOPNA)")
_NOT_BODY_HEAD = re.compile(
    r"\b(?:Law|Act|Code|Decree|Convention|Protocol|Plan|System|Strategy|Policy|Report|Database|Survey|Index)\b"
)
# what a defined acronym stands for when it is a document or a meeting, whatever body words it holds
_DOCUMENT = re.compile(
    r"\b(?:Law|Act|Code|Plan|System|Report|Memorandum|Decree|Convention|Protocol|Agreement|Treaty|Talks|"
    r"Meeting|Conference|Summit)$"
)
# what a defined acronym stands for when it is a set of norms: "Human Rights Standards (HRS)", "Rules of Engagement
# (ROE)" (the head is the last word before any "of", "for" or "on")
_NORMS_HEAD = re.compile(r"Standards|Rules|Guidelines|Principles|Procedures|Criteria")
_ACRONYM_IN_PARENTHESES = re.compile(r"\(([A-Z][A-Za-z0-9/&.-]*[A-Za-z0-9])\)")
# (the word boundary tested behind the first capital, so that the pattern opens on a class the engine skips to)
_EXPANSION_IN_PARENTHESES = re.compile(rf"([A-Z]{WORD_START}[A-Za-z0-9/&-]*[A-Z])\s+\(([A-Z][^()]{{6,120}})\)")
_OWNER_BEFORE = re.compile(r"([A-Z][\w ,'’-]*?)(?:'s|’s|'|’)\s*$")
_PERSONS_AT_END = re.compile(r"\bPersons$")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_NOT_CAPITAL = re.compile(r"[^A-Z]")
_LAW_AFTER = re.compile(r"\s+(?:Law|Act|Code|Decree)\b")
_COMPASS_BANK = re.compile(r"(?:North|South|East|West)(?:ern)? Bank")
_DASHED_RULE_AFTER = re.compile(r"\s*(?:-\s*){3}")
_INSTRUMENT_AT_END = re.compile(
    r"(?:^|\s)(?:Act|Order|Circular|Resolution|Decree|Regulation|Directive|Instruction|Proclamation|Agreement|Talks|"
    r"Meeting|Conference|Summit|Party Congress|Issues|Website)s?$"
)
# "Embassy-funded", "NGO-run": a participle glued to a name ends the name
_PARTICIPLE = re.compile(
    r"-(?:based|designated|established|funded|run|led|sponsored|backed|owned|affiliated|operated|"
    r"supported|related|organized|hosted|managed|trained|financed|assisted)\b"
)


class _Extractor:
    """The organization mentions of one cable."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.resolver = Resolver(cable)
        for entry in cable.glossary:
            self.resolver.define(entry.acronym, entry.expansion)
        glossary = [glossary_paragraph(p) for p in cable.paragraphs]
        self.body = [p for p, is_glossary in zip(cable.paragraphs, glossary, strict=True) if not is_glossary]
        self.glossary_paragraphs = [p for p, is_glossary in zip(cable.paragraphs, glossary, strict=True) if is_glossary]
        full_text = " ".join(p.text for p in self.body)
        vocabulary = set(LOWER_WORD.findall(full_text))  # the paragraphs' words: the joining spaces are boundaries
        if written_in_capitals(full_text):
            # no lower-case word of its own: the shipped cables' words and the sentence openers stand in for them
            vocabulary |= common_words() | {word.lower() for word in LEADING_STOP}
        self.reader = PhraseReader(self.resolver, vocabulary, full_text)
        self._read: dict[str, list[Token]] = {}
        for paragraph in self.body:
            self._inline_definitions(paragraph.text)

    def _tokens(self, text: str) -> list[Token]:
        """The tokens of a paragraph's text for its runs, read once for its definitions and its mentions."""
        if text not in self._read:
            self._read[text] = run_tokens_of(text)
        return self._read[text]

    def _inline_definitions(self, text: str) -> None:
        if "(" not in text:
            return  # a cheap test: every definition is written with parentheses
        for match in _ACRONYM_IN_PARENTHESES.finditer(text):
            acronym = match.group(1)
            if not is_acronym(acronym) or acronym in ACRONYM_STOP:
                continue
            before = text[: match.start()].rstrip()
            run = last_run_ending_at(text, len(before), self._tokens(text), self.reader.units)  # `before`'s last
            if run is None:
                continue
            segments = self.reader.segments(before, run)
            tokens = trim(segments[-1])
            if not tokens:
                continue
            tokens = self.reader.without_person(tokens)
            phrase = text_of(before, tokens)
            if _DOCUMENT.search(phrase) or _norms(phrase):
                self.resolver.not_body(acronym)  # "Status of Forces Agreement (SOFA)"
            elif self._plausible_definition(phrase, acronym):
                owner_text = before[: tokens[0][1]]
                # a cheap test first: the pattern ends with a possessive and spaces, and searches all the text before
                possessive = owner_text.rstrip().endswith(("'", "’", "'s", "’s"))
                owner = _OWNER_BEFORE.search(owner_text) if possessive else None
                parent = self.resolver.resolve_phrase(owner.group(1).strip()) if owner else None
                self.resolver.define(acronym, phrase, parent)
            elif _NOT_BODY_HEAD.search(phrase) and not has_head(phrase):
                self.resolver.not_body(acronym)
        for match in _EXPANSION_IN_PARENTHESES.finditer(text):
            acronym, phrase = match.groups()
            if is_acronym(acronym) and acronym not in ACRONYM_STOP and acronym not in self.resolver.defined:
                if self._plausible_definition(phrase, acronym):
                    self.resolver.define(acronym, phrase)

    def _plausible_definition(self, phrase: str, acronym: str) -> bool:
        if _DOCUMENT.search(phrase) or _norms(phrase):
            return False
        if _PERSONS_AT_END.search(phrase) and not has_head(phrase):
            return False  # "Trafficking in Persons (TIP)", but "Center to Combat Trafficking in Persons (CCTP)"
        if is_bare_head(phrase):
            return False
        if has_head(phrase) or self.resolver.lookup_name(phrase):
            return True
        initials = "".join(w[0] for w in _WORD.findall(phrase) if w[0].isupper()).upper()
        letters = _NOT_CAPITAL.sub("", acronym.upper())
        return len(phrase.split()) >= 2 and (initials.startswith(letters[:2]) or letters.startswith(initials[:2]))

    def extract(self) -> list[OrganizationMention]:
        mentions: list[OrganizationMention] = []
        for paragraph in self.body:
            spans = self._paragraph_spans(paragraph.text)
            if paragraph is self.body[-1] and spans and _signature(paragraph.text, spans[-1]):
                spans.pop()
            for span in spans:
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
        return harmonise(mentions, known_names)

    def _paragraph_spans(self, text: str) -> list[Span]:
        text = _PARTICIPLE.sub(lambda m: ";" + " " * (len(m.group(0)) - 1), text)
        priority = list_spans(self.reader, text) + cue_spans(self.reader, text)
        spans: list[Span] = []
        for run in capitalised_runs(text, self.reader.units, self._tokens(text)):
            spans.extend(self.reader.run_spans(text, run))
        spans.extend(demonym_spans(self.reader, text))
        spans = [s for s in spans if not any(s.start < p.end and p.start < s.end for p in priority)] + priority
        spans = [s for s in spans if not _LAW_AFTER.match(text[s.end : s.end + 8])]
        # "the West Bank": a compass point before "Bank" names a place
        spans = [s for s in spans if not _COMPASS_BANK.fullmatch(text[s.start : s.end])]
        # "Police Challenges and Responses - - - -": a heading over a dashed rule
        spans = [s for s in spans if not _DASHED_RULE_AFTER.match(text[s.end : s.end + 12])]
        # "Department Order 95", "Ministerial Circular", "Export Administration Act": an instrument, not the body
        spans = [s for s in spans if not _INSTRUMENT_AT_END.search(text[s.start : s.end])]
        spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
        kept: list[Span] = []
        for span in spans:
            if kept and span.start < kept[-1].end:
                continue
            kept.append(span)
        return kept


def _norms(phrase: str) -> bool:
    """Whether a phrase names a set of norms, by its head: "Human Rights Standards", not "Committee on Rules"."""
    head = re.split(r"\s+(?:of|for|on)\s+", phrase, maxsplit=1)[0].split()
    return bool(head) and bool(_NORMS_HEAD.fullmatch(head[-1]))


def _signature(text: str, span: Span) -> bool:
    """Whether a span is the sender's surname in capitals that ends the cable ("... ERELI")."""
    org = span.org
    return (
        org.name == org.acronym == text[span.start : span.end]
        and org.org_type == "other"
        and not text[span.end :].strip(" .")
    )


def extract_organizations(cable: Cable) -> list[OrganizationMention]:
    """One OrganizationMention per organization mention in the cable's body, in text order."""
    return _Extractor(cable).extract()
