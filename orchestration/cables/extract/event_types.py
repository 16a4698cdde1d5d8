"""What kind of happening a dated clause reports: trigger words and phrases for each event type.

Each rule is a grammatical cue (a verb or noun of the happening, optionally with the thing it applies to:
"signed ... MOU", "established ... task force"). The type of a dated clause is that of the trigger nearest to
its date; ties go to the more specific type (the order of `_RULES`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.cables.extract.text_scan import WordSets, folded, required_words

LAW_NOUN = (
    r"(?:law|laws|act|code|decree|sub-decree|legislation|bill|amendments?|guidelines|declarations?|prakas|"
    r"regulations?)"
)
AGREEMENT_NOUN = (
    r"(?:mou|memorandum|memoranda|agreements?|treaty|treaties|contracts?|convention|protocol|accord|pacts?|"
    r"letter\s+of\s+(?:intent|agreement))"
)
BODY_NOUN = (
    r"(?:(?:task\s*force|taskforce|committee|council|unit|department|working\s+group|body|cent(?:er|re)|court|office|"
    r"commission|secretariat|hotline|shelter|bureau|directorate|division|network|board|coalition|institute|post|"
    r"station)s?|agency|agencies|bodies|police|branch(?:es)?|mechanism\s+for)"
)

# (event_type, pattern); earlier rules win ties at equal distance from the date
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "agreement_signed",
        re.compile(
            rf"\b(?:sign(?:ed|ing|s)?|conclud(?:ed|ing)|ratif(?:ied|ication|y)|accede[ds]?|accession|"
            rf"agreed\s+to\s+the)\b[^;]{{0,80}}?\b{AGREEMENT_NOUN}\b"
            rf"|\b{AGREEMENT_NOUN}\b[^;]{{0,60}}?\b(?:came|come|comes|entered|enters)\s+into\s+(?:force|effect)\b"
            rf"|\b(?:MOU|memorandum|treaty)\s+(?:of|dated|signed\s+(?:in|on))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "law_drafted",
        re.compile(
            rf"\b(?:(?:re)?draft(?:ed|ing)|(?:discuss|consider|debat)(?:ed|ing)\s+(?:amending|amendments?\s+to)|"
            rf"submitted|moved\s+to\s+the\s+(?:Council|National|Parliament|Senate|Cabinet)|"
            rf"sent\s+to\s+the\s+(?:Council|National|Parliament|Senate)|review(?:ed|ing)?)\b"
            rf"[^;]{{0,60}}?\b{LAW_NOUN}\b"
            rf"|\b(?:law|legislation|bill)\b[^;]{{0,40}}?\b(?:moved|sent|submitted|forwarded)\s+to\s+the\b"
            # "to bring the law back for a second reading in the National Assembly on April 29"
            rf"|\b(?:first|second|third)\s+reading\b",
            re.IGNORECASE,
        ),
    ),
    (
        "law_enacted",
        re.compile(
            rf"\b(?:pass(?:ed|age)|enact(?:ed|ment)|promulgat(?:ed|ion)|adopted|amended|revised|issued|signed|"
            rf"signed\s+into\s+(?:force|effect|law)|went\s+into\s+effect|entered\s+into\s+force|took\s+effect|"
            rf"approved)\b[^;]{{0,80}}?\b{LAW_NOUN}\b"
            rf"|\b{LAW_NOUN}\b[^;]{{0,80}}?\b(?:was|were|is|has\s+been)?\s*(?:pass(?:ed|age)|enact(?:ed|ment)|"
            rf"promulgat(?:ed|ion)|adopted|amended|revised|issued|signed\s+into\s+(?:force|effect|law)|"
            rf"went\s+into\s+effect|(?:take|takes|took)\s+effect|(?:entered|came)\s+into\s+(?:force|effect))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "body_established",
        re.compile(
            rf"\b(?:establish(?:ed|ing|ment)?|form(?:ed|ation)|creat(?:ed|ing|ion)|launch(?:ed|ing)?|set\s+up|found(?:ed|ing)|"
            rf"install(?:ed|ing)|inaugurat(?:ed|ion)|open(?:ed|ing))\b[^;]{{0,120}}?\b{BODY_NOUN}\b"
            rf"|\b{BODY_NOUN}\b[^;]{{0,250}}?\b(?:was|were|been)\s+(?:\w+\s+)?(?:established|formed|created|launched|"
            rf"set\s+up|founded|inaugurated)\b"
            rf"|\b(?:since\s+its|its)\s+(?:establishment|creation|founding|formation)\b"
            rf"|\b(?:has|have)\s+existed\s+since\b"
            rf"|\b{BODY_NOUN}\s+(?:\w+\s+)?(?:established|formed|created|founded)\s+(?:in|on)\b"
            # a participle after its noun: "The Higher Audio-Visual Council, created in 1989", "a coalition of
            # center-right parties founded by President Chirac in 2002", "the Inter-Ministerial Commission formed
            # October 9"
            rf"|\b{BODY_NOUN}(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?,?\s+(?:established|formed|created|founded|inaugurated)\s+"
            rf"(?:in|on|by|during|(?-i:[A-Z][a-z]+\s+\d))"
            # a body the cable names by its acronym: "launched the NTF", "was the NTF just established in 2007"
            rf"|\b(?:establish(?:ed|ing)|form(?:ed|ing)|creat(?:ed|ing)|launch(?:ed|ing)|set\s+up|found(?:ed|ing))\s+"
            rf"(?:the|a|an)\s+(?:new\s+)?(?-i:[A-Z]{{2,6}})\b"
            rf"|\b(?-i:[A-Z]{{2,6}})\s+(?:\w+\s+)?(?:established|formed|created|founded)\s+(?:in|on)\b"
            rf"|\b(?:NGO|organization|center)\b[^;]{{0,30}}?\bwas\s+(?:established|founded|created)\b"
            # a body named just before: "APLE was established in 2003", "Maiti Nepal was founded in 1993"
            rf"|\b(?!(?:Law|Act|Code|Decree|Plan|Policy|Program|Strategy|The|It|This)\b)(?-i:[A-Z][\w'’-]*)\s+"
            rf"(?:was|were)\s+(?:\w+\s+)?(?:established|founded|created|formed)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "raid",
        re.compile(
            r"\b(?:raid(?:ed|s|ing)?|crackdowns?|broke\s+up|busted|stormed|seized(?!\s+(?:on|upon|with)\b)|seizures?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "court_decision",
        re.compile(
            r"\b(?:convicted|sentenc(?:ed|ing)|acquitted|ruled|found\s+(?:\w+\s+){0,2}?(?:not\s+)?guilty|overturned|upheld|"
            r"quashed|"
            r"suspended\s+a\s+(?:\w+[\s-])*sentence)\b",
            re.IGNORECASE,
        ),
    ),
    # a decision named by a noun is the event only near its date ("the August 11 ruling"), not when it is what a
    # meeting discussed ("on January 5 held meetings ... to discuss the recent Blackwater ruling")
    (
        "court_noun",
        re.compile(
            r"\b(?:verdicts?|rulings?(?!\s+(?:party|parties|coalition|elite|family|class))|acquittals?|convictions?|"
            r"court\s+decisions?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "training",
        re.compile(
            # not a railway train ("the March 11 train bombings", "a train march"), a schooling ("a teacher by
            # training"), a course of things ("of course", "over the course of") or a call ("a conference call")
            r"\b(?:(?<!by\s)train(?:ed|ing|ings|s)?\b(?!\s+(?:bombings?|attacks?|stations?|march|lines?|tracks?|crash))|"
            r"(?:workshops?|seminars?|instruction)\b|(?<!of\s)(?<!changed\s)(?<!change\s)courses?\b(?!\s+of\b)|"
            r"(?<!press\s)(?<!news\s)(?<!video\s)conference\b(?!\s+calls?\b))",
            re.IGNORECASE,
        ),
    ),
    (
        "campaign",
        re.compile(
            # a campaign for votes is no campaign of awareness ("his 2002 presidential campaign")
            r"\b(?:(?<!election\s)(?<!electoral\s)(?<!presidential\s)(?<!reelection\s)(?<!re-election\s)campaigns?|"
            r"broadcast|aired|radio\s+programs?|awareness|dialogues?|"
            # an organised drive: "led a sustained and well-organized effort to fight trafficking"
            r"(?:led|launched|mounted|organized|waged)\s+(?:a|an)\s+(?:[\w-]+\s+){0,5}?(?:effort|drive|push)\s+to\s+"
            r"(?:fight|combat|counter|end|stop|eradicate)|"
            r"outreach|documentar(?:y|ies)|posters?|roundtable)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "policy_decision",
        re.compile(
            r"\b(?:(?:adopted|develop(?:ed|ing)?|finalized|approved|updated|launched)\b[^;]{0,60}?\b(?:plans?|polic(?:y|ies)|"
            r"strateg(?:y|ies)|standards?)|(?:plans?|polic(?:y|ies)|strateg(?:y|ies))\b[^;]{0,100}?\b(?:adopted|developed|"
            r"finalized|approved|updated|released|published|signed|launched|issued)|(?:signed|issued|released)\b[^;]{0,40}?"
            r"\b(?:plans?|polic(?:y|ies)|strateg(?:y|ies))|"
            # "the National Assembly in July approved extending the PKO deployment", "extended the deadline"
            r"(?:approved|authori[sz]ed)\s+(?:the\s+)?\w+ing|"
            r"extended\s+(?:the|its|a|an)\s+(?:[\w-]+\s+){0,2}?(?:deadline|mandate|ban|moratorium|deployment|term|"
            r"state\s+of\s+emergency)|"
            r"bans?|banned|banning|ban\s+on|prohibited|ordered|imposed|agreed\s+to|decided|decision\s+to|"
            # something changed by someone ("were changed in late 2008", "changed the rules"), not what just changed
            # ("Pakistani terrorism had changed"); an amnesty, not Amnesty International
            r"expanded|directed\s+that|(?:was|were|been|be)\s+changed|changed\s+(?:the|its|their|his|her)|moratorium|"
            r"restrictions?|suspended|lifted|terminat(?:ed|ion)|granted\s+(?:an?\s+)?amnest(?:y|ies)|"
            r"(?-i:amnest(?:y|ies))|pardon(?:ed|s)?|"
            # a removal from office: "a decree removed a judge", "dismissed two police officers"
            r"(?:removed|dismissed|fired|demoted)\s+(?:\w+\s+){0,2}?(?:judges?|officials?|officers?|prosecutors?|"
            r"governors?|directors?|chiefs?|commanders?|ministers?)|"
            # a new rule: "the new 2008 standard that ...", "a new requirement"
            r"new\s+(?:(?:19|20)\d\d\s+)?(?:standard|requirement|criterion|criteria|rule)s?|"
            r"annul(?:led)?)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "arrest",
        re.compile(r"\b(?:arrest(?:ed|s)?|detained|apprehended|apprehension)\b", re.IGNORECASE),
    ),
    (
        "report_published",
        re.compile(
            # not a name ("the Center for Middle East Studies", "the Office of Research": capitalised after a word),
            # a thing under study or a study group, nor a person set free ("released from Guantanamo Bay in 2005")
            r"\b(?:reports?|(?<!under\s)(?:(?-i:stud(?:y|ies))|(?<![\w,]\s)(?-i:Stud(?:y|ies)))"
            r"(?!\s+(?:groups?|tours?|visits?|trips?)\b)|survey|surveys|(?-i:research)|(?<![\w,]\s)(?-i:Research)|"
            r"directory|published|released(?!\s+(?:from|on\s+bail|without|due|after|pending)\b))\b",
            re.IGNORECASE,
        ),
    ),
    # a reporting verb is the event only when the date is that of the reporting ("In April, NGOs reported")
    ("reported", re.compile(r"\b(?:reported|announced\s+that)\b", re.IGNORECASE)),
    # an announcement is a decision only when nothing else is said of the date ("In March 2004, the MFA announced
    # Bahrain's accession to ...": the accession)
    ("announcement", re.compile(r"\bannounc(?:ed|ing|ement)\b", re.IGNORECASE)),
    # an agreement noun is the event only when it carries the date ("a December 2008 MOU")
    ("agreement_noun", re.compile(rf"\b{AGREEMENT_NOUN}\b", re.IGNORECASE)),
]

_ORDER = {name: i for i, (name, _) in enumerate(_RULES)}
# the cheap test before the rules run: a clause holding none of the words a rule cannot match without holds no match of
# it, and most clauses hold the words of a few rules only
_RULE_WORDS = WordSets([required_words(pattern) for _, pattern in _RULES])
# triggers taken only when nothing else is near: an arrest mentioned in passing, a verb of saying
_WEAK = {"arrest", "reported", "announcement"}
_PASSIVE_REPORT_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+$", re.IGNORECASE)
_ALIAS = {
    "reported": "report_published",
    "agreement_noun": "agreement_signed",
    "announcement": "policy_decision",
    "court_noun": "court_decision",
}

# types whose presence makes a dated sentence an event even when it reads like a statistic
STRONG_TYPES = {"agreement_signed", "law_drafted", "law_enacted", "body_established", "training", "campaign"}
# triggers that are ordinary words when capitalised inside a name ("Ministry of Labor and Vocational Training")
_LOWERCASE_ONLY = {"training", "campaign", "raid", "arrest"}
# how near its date a noun must be to be the event it names ("a 2008 UNIAP report", "the December MOU")
_NOUN_REACH = {"report_published": 30, "agreement_noun": 15, "court_noun": 30}
_RELATIVE_BEFORE = re.compile(
    r"\b(?:who|that|which)\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+(?:and|or)\s+)?$",
    re.IGNORECASE,
)
_EXISTENTIAL_BEFORE = re.compile(
    r"\bthere\s+(?:were|was|is|are|have\s+been|has\s+been)\s+(?:also\s+)?(?:an?\s+|no\s+|some\s+|many\s+)?$",
    re.IGNORECASE,
)
_RELATIVE_TO_DATE = re.compile(r"^\s+(?:that|which)\s+[^,;]*$", re.IGNORECASE)
_ATTRIBUTION_BEFORE = re.compile(r"\baccording\s+to\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
# words between a date and the noun it modifies: "the 1997 Commission on Human Rights for the National Assembly report"
_MODIFIER_WORD = re.compile(
    r"(?:[A-Z][\w'’.&-]*|of|for|on|the|and|in|against|[a-z]+-[\w-]+|\([A-Z][\w&/-]*\))(?:'s|’s)?"
)


def _is_modifier_gap(gap: str) -> bool:
    """Whether the words between a date and a noun are all names or modifiers of that noun."""
    return gap[:1].isspace() and gap[-1:].isspace() and all(_MODIFIER_WORD.fullmatch(w) for w in gap.split())


@dataclass(frozen=True)
class Trigger:
    """The trigger chosen for a date: its event type, distance to the date and start offset."""

    event_type: str
    distance: int
    start: int
    end: int = -1  # end offset of the trigger's match (-1: not known)


def nearest_trigger(text: str, date_start: int, date_end: int) -> Trigger | None:
    """The trigger nearest to the date at `date_start:date_end` of `text`, or None.

    Ties go to the more specific type; an arrest, a reporting verb and a report or agreement noun far
    from the date are chosen only when nothing else is there.
    """
    best: tuple[int, int, str, int, int] | None = None
    weak: tuple[int, int, str, int, int] | None = None
    may_match = _RULE_WORDS.held(text, folded(text))
    for index, (name, pattern) in enumerate(_RULES):
        if index not in may_match:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            before = text[max(0, start - 60) : start]
            if name in _LOWERCASE_ONLY and start > 0 and text[start].isupper():
                continue
            if date_end <= start and _RELATIVE_BEFORE.search(before):
                continue  # "transferred two officers who were convicted": the participants' past, not the event
            if start < date_end and date_start < end:
                # a match around the date ("signed the Protocol in 2004 ... implementing legislation") is as near
                # as its nearer end: a trigger word next to the date is nearer
                distance = max(0, min(date_start - start, end - date_end)) if start < date_start < date_end < end else 0
            elif end <= date_start:
                # "a report that gained wide coverage this week": the date of the relative clause is its noun's
                distance = 0 if _RELATIVE_TO_DATE.match(text[end:date_start]) else date_start - end
            else:
                distance = 0 if _is_modifier_gap(text[date_end:start]) else start - date_end
            if name == "report_published":
                attribution = _ATTRIBUTION_BEFORE.search(before)
                if attribution and not start - len(before) + attribution.start() <= date_start < start:
                    continue  # "According to press reports, in December the company signed ...": a source
            if name == "report_published" and _EXISTENTIAL_BEFORE.search(before):
                continue  # "In 2007, there were reports of ...": hearsay, not a publication
            if name == "reported" and start < date_end:
                continue  # "the Director reported that since ... 2007": the date is the content's
            candidate = (distance, _ORDER[name], _ALIAS.get(name, name), start, end)
            if name in ("report_published", "reported") and (start > 0 and text[start - 1] == "-"):
                continue  # "employer-reported runaway workers": a compound, not a report
            if name == "reported" and _PASSIVE_REPORT_BEFORE.search(before):
                continue  # "in what was reported to be a mafia meeting": hearsay
            if name in _WEAK or distance > _NOUN_REACH.get(name, distance):
                if name in ("agreement_noun", "court_noun"):
                    continue
                weak = candidate if weak is None or candidate < weak else weak
            elif best is None or candidate < best:
                best = candidate
    chosen = best or weak
    return Trigger(chosen[2], chosen[0], chosen[3], chosen[4]) if chosen else None


def classify(text: str, date_start: int, date_end: int) -> str:
    """Event type of the clause `text` whose date lies at `date_start:date_end`: the nearest trigger's type."""
    trigger = nearest_trigger(text, date_start, date_end)
    return trigger.event_type if trigger else "other"


def trigger_types(text: str) -> set[str]:
    """All event types whose trigger occurs in a text."""
    return {_ALIAS.get(name, name) for name, pattern in _RULES if pattern.search(text)}
