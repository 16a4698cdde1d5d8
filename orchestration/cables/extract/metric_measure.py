"""The measure and unit of a figure, read from the grammar around it."""

from __future__ import annotations

import re

from orchestration.cables.extract.metric_candidates import (
    Candidate,
    head_noun,
    noun_class,
)
from orchestration.cables.extract.metric_comparisons import (
    CHANGE_BEFORE_PERCENT,
    change_subject,
    partitive_total,
    second_end,
)
from orchestration.cables.extract.metric_cues import after_cue, before_cue
from orchestration.cables.extract.metric_lexicon import EVENT_NOUNS
from orchestration.cables.extract.metric_lists import continues_neighbour, part_of_previous
from orchestration.cables.extract.metric_money import PENALTY, MoneyReader
from orchestration.cables.extract.numbers import FRACTIONS, NUMBER_RE

_SHARE_OF_CHANGE = re.compile(
    r"\s*(?:percent|per\s*cent|%)\s+(?:increase|decrease|rise|drop|growth|decline|of\s+(?:the\s+)?(?:national\s+)?GDP)"
)
# people who move for work: their return is a migrants' return unless the sentence speaks of victims
_MIGRANT_NOUNS = {
    "workers",
    "worker",
    "laborers",
    "labourers",
    "migrants",
    "migrant",
    "nationals",
    "citizens",
    "expatriates",
    "immigrants",
    "emigrants",
}
_VICTIMS_WORDS = re.compile(r"\btraffick|\bvictims?\b", re.I)
_VICTIM_NOUNS = {"victims", "victim", "children", "girls", "boys", "women", "minors", "child"}


def classify(c: Candidate, text: str, siblings: list[Candidate], earlier: list[Candidate], money: MoneyReader) -> None:
    """Set the measure of a figure, in order of strength: currency and percent markers; the noun it counts
    (organizations, arrests/convictions..., cases); the verb governing it before ("arrested 91") or after
    ("... were rescued"); the neighbour it continues in a list or of which it is a part ("13 of whom");
    the noun alone ("victims", "perpetrators"). `basis` stays "none" when nothing marks it as a statistic."""
    n = c.number
    after = text[n.end :]
    # the clause before the figure, not reaching back over an earlier figure
    prev_end = siblings[-1].number.end if siblings else 0
    clause_before = text[prev_end : n.start]
    if _by_marker(c, text, siblings, money):
        return
    noun, noun_end = _counted_noun(c, after)
    c.noun = noun
    cls = noun_class(noun)
    if cls is None and _by_comparison(c, text, siblings):
        return
    cue, gap = before_cue(clause_before)
    cue_after = after_cue(after[noun_end:] if noun_end else after)
    if cls == "thing" and _acts_as_person(c, text, cue, gap, cue_after, siblings):
        cls = "person"  # "two facilitators were arrested": what is arrested or rescued is people
    if _by_noun(c, cls, after):
        return
    if cls == "case":
        if cue in ("prosecutions", "convictions", "investigations", "acquittals") and gap <= 3:
            c.measure, c.basis = cue, "cue"
        elif cue_after in ("investigations", "prosecutions", "acquittals"):
            c.measure, c.basis = cue_after, "cue"
        else:
            c.measure, c.basis = "cases", "noun"
        return
    victims_named = bool(_VICTIMS_WORDS.search(text))
    chosen = _chosen_cue(cue, gap, cue_after, cls, noun, clause_before, victims_named)
    if part_of_previous(c, after, clause_before, siblings, chosen, cls, cue_after):
        return
    if chosen:
        c.measure, c.basis = chosen, "cue"
        return
    if noun in ("returnees", "returnee", "deportees", "deportee"):
        c.measure, c.basis = "migrants_returned", "noun"
        return
    if cls in (None, "person") and continues_neighbour(c, text, cls, cue, siblings, earlier):
        return
    if cls == "person":
        c.measure, c.basis = _person_measure(noun, clause_before, after[noun_end:]), "noun"
        return
    if cls is None and cue and gap <= 3:
        # "there were four in the first two months": no population without people
        c.measure, c.basis = ("other" if cue == "population_estimate" else cue), "cue"


