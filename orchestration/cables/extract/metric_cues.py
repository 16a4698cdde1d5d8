"""Cue words that name the measure of a figure: the verb or noun governing it before ("arrested 91", "convictions
of 28") or after ("137 victims ... were rescued")."""

from __future__ import annotations

import re

from orchestration.cables.extract.text_scan import WordSets, required_words

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
            r"assisted|assisting|sheltered|sheltering|helped|(?:services|assistance)\s+(?:to|for)|housing|"
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
        ("convictions", r"convicted|sentenced|found\s+guilty|received\s+(?:[\w-]+\s+){0,3}sentences?"),
        ("prosecutions", r"prosecuted|charged|indicted|tried|brought\s+to\s+trial|stood\s+trial"),
        ("acquittals", r"acquitted|acquittals?|reinvestigation"),
        ("convictions", r"resulted\s+in\s+(?:\w+\s+){0,3}convictions?"),
        ("investigations", r"investigated|under\s+investigation"),
        ("victims_rescued", r"rescued|withdrawn|freed|liberated|removed\s+from"),
        (
            "victims_referred",
            r"referred|(?:sent|transferred|handed\s+over|taken|brought)\s+to\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}"
            r"(?:shelters?|cent(?:er|re)s?|NGOs?|care|protection)",
        ),
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


# the words each cue cannot match without (the cheap test first: a clause names few cues, if any)
_BEFORE_CUE_WORDS = WordSets([required_words(pattern) for _, pattern in _BEFORE_CUES])
_AFTER_CUE_WORDS = WordSets([required_words(pattern) for _, pattern in _AFTER_CUES])


def before_cue(before: str) -> tuple[str | None, int]:
    """Measure of the closest cue ending right before a figure, and how many words lie between."""
    best, best_gap = None, 99
    window = before[-160:]
    held = _BEFORE_CUE_WORDS.held(window)
    for i, (measure, pattern) in enumerate(_BEFORE_CUES):
        m = pattern.search(window) if i in held else None
        if not m:
            continue
        gap_text = m.group(0)
        cue = _BEFORE_CUE_HEAD.match(gap_text)
        gap_words = len(re.findall(r"[\w/]+", gap_text[cue.end() :])) if cue else 0
        limit = _MAX_GAP_WORDS.get(measure, 4)
        if gap_words <= limit and gap_words < best_gap:
            best, best_gap = measure, gap_words
    return best, best_gap


def after_cue(after: str) -> str | None:
    """Measure of the closest cue after a figure, in its clause ("137 victims ... were rescued"); training may come
    after a long list of who took part ("27 members of the Syrian Parliament and other SARG officials participated
    in an IOM-sponsored consciousness-raising workshop")."""
    stop = re.search(r"[;:]|\.(?=\s+[A-Z]|\s*$)|\d", after)  # "U.S. custody" goes on
    window = after[: stop.start()] if stop else after
    best, best_pos = None, 999
    held = _AFTER_CUE_WORDS.held(window)  # on the whole window: a word beyond a cue's reach lets the pattern decide
    for i, (measure, pattern) in enumerate(_AFTER_CUES):
        reach = 140 if measure == "persons_trained" else 90
        m = pattern.search(window[:reach]) if i in held else None
        if m and m.start() < best_pos:
            best, best_pos = measure, m.start()
    return best
