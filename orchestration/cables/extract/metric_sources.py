"""The institution a figure comes from: "according to X", the reporter of its clause, its subject, "by X" after it,
or the source the paragraph carries from the sentence before."""

from __future__ import annotations

import re

from orchestration.cables.extract.metric_candidates import Candidate
from orchestration.cables.extract.metric_org_mentions import OrgMention, SourceFinder
from orchestration.cables.extract.text_scan import holds_any_folded, required_words

_SOURCE_VERB_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:reported|assisted|identified|estimated|said|explained|noted|added|stated|told|found|"
    r"recorded|"
    r"rescued|repatriated|trained|arrested|convicted|counted|registered|documented)\b"
)
_SAYING_AFTER = re.compile(r"\s+(?:also\s+)?(?:reported|estimated|said|explained|noted|added|stated|told)\b")
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
_AGENT_COMPOUND = re.compile(
    r"-(?:assisted|sheltered|identified|registered|rescued|referred|run|sponsored|funded|organi[sz]ed|led|hosted|"
    r"supported|conducted)\b"
)


_FUNDS_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:funds?|funding|grants?|budget|project|programs?|programme|assistance|money|local\s+currency)\b"
)
_HOLDER_BEFORE = re.compile(
    r"(?:\b(?:by|for|of)|\b(?:data|statistics|figures|information|reports?|reported|provided)\s+to)\s+(?:the\s+|a\s+)?$"
)


# "AMBAR), a local anti-trafficking NGO, reported": an aside between the institution and its verb
_APPOSITION = re.compile(r"\)?(?:,\s+(?:a|an|the)\s+[^,;.]{1,60},)?")


def _reports(after_mention: str) -> bool:
    """Whether the words after an institution make it the reporter of a clause: "reported", ", an NGO, said"."""
    return bool(_REPORTING_VERB.match(after_mention[_APPOSITION.match(after_mention).end() :]))


def _first_conjunct(m: OrgMention, mentions: list[OrgMention], text: str) -> OrgMention:
    i = mentions.index(m)
    while i and _CONJOINED.fullmatch(text[mentions[i - 1].end : mentions[i].start]):
        i -= 1
    if any(o.after_preposition for o in mentions[i : mentions.index(m)]):
        return m  # "With support from USAID and UNICEF, the MOJ published": not a coordinated subject
    return mentions[i]


def joined_authors(first: OrgMention, mentions: list[OrgMention], text: str) -> str:
    """ "a report by UNICEF, the ILO and the World Bank": all the authors."""
    names, last = [first.name], first
    for m in mentions:
        if m.start > last.end and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", text[last.end : m.start]):
            names.append(m.name)
            last = m
    return "; ".join(dict.fromkeys(names))


def _possible_sources(c: Candidate, mentions: list[OrgMention], text: str) -> list[OrgMention]:
    """The mentions that may be the source of a figure: not the noun it counts ("11 government ministries", "40 NGOs
    provide"); for a count of institutions, no common noun ("the government ... 11 ministries") and none of the
    institutions it counts ("the MFA, the MSA and the MOI are the four government bodies")."""
    n = c.number
    counted = (c.noun or "").rstrip("s")
    mentions = [
        m
        for m in mentions
        if not (counted and m.name.split()[-1].lower().rstrip("s") == counted and (m.generic or n.end <= m.start))
        or m.strong
    ]
    if c.measure != "organizations_count":
        return mentions
    mentions = [m for m in mentions if not m.generic or m.strong]
    listed = [m for m in mentions if m.end <= n.start]
    if listed and re.fullmatch(
        r"[\s,]*(?:\([^()]*\)\s*)?(?:(?:and|or|are|were|is|was)\s+)+(?:the|its|their)?\s*(?:[a-z]+\s+)?",
        text[listed[-1].end : n.start],
    ):
        return []
    return mentions