def _by_marker(c: Candidate, text: str, siblings: list[Candidate], money: MoneyReader) -> bool:
    """Money and shares, marked by a currency or a percent sign; a penalty a law provides is no statistic."""
    n = c.number
    before, after = text[: n.start], text[n.end :]
    currency = money.currency(before, after, n)
    if currency is None:
        currency = money.converted(before, after)  # "BD 10 (USD 26.50)": an amount and its conversion
    if (
        currency is None
        and siblings
        and siblings[-1].measure == "money"
        and re.fullmatch(r"\s*(?:-|–|to|and|or)\s*", text[siblings[-1].number.end : n.start])
    ):
        currency = siblings[-1].currency
    if currency is None and n.text.lower() not in FRACTIONS and not _counts_something(after):
        # "USD equivalent value for the prizes were: ... 4000 for first place": amounts listed under their currency
        currency = money.heading(before)
    if currency is not None and PENALTY.search(text):
        c.basis = "none"  # a penalty a law provides, not a statistic
        return True
    if currency is not None:
        c.measure, c.currency, c.basis = "money", currency, "money"
        return True
    if re.match(r"\s*(?:percent|per\s*cent|%|pct\b)", after) or n.text.lower() in FRACTIONS:
        c.measure, c.basis = "share", "percent"
        if _SHARE_OF_CHANGE.match(after) or CHANGE_BEFORE_PERCENT.search(before[-40:]):
            c.measure = "other"  # "up 77 percent", "a 20 percent increase": a change, not a share of a group
        return True
    return False


def _counts_something(after: str) -> bool:
    """Whether a noun follows the figure (then it is no bare amount of a list)."""
    return head_noun(after)[0] is not None


def _counted_noun(c: Candidate, after: str) -> tuple[str | None, int]:
    """The noun a figure counts, also across a copula ("12 were girls") or a partitive ("24 of Cambodia's
    provinces", "seven of the 12 women"); and where its phrase ends (0 when it is not right after the figure)."""
    noun, noun_end = head_noun(after)
    partitive = partitive_total(after) if noun is None else None
    total = NUMBER_RE.match(after, partitive.end()) if partitive else None
    if total:
        noun, _ = head_noun(after[total.end() :])
        if noun is not None:
            c.total_at = c.number.end + partitive.end()  # "seven of the 12 women": a part of the 12
            return noun, 0
    if noun is None:
        m = re.match(r"\s+(?:were|was|are|is)\s+", after)
        if m:
            noun2, _ = head_noun(after[m.end() :])
            if noun_class(noun2) in ("person", "case"):
                noun, noun_end = noun2, 0
    if noun is None:
        m = re.match(r"\s+of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|[A-Z][\w-]*(?:'s|’s)\s+)", after)
        if m:
            noun2, end2 = head_noun(after[m.end() :])
            if noun2 is not None:
                noun, noun_end = noun2, m.end() + end2  # "all 24 of Cambodia's provinces"
    return noun, noun_end


def _by_comparison(c: Candidate, text: str, siblings: list[Candidate]) -> bool:
    """The two ends of a change take the measure of what changed: "arrests rose from 142 in 2007 to 252"."""
    previous = siblings[-1] if siblings else None
    if previous is not None and previous.change_from and second_end(text, previous.number.end, c.number.start):
        c.measure, c.basis, c.noun = previous.measure, "inherit", previous.noun
        return True
    measure, start = change_subject(text, c.number.start)
    if measure is None and start >= 0:
        # "police arrested 252 suspects, up 77 percent from 142": what changed is the figure before
        counts = [s for s in siblings if s.measure not in ("share", "money") and s.basis != "percent"]
        measure = counts[-1].measure if counts else None
    if measure is None:
        return False
    c.measure, c.basis, c.change_from = measure, "cue", True
    return True


# what only people undergo: a noun counted by one of these is a noun of people ("facilitators", "customers")
_PERSON_ONLY = {
    "arrests",
    "convictions",
    "prosecutions",
    "victims_rescued",
    "victims_referred",
    "victims_assisted",
    "victims_repatriated",
    "migrants_returned",
    "persons_trained",
}


def _acts_as_person(
    c: Candidate, text: str, cue: str | None, gap: int, cue_after: str | None, siblings: list[Candidate]
) -> bool:
    """Whether an unknown plural noun counts people: it is arrested, convicted, rescued ("arrested 12 facilitators",
    "two facilitators were arrested"), or it is listed beside a count of people ("12 customers and two
    facilitators")."""
    if cue in _PERSON_ONLY - {"prosecutions", "victims_assisted"} and gap <= 1:
        return True
    noun_end = c.number.end + len(c.noun or "") + 1
    if cue_after == "persons_trained":
        return True  # "Over 1,500 professionals including psychologists ... received training"
    if cue_after in _PERSON_ONLY and re.match(
        r"[^,;:.]{0,30}?\b(?:were|was|have\s+been|had\s+been)\s", text[noun_end:]
    ):
        return True
    previous = siblings[-1] if siblings else None
    return (
        previous is not None
        and noun_class(previous.noun) == "person"
        and previous.measure in _PERSON_ONLY
        and bool(re.fullmatch(r"\s*[\w-]*\s*(?:,\s*(?:and\s+)?|\s+and\s+)", text[previous.number.end : c.number.start]))
    )


