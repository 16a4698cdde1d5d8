"""Laws and legal instruments named in a cable, one name per law.

Mentions come from the curated seed `dbt_project/seeds/known_laws.csv` (names and aliases), formal capitalised
names ("Law on ...", "<X> Law", "Brazilian Penal Code", "<X> Act", "Decree 81 of 2006", "Law 11,829",
"ILO Conventions 29, 105 and 182", "INA 212(a)(3)"), and references ("the new anti-TIP law", "the 1996 law",
"penal code", "Senegal's constitution", "sub-decree on ..."); see `law_finders`. References resolve to the law the
same cable names in full, else keep the cable's own words ("anti-trafficking legislation (draft)"); see
`law_naming`. The enactment date comes from the seed, else from the cable ("enacted February 29, 1996",
"of 1961", "the 2004 ... Law"); articles cited with the law ("Article 16 of the ...") are kept with the mention.
"""

from __future__ import annotations

from orchestration.cables.extract.law_finders import (
    CableContext,
    Found,
    cue_starts,
    find_laws,
    holds_a_cue,
    legal_sentences,
    numbered_key,
)
from orchestration.cables.extract.law_naming import resolve, same_as_designations
from orchestration.cables.extract.law_patterns import NUMBERED, NUMBERED_WORDS
from orchestration.cables.extract.law_resolver import LawResolver
from orchestration.cables.extract.records import LawMention
from orchestration.cables.extract.text_scan import holds_any
from orchestration.cables.model import Cable


def extract_laws(cable: Cable) -> list[LawMention]:
    """One LawMention per law mention in the cable's body, in text order."""
    context = CableContext(LawResolver(cable))
    # the cheap test of `find_laws`, read once per paragraph rather than again for each of its sentences
    cues = [cue_starts(paragraph.text) for paragraph in cable.paragraphs]
    for paragraph, paragraph_cues in zip(cable.paragraphs, cues, strict=True):
        # every numbered law's head is a cue word, and holds one of the words
        if not paragraph_cues or not holds_any(paragraph.text, NUMBERED_WORDS):
            continue
        for match in NUMBERED.finditer(paragraph.text):
            year = match.group("year") or match.group("year2")
            if year:
                context.number_years.setdefault(numbered_key(match), year)
    found: list[tuple[Found, int, int, int]] = []  # a mention, its paragraph and its clean-text span
    same_as: dict = {}
    for index, (paragraph, paragraph_cues) in enumerate(zip(cable.paragraphs, cues, strict=True)):
        if not paragraph_cues and not context.resolver.names_an_alias_without_cue(paragraph.text):
            continue
        previous: list[Found] = []
        for sentence in legal_sentences(paragraph):
            may_name_a_law = holds_a_cue(paragraph_cues, sentence.start, sentence.end) or (
                context.resolver.names_an_alias_without_cue(sentence.text)
            )
            in_sentence = find_laws(sentence.text, context, may_name_a_law)
            for name, law in same_as_designations(sentence.text, in_sentence, previous).items():
                same_as.setdefault(name, law)
            for item in in_sentence:
                found.append((item, index, sentence.start + item.start, sentence.start + item.end))
            previous = in_sentence
    kept = {id(item) for item in resolve([item for item, *_ in found], context.resolver, same_as)}
    mentions = []
    for item, index, start, end in found:
        if id(item) not in kept:
            continue
        paragraph = cable.paragraphs[index]
        raw_start, raw_end = paragraph.raw_span(start, end)
        mentions.append(
            LawMention(
                cable_id=cable.cable_id,
                name=item.law.name,
                surface=item.surface,
                enacted_date=item.law.enacted_date,
                country=item.law.country,
                articles=item.articles,
                section=paragraph.section,
                char_start=raw_start,
                char_end=raw_end,
            )
        )
    return mentions