def choose_source(c: Candidate, mentions: list[OrgMention], text: str) -> tuple[str | None, str]:
    """The institution a figure comes from: "according to X", else the reporter of the clause ("X reported that"),
    else the subject before it, else "by X" after it in the same clause."""
    n = c.number
    mentions = _possible_sources(c, mentions, text)
    if not mentions:
        return None, "none"
    strong = [m for m in mentions if m.strong]
    if strong:
        return joined_authors(strong[0], mentions, text), "report"
    if c.measure == "money":
        # "USD 310,000 in FY-2006 INL funds", "a 3 million Euro EU project", "USD 1 million of USAID local currency":
        # the money is the funder's, whoever spends it
        funders = [m for m in mentions if _FUNDS_AFTER.match(text, m.end) and abs(m.start - n.start) < 80]
        if funders:
            return funders[0].name, "agent"
    before = [m for m in mentions if m.end <= n.start]
    # "MOSAVY reported that ... police referred to MOSAVY 407 victims"; "a study ..., conducted by AidTous, estimated"
    reporters = [
        m
        for m in before
        if (not m.after_preposition or re.search(r"\bby\s+(?:the\s+)?$", text[: m.start]))
        and _reports(text[m.end : n.start])
    ]
    if reporters:
        return _first_conjunct(reporters[-1], mentions, text).name, "report"
    subjects = [m for m in before if not m.after_preposition]
    if subjects:
        return _first_conjunct(subjects[-1], mentions, text).name, "subject"
    # an institution named after a preposition speaks for the figure only as its agent or holder: "sentenced ... by a
    # Thai court", "revenue for GE", "data provided to the MOJ"; not "at the Public Ministry", "with the ILO"
    holders = [m for m in before if _HOLDER_BEFORE.search(text[max(0, m.start - 40) : m.start])]
    if holders:
        return holders[-1].name, "holder"
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
    if not after:
        return None, "none"
    # "..., he explained": a report that goes on into the next sentence
    return after[0].name, "report" if _SAYING_AFTER.match(text[after[0].end :]) else "agent"


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
# the words _UNNAMED_REPORTER cannot match without (the cheap test first)
_UNNAMED_REPORTER_WORDS = required_words(_UNNAMED_REPORTER)
# a subject standing for an institution named before: "the center received", "The same study showed"
_ANAPHOR_SUBJECT = re.compile(
    r"(?:^|,\s+|\b(?:and|that)\s+)(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:same\s+)?"
    r"(?:center|centre|shelter|court|study|"
    r"report|survey|research|website|organization|NGO|ministry|department|unit|office|agency|program|programme|"
    r"project|task\s+force|commission|committee|official|director|spokesman|representative|chief|officer)\s+"
    r"(?:also\s+|has\s+|had\s+|have\s+)*[a-z]+(?:ed|s)\b"
)
# a sentence opening on an indefinite subject brings in something new: "A few Koranic teachers ...", "Some NGOs ..."
_NEW_REFERENT = re.compile(r"\s*(?:\(\w+\)\s*)?(?:A|An|Some|Many|Most|Several|Few|A\s+few|No)\s+[a-z]")


def _may_carry(c: Candidate, text: str, previous: str | None, finder: SourceFinder) -> bool:
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


# what an institution records of its own work: enforcement, victims, training, the bodies it sets up
_RECORD_MEASURES = {
    "arrests",
    "investigations",
    "cases",
    "prosecutions",
    "convictions",
    "acquittals",
    "perpetrators",
    "victims_identified",
    "victims_rescued",
    "victims_referred",
    "victims_assisted",
    "victims_repatriated",
    "migrants_returned",
    "persons_trained",
    "organizations_count",
}