def _by_noun(c: Candidate, cls: str | None, after: str) -> bool:
    """A figure whose noun alone says what it counts: institutions, arrests/convictions..., things."""
    if cls == "org":
        c.measure, c.basis = "organizations_count", "noun"
        return True
    if cls == "event":
        c.measure, c.basis = EVENT_NOUNS[c.noun], "noun"
        if c.measure == "prosecutions" and re.search(r"acquitt|reinvestigat|dismiss", after[:120]):
            c.measure = "acquittals"
        return True
    if cls == "thing":
        c.measure, c.basis = "other", "noun"
        return True
    return False


def _chosen_cue(
    cue: str | None,
    gap: int,
    cue_after: str | None,
    cls: str | None,
    noun: str | None,
    clause_before: str,
    victims_named: bool,
) -> str | None:
    """The measure the cue words give: a close cue before the figure, else one after it, else a far one before."""
    chosen = None
    if cue == "population_estimate" and cue_after:
        chosen = cue_after
    elif cue and gap <= 3:
        chosen = cue
    elif cue_after:
        chosen = cue_after
    elif cue:
        chosen = cue
    if chosen == "victims_identified" and cls == "person" and noun not in _VICTIM_NOUNS:
        # "identified 78 related individuals" counts no victims; "identified 12 persons trafficked" does
        chosen = None if not re.search(r"\btraffick\w*|\btraffic\b", clause_before[-40:]) else chosen
    if chosen == "population_estimate" and cls is None:
        chosen = None
    if chosen == "victims_repatriated" and noun in _MIGRANT_NOUNS and not victims_named:
        chosen = "migrants_returned"  # "12,897 workers returned to their home countries": migrants, not victims
    if chosen == "population_estimate" and noun in ("victims", "victim"):
        chosen = "victims_identified"
    return chosen


def _person_measure(noun: str | None, clause_before: str, after_noun: str) -> str:
    """The measure of a count of people with no cue: victims, perpetrators, or an estimate of a population."""
    if noun in ("victims", "victim"):
        return "victims_identified"
    if noun in ("perpetrators", "perpetrator"):
        return "perpetrators"
    if noun in ("migrants", "migrant", "immigrants", "emigrants"):
        return "population_estimate"
    if _POPULATION_BEFORE.search(clause_before) or _POPULATION_AFTER.match(after_noun):
        return "population_estimate"
    if _REPORTED_THAT.search(clause_before) and not _RECORDED_DEED.match(after_noun):
        return "population_estimate"
    return "other"


# the size of a population, not a record of events: "an estimated 18,256 sex workers", "There are approximately
# 517,000 expatriates in Bahrain", "... workers who are living in", not "reported that 2,979 workers were registered"
_POPULATION_BEFORE = re.compile(
    r"\bestimat\w*[^.;]{0,60}$|\bthere\s+(?:are|is)\s+(?:\w+\s+){0,2}$|\bhome\s+to\s+(?:\w+\s+){0,2}$|"
    r"\bpopulation\s+of\s+(?:\w+\s+){0,2}$"
)
_POPULATION_AFTER = re.compile(
    r"[^.;,\d]{0,60}?\b(?:(?:are|were)\s+(?:\w+\s+)?(?:working|living|employed|residing|in\s+the\s+labou?r)|"
    r"(?:live|living|work|working|employed|reside|residing)\b[^.;\d]{0,40}?\bin\s+[A-Z]|"
    r"(?:are|is)\s+(?:currently\s+)?in\s+[A-Z]|(?:moved|migrated|emigrated|immigrated|relocated)\s+to\s+[A-Z])"
)
# a report of how many there are, unless what it counts is a record of deeds: "ILO reported that 8,000 children in
# Dakar ... are begging", not "The Ministry reported that 2,979 workers were registered as runaways"
_REPORTED_THAT = re.compile(
    r"\b(?:reported|said|noted|claimed|believed|showed|found|indicated|revealed|stated)\s+that\s+"
    r"(?:there\s+(?:are|were)\s+)?(?:about\s+|approximately\s+|some\s+|over\s+|only\s+)?$"
)
_RECORDED_DEED = re.compile(
    r"[^.;,\d]{0,40}?\b(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?[a-z]+ed\b|"
    r"\s+(?!(?:estimated|expected|needed)\b)[a-z]+ed\s+(?!by\b)\w"  # "2,000 people attended the funeral"
)


def unit_of(c: Candidate) -> str | None:
    if c.measure == "money":
        return c.currency or None
    if c.measure == "share":
        return "percent"
    if c.measure == "organizations_count":
        return "organizations"
    cls = noun_class(c.noun)
    if c.measure in ("cases", "investigations"):
        return "cases"
    if c.measure in ("prosecutions", "convictions", "acquittals"):
        return "cases" if cls in ("case", "event") and c.noun not in ("convictions", "conviction") else "persons"
    if c.measure == "other":
        if c.basis == "percent":
            return "percent"
        return c.noun if cls in ("thing", "event") else "persons"
    return "persons"
