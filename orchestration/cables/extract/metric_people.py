"""People who speak for an institution: "Ron Pollett, President and CEO of GE Russia/CIS, said ..." makes what
Pollett (or "he") says later a report of GE ("Pollett said he expects 2009 revenue ... $350 million")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from orchestration.cables.extract.text_scan import folded, holds_any, matches_from, starts_of

_NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
_NAME_RE = re.compile(_NAME)
# verbs of saying right after a person introduced by title; a text without one needs no reading for such people
_SAYS_EARLY_VERBS = (
    "said",
    "says",
    "noted",
    "explained",
    "told",
    "stated",
    "added",
    "claimed",
    "estimated",
    "reported",
    "believes",
    "expects",
)
_SAYS_EARLY = rf"(?:also\s+)?(?:{'|'.join(_SAYS_EARLY_VERBS)})\b"
# roles of people (in any case); a text that names none introduces no one
_ROLE_WORDS = (
    "president",
    "ceo",
    "director",
    "superintendent",
    "chief",
    "head",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "official",
    "representative",
    "coordinator",
    "manager",
    "commissioner",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "advisor",
    "adviser",
    "prosecutor",
    "judge",
    "officer",
    "deputy",
    "founder",
    "executive",
    "governor",
    "attorney",
    "inspector",
    "delegate",
    "ambassador",
)
_ROLE = rf"(?:{'|'.join(_ROLE_WORDS)})"
_ROLE_RE = re.compile(rf"\b{_ROLE}\b", re.I)
# a capitalised title: "Syrian Prime Minister", "Amazonas State Secretary of Public Safety"
_TITLE_WORDS = (
    rf"(?:[A-Z][\w-]*\s+){{0,4}}(?=[A-Z])(?i:{_ROLE})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){{0,3}}?)?"
)
_TITLE = re.compile(_TITLE_WORDS)
# "Syrian Prime Minister Mohammed Otri claimed": the title, then the person
_TITLE_BEFORE_NAME = re.compile(
    rf"(?P<title>{_TITLE_WORDS})\s+(?:{_NAME}\s+){{1,2}}(?P<surname>{_NAME})\s+{_SAYS_EARLY}"
)
# the person before a description: "Ron Pollett" of "Ron Pollett, President and CEO of GE Russia/CIS,"
_PERSON_BEFORE = re.compile(rf"(?:^|\s)(?:{_NAME}\s+){{0,3}}(?P<surname>{_NAME})$")
# the person after a title: "Askar Mamin" of "KTZ president Askar Mamin said"
_PERSON_AFTER = re.compile(rf"\s+(?:{_NAME}\s+){{0,2}}(?P<surname>{_NAME})\b")
# verbs of saying; a sentence without one has no one speaking in it
_SAYS_VERBS = (
    "said",
    "says",
    "noted",
    "notes",
    "explained",
    "told",
    "stated",
    "added",
    "claimed",
    "estimated",
    "reported",
    "believes",
    "expects",
    "stressed",
    "emphasized",
    "commented",
    "asserted",
    "worried",
    "complained",
    "argued",
)
_SAYS = rf"(?:also\s+|further\s+)?(?:{'|'.join(_SAYS_VERBS)})\b"
# "Pollett said", "according to Pollett"
_NAME_SPEAKS = re.compile(
    rf"\b(?:[Aa]ccording\s+to\s+(?:{_NAME}\s+)?(?P<a>{_NAME})\b|(?:{_NAME}\s+)?(?P<s>{_NAME})\s+{_SAYS})"
)
_PRONOUN_SAYS = re.compile(rf"(?<![\w])(?:[Hh]e|[Ss]he)\s+{_SAYS}")
# anyone who speaks by name: "Cavalcante, the Secretary of Public Safety, told poloff" (a later "he" is this person)
_ANYONE_SAYS = re.compile(rf"\b(?P<surname>{_NAME})(?:,\s+[^,;.]{{3,80}},)?\s+{_SAYS}")


@dataclass(frozen=True)
class Speaker:
    """A span of a sentence where a person speaks for an institution."""

    start: int
    end: int
    institution: str
    strong: bool  # "according to Pollett"


class People:
    """The people a cable introduces with their institution, and who speaks for which institution in a sentence."""

    def __init__(self, paragraphs: list[str], institutions_in: Callable[[str], list[str]]):
        self.institution_of: dict[str, str] = {}  # surname -> institution
        for text in paragraphs:
            for surname, description in _introductions(text):
                named = institutions_in(description) or list(filter(None, [titled(description)]))
                if named:
                    self.institution_of.setdefault(surname, named[0])
        self.last: str | None = None  # the institution of the person the paragraph last named

    def start_paragraph(self) -> None:
        """Forget who spoke: "he said" refers to a person of the same paragraph."""
        self.last = None

    def speakers(self, text: str) -> list[Speaker]:
        """Where in `text` a known person, or "he"/"she" after one, speaks for an institution."""
        if not self.institution_of:
            return []
        found = []
        # the cheap tests first: most sentences have no one speak, and name none of the cable's people
        says = holds_any(text, _SAYS_VERBS)
        for m in _NAME_SPEAKS.finditer(text) if says or "ccording" in text else ():
            group = "a" if m.group("a") else "s"
            if m.group(group) in self.institution_of:
                self.last = self.institution_of[m.group(group)]
                found.append(Speaker(m.start(group), m.end(group), self.last, bool(m.group("a"))))
        if holds_any(text, self.institution_of):
            named = set(_NAME_RE.findall(text)) & self.institution_of.keys()
            if named:
                self.last = self.institution_of[next(iter(named))]  # named without a verb of saying: "he said" later
        if not says:
            return found
        speakers = [m for m in _ANYONE_SAYS.finditer(text) if m.group("surname") not in ("He", "She", "It", "They")]
        if speakers and speakers[-1].group("surname") not in self.institution_of:
            self.last = None  # someone else speaks now
        if self.last:
            found += [Speaker(m.start(), m.start() + 2, self.last, False) for m in _PRONOUN_SAYS.finditer(text)]
        return found


# the spaces after a clause mark (group 1): opening on the mark lets the engine skip to it, where a look-behind for it
# made it try every place of the text
_SEGMENT_BREAK = re.compile(r"[,;.](\s+)")


def _introductions(text: str) -> list[tuple[str, str]]:
    """(surname, description) of the people a text introduces by their role: "Sergio Fontes, Amazonas Federal Police
    (PFAM) superintendent, said", "KTZ president Askar Mamin said"."""
    found: list[tuple[str, str]] = []
    roles = _roles(text)
    if not roles:
        return found  # most paragraphs
    segments = _segments(text)
    starts = [start for start, _ in segments]
    # the segments that name a role, in order, with where each of their roles starts in them: a role lies within the
    # last segment that starts before it
    roles_in: dict[int, list[int]] = {}
    for role in roles:
        i = bisect.bisect_right(starts, role) - 1
        roles_in.setdefault(i, []).append(role - starts[i])
    for i in sorted(roles_in):
        segment = segments[i][1]
        if i and segments[i - 1][1].endswith(",") and len(segment) <= 160:
            person = _PERSON_BEFORE.search(segments[i - 1][1][:-1])
            if person:
                found.append((person.group("surname"), segment))
        # `_ROLE_RE.finditer(segment)`, tried only where the text's roles start: a segment starts after spaces and
        # ends at a clause mark or at the text's end, so a role word is one in both alike
        for role in matches_from(_ROLE_RE, segment, roles_in[i]):
            person = _PERSON_AFTER.match(segment, role.end())
            if person and role.group(0)[0].islower():  # "KTZ president Askar Mamin", not "President Hugo Chavez"
                found.append((person.group("surname"), " ".join(segment[: role.start()].split()[-6:])))
        for title in _TITLE_BEFORE_NAME.finditer(segment) if holds_any(segment, _SAYS_EARLY_VERBS) else ():
            found.append((title.group("surname"), title.group("title")))
    return found


def _roles(text: str) -> list[int]:
    """Where a text names a role, as `_ROLE_RE.finditer` finds them: a role is a word of its own, so it is where one of
    the role words is written (the cheap test) and the pattern matches. A role lies within one segment."""
    lowered = folded(text)
    if lowered is None:
        return [m.start() for m in _ROLE_RE.finditer(text)]
    return [start for start in starts_of(lowered, _ROLE_WORDS) if _ROLE_RE.match(text, start)]


def _segments(text: str) -> list[tuple[int, str]]:
    """The segments of a text between clause marks (split at the spaces after each mark, the mark kept at the end of
    its segment), each with its start."""
    segments, start = [], 0
    for m in _SEGMENT_BREAK.finditer(text):
        segments.append((start, text[start : m.start(1)]))
        start = m.end(1)
    segments.append((start, text[start:]))
    return segments


def titled(description: str) -> str | None:
    """The office a capitalised title names when no institution does: "Syrian Prime Minister", "Amazonas State
    Secretary of Public Safety" (a title of one word, "President", names no one office)."""
    m = _TITLE.fullmatch(description.strip())
    return m.group(0) if m and len(m.group(0).split()) > 1 else None