class SourceCarry:
    """Attributes the figures of a paragraph's sentences, carrying the reporting institution from one sentence to the
    next ("MOSAVY reported ... It also found 20 ...") until a new topic or an unnamed reporter ends it."""

    def __init__(self, finder: SourceFinder):
        self.finder = finder
        finder.people.start_paragraph()
        self.named: str | None = None  # the institution the last sentence named, for "the center", "the study"
        self.reporter: str | None = None  # the institution whose report the last sentence gave

    def attribute(self, candidates: list[Candidate], text: str) -> None:
        """Set the source of each figure of a sentence, then remember what the next sentence may carry."""
        mentions = self.finder.mentions(text)
        # "BD 10 (USD 26.50)": a sign beside an amount is its currency, not an institution
        mentions = [m for m in mentions if not any(_beside(m, c) for c in candidates if c.measure == "money")]
        # "135 Royal Cambodian Armed Forces deminers and four technical advisors": an institution right after a count
        # names whom it counts, not who reports it
        mentions = [m for m in mentions if not any(_counted_after(m, c, text) for c in candidates)]
        # "It is estimated that ...", "one NGO reported that ...": a report of its own, by no named institution
        unattributed = holds_any_folded(text, _UNNAMED_REPORTER_WORDS) and bool(_UNNAMED_REPORTER.search(text))
        kinds = []
        for c in candidates:
            c.source, kind = choose_source(c, mentions, text)
            own = [m for m in mentions if m.end <= c.number.start and not m.after_preposition]
            # "In 2008, the center received 84 victims ... enforced by police": the subject stands for the
            # institution named before, whatever the sentence names later
            anaphor = not own and _ANAPHOR_SUBJECT.search(text[: c.number.start])
            carried = self.named if anaphor else self._carried(c) if not own and not _bare_passive(c, text) else None
            if c.source is None and carried and not unattributed and _may_carry(c, text, carried, self.finder):
                c.source, kind = carried, "report"  # the sentence goes on with the report of the sentence before
            if kind != "report" and _MAKE_UP_BEFORE.search(text, max(0, c.number.start - 40), c.number.start):
                # "The Migrant Workers Protection Society is comprised of 38 volunteer members": what a body is made
                # of describes it, no one reports it (unless someone does: "According to GPO leaders, ...")
                c.source, kind = None, "none"
            kinds.append(kind)
        self._remember(candidates, kinds, mentions, text, unattributed)

    def _carried(self, c: Candidate) -> str | None:
        """What a sentence naming no institution takes from the one before: its report, whatever the figure; the
        institution it was about, for a figure of that institution's record ("The NTF launched ... forums in five
        provinces"), not for a price, a capacity or a share ("The GOB opened a shelter ... Two separate wings")."""
        return self.reporter or (self.named if c.measure in _RECORD_MEASURES else None)

    def _remember(
        self, candidates: list[Candidate], kinds: list[str], mentions: list[OrgMention], text: str, unattributed: bool
    ) -> None:
        reported = [c.source for c, kind in zip(candidates, kinds, strict=True) if c.source and kind == "report"]
        sources = [c.source for c in candidates if c.source]
        if sources:
            self.named = sources[-1]
        # only a report goes on into the next sentence: "The Ministry reported that 2,979 workers ... 700 of whom",
        # not the actor of a deed ("The GOB opened a shelter ... Two separate wings in the shelter ...")
        if candidates:
            self.reporter = reported[-1] if reported else None
        if mentions and not candidates:
            strong = [m for m in mentions if m.strong]
            named = [m for m in mentions if not m.after_preposition]
            reporters = [m for m in named if _reports(text[m.end :])]
            if strong:
                # "Research conducted by Friends International and UNIAP ...": the authors, for what follows
                self.named = self.reporter = joined_authors(strong[0], mentions, text)
            elif named:
                self.named = named[0].name
                self.reporter = reporters[0].name if reporters else None
        elif not candidates and (unattributed or _NEW_REFERENT.match(text)):
            self.named = self.reporter = None  # "A few Koranic teachers ... are arrested each year.": a new topic
        elif candidates and unattributed and not sources:
            self.named = self.reporter = None


# "Thirteen foreigners were arrested": a deed whose doer the sentence does not name
_PASSIVE_AFTER = re.compile(r"[^,;:.\d]{0,60}?\b(?:were|was|have\s+been|had\s+been|are|is)\s+(?:\w+\s+)?[a-z]+ed\b")


def _bare_passive(c: Candidate, text: str) -> bool:
    """A figure opening its sentence as the subject of a passive verb, with no "by": no source to carry."""
    opening = not re.search(r"[A-Za-z]{3,}", re.sub(r"^\W*(?:\(\w+\)\s*)?", "", text[: c.number.start]))
    m = _PASSIVE_AFTER.match(text, c.number.end)
    return opening and bool(m) and not re.search(r"\bby\b", text[m.end() : m.end() + 60])


_MAKE_UP_BEFORE = re.compile(
    r"\b(?:(?:composed|comprised|made\s+up)\s+of|consist(?:s|ed|ing)?\s+of)\s+(?:some\s+|about\s+|over\s+)?$"
)


def _counted_after(m: OrgMention, c: Candidate, text: str) -> bool:
    """ "135 Royal Cambodian Armed Forces deminers", not "one IOM-funded project" (the agent of the compound)."""
    beside = c.measure != "money" and text[c.number.end : m.start] == " "
    return beside and not _AGENT_COMPOUND.match(text, m.end)


def _beside(m: OrgMention, c: Candidate) -> bool:
    return 0 <= c.number.start - m.end <= 1 or 0 <= m.start - c.number.end <= 1
