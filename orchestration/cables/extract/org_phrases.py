"""Reading a capitalised run as organizations: splitting enumerations, resolving the whole run or its longest
known parts, branches of known bodies, and acronyms the cable never defines."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from babel import Locale
from babel.numbers import get_territory_currencies, list_currencies

from orchestration.cables.extract.org_chunks import Token, text_between, text_of, trim
from orchestration.cables.extract.org_countries import ADJECTIVE_COUNTRY, COUNTRY_NAMES
from orchestration.cables.extract.org_lexicon import HEAD_TYPES, MULTIWORD_HEADS, has_head
from orchestration.cables.extract.org_resolver import Org, Resolver, Span, is_acronym, strip_possessive
from orchestration.cables.extract.org_vocabulary import (
    ACRONYM_STOP,
    CONNECTORS,
    LEADING_STOP,
    TITLE_WORDS,
    TRAILING_BREAK,
    WEAK_HEADS,
)
from orchestration.cables.extract.text_scan import WORD_START

# an amount: with thousands separators or a scale word ("200,000", "340 million", "1.5 billion")
_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?\s(?:million|billion|thousand)\b"
# Each pattern opens on a character class, which lets the regex engine skip to where one stands (an opening "\b" makes
# it try every position): "\b[A-Z]{3}" is written "[A-Z]" then the boundary tested behind it (WORD_START) then
# "[A-Z]{2}", and an amount's first digit is taken out in front of its alternatives; the matches are the same.
_AMOUNT_AFTER_DIGIT = r"\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?\s(?:million|billion|thousand)\b"
_UNIT_PATTERNS = (
    re.compile(rf"([A-Z]{WORD_START}[A-Z]{{1,3}}[a-z]?)\s(?:{_AMOUNT})"),  # "NIS 340 million"
    re.compile(rf"\d(?:{_AMOUNT_AFTER_DIGIT})\s([A-Z]{{2,4}}[a-z]?)\b"),  # "200,000 CFAF"
)
# "USD18", glued: a unit; "USD 400": a unit when the code is a currency's (below). One pass finds both, told apart by
# the space: no match of either starts inside a match of the other, so they are the matches of the two patterns
# "([A-Z]{3})\d" and "([A-Z]{3})\s\d" each on its own (a scan of the whole cable fewer)
_CODE_BEFORE_DIGIT = re.compile(rf"([A-Z]{WORD_START}[A-Z]{{2}})(\s?)\d")
_LEADING_ARTICLE = re.compile(r"^(?:the|and|The)\s+")
_CAPITALISED_WORD = re.compile(r"[A-Z][\w'-]*")
_UNDEFINED_ACRONYM = re.compile(r"[A-Z]{3,8}(?:[/-][A-Z]{2,8})?")
_ROMAN_NUMERAL = re.compile(r"[IVX]+")
_DIGIT = re.compile(r"\d")
_NAME_OR_DIGIT_AT_END = re.compile(r"\b[A-Z][a-z]+$|\d$")
_CAPITALS_AT_END = re.compile(r"(?:^|\s)([A-Z]{2,})$")
_CAPITALS_AT_START = re.compile(r"([A-Z]{2,})\b")
_NAME_AT_START = re.compile(r"([A-Z][a-z]+)(?:\s+([A-Z][a-z]+))?\b")
_COMPANY_FORM = re.compile(r"(?:JSC|OJSC|CJSC|LLC|LLP)\s+[A-Z]")
_BRANCH_IN_TWO_WORDS = re.compile(r"(.+?)[\s-]+(?:in\s+)?([A-Z][a-z]+ [A-Z][a-z]+)")
_BRANCH_IN_ONE_WORD = re.compile(r"(.+?)[\s-]+(?:in\s+)?([A-Z][a-z]+)")
_WORD_OF_ACRONYM = re.compile(r"[A-Z][a-z]+\s+(?:for|of)\s+([A-Z][A-Za-z/-]+)")


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    return frozenset(list_currencies())


def units_of(text: str) -> frozenset[str]:
    """The codes a cable writes as units of amounts (currencies, mostly): no organization in that cable."""
    found = {code for pattern in _UNIT_PATTERNS for code in pattern.findall(text)}
    plain = set()
    for code, space in _CODE_BEFORE_DIGIT.findall(text):
        (plain if space else found).add(code)
    return frozenset(found | (plain & _currency_codes()))


@lru_cache(maxsize=1)
def _territory_codes() -> dict[str, str]:
    return {name: code for code, name in Locale("en").territories.items() if len(code) == 2}


def currencies_at_post(resolver: Resolver) -> frozenset[str]:
    """The dollar's code and the host country's currency codes when the cable was sent ("USD", "KHR")."""
    territory = _territory_codes().get(resolver.country or "")
    sent = resolver.cable.sent_at.date() if resolver.cable.sent_at else None
    if territory is None:
        return frozenset({"USD"})
    return frozenset({"USD", *get_territory_currencies(territory, start_date=sent, end_date=sent)})


class _Undefined(NamedTuple):
    """A word that may be an acronym the cable never defines: its neighbours decide (`PhraseReader._undefined_acronym`);
    `otherwise`: what the word names when they say no."""

    acronym: str
    otherwise: Org | None


_UNREAD = object()  # no answer remembered yet
# the last words of the countries' names: the place of a branch ("UNICEF Thailand", "PACT-Cambodia") ends with one
_COUNTRY_LAST_WORDS = frozenset(name.rsplit(" ", 1)[-1] for name in COUNTRY_NAMES)


def _may_end_with_country(phrase: str) -> bool:
    """Whether a phrase's last word after a space or a hyphen may end a country's name: a cheap test before the branch
    patterns, whose place is the phrase's last word or two. True when unsure: a phrase with whitespace other than the
    space (any such is unprintable)."""
    if not phrase.isprintable():
        return True
    return phrase[max(phrase.rfind(" "), phrase.rfind("-")) + 1 :] in _COUNTRY_LAST_WORDS


@lru_cache(maxsize=4096)
def _trimmed_away(word: str) -> bool:
    """Whether `trim` leaves nothing of a run of this one word (an opener, a connector, a comma, a title)."""
    return not trim([(word, 0, len(word))])


class PhraseReader:
    """Turns the capitalised runs of one cable into organization spans."""

    def __init__(self, resolver: Resolver, vocabulary: set[str], full_text: str) -> None:
        self.resolver = resolver
        self.vocabulary = vocabulary  # the cable's lower-case words: an undefined acronym that is one is a word
        self.full_text = full_text
        self.units = units_of(full_text) | currencies_at_post(resolver)
        # what a word says of itself (see `_word_verdict`), read once per cable rather than at each of its mentions;
        # kept while the resolver's generation stays the same
        self._word_verdicts: dict[str, Org | _Undefined | None] = {}
        self._acronym_verdicts: dict[str, Org | _Undefined | None] = {}
        self._known: dict[str, Org | None] = {}  # `known`'s answers
        self._generation = resolver.generation

    def orgish(self, phrase: str, strong: bool = False) -> bool:
        """Whether a phrase is a known body or has a head word (`strong`: one that can stand alone)."""
        phrase = _LEADING_ARTICLE.sub("", phrase.strip())
        if self.resolver.lookup_name(phrase) or phrase in self.resolver.by_acronym:
            return True
        if not strong:
            return has_head(phrase)
        return any(head in phrase for head in MULTIWORD_HEADS) or any(
            word in HEAD_TYPES and word not in WEAK_HEADS for word in _CAPITALISED_WORD.findall(phrase)
        )

    def run_spans(self, text: str, run: list[Token]) -> list[Span]:
        """The organizations of a capitalised run: those of each of its segments, trimmed. A run of one word, most
        runs, has nothing to split, and trimming keeps the word or leaves nothing: it is read as a word at once."""
        if len(run) == 1:
            return [] if _trimmed_away(run[0][0]) else self._word_spans(text, run)
        spans: list[Span] = []
        for segment in self.segments(text, run):
            spans.extend(self.segment_spans(text, trim(segment)))
        return spans

    def segments(self, text: str, chunk: list[Token]) -> list[list[Token]]:
        """Split a run at commas and 'and' where the parts name organizations of their own, and at 'at' between
        two bodies ("The Protection Project at Johns Hopkins University School of ...")."""
        if len(chunk) == 1:
            return [chunk]  # one word, most runs: nothing to split (the rules below would keep it whole)
        words = [t[0] for t in chunk]
        if "at" in words:
            left, right = chunk[: words.index("at")], chunk[words.index("at") + 1 :]
            if left and right and has_head(text_of(text, left)) and has_head(text_of(text, right)):
                return self.segments(text, left) + self.segments(text, right)
        pieces: list[list[Token]] = [[]]
        seps: list[str] = []
        for token in chunk:
            if token[0] in {",", "and", "&"}:
                if pieces[-1]:
                    pieces.append([])
                    seps.append(token[0])
                elif seps:
                    seps[-1] = "," if "," in (seps[-1], token[0]) else token[0]
            else:
                pieces[-1].append(token)
        pieces = [p for p in pieces if p]
        if len(pieces) <= 1:
            return [chunk]
        segments = [pieces[0]]
        starts = [chunk.index(pieces[0][0])]
        for piece, sep in zip(pieces[1:], seps, strict=False):
            left = text_of(text, trim(segments[-1]) or segments[-1])
            right = text_of(text, trim(piece) or piece)
            words = right.split(" ")
            right_known = any(
                (k > 1 or is_acronym(words[0])) and self.known(strip_possessive(" ".join(words[:k])))
                for k in range(len(words), 0, -1)
            )
            new_phrase = sep == "and" and piece[0][0] == "the" and len(piece) > 1
            # "the Presidency, and HAMAS": an acronym is a name of its own
            new_phrase = new_phrase or (len(piece) == 1 and is_acronym(piece[0][0]) and piece[0][0] not in ACRONYM_STOP)
            both = self.orgish(right, strong=True) and (sep == "," or self.orgish(left, strong=True))
            if right_known or new_phrase or both:
                segments.append(piece)
                starts.append(chunk.index(piece[0]))
            elif (
                sep == ","
                and piece is pieces[-1]
                and self.orgish(left, strong=True)
                and all(w[:1].isupper() and w[1:].islower() for w in right.split())
                and not all(w.lower() in self.vocabulary or w in CONNECTORS for w in right.split())
            ):
                break  # "Appeals Court, Ly Vouch Leang": a person follows the organization
            else:
                segments[-1] = chunk[starts[-1] : chunk.index(piece[-1]) + 1]
        return segments

    def segment_spans(self, text: str, tokens: list[Token]) -> list[Span]:
        """The organizations of one segment: the whole of it, else its longest known parts and acronyms."""
        if not tokens:
            return []
        if len(tokens) == 1:
            return self._word_spans(text, tokens)
        tokens = self.without_person(tokens)
        for i, token in enumerate(tokens[:-1]):
            if not token[0].endswith(("'s", "’s")):
                continue
            owner = text_of(text, tokens[: i + 1])[:-2]
            rest = " ".join(t[0] for t in tokens[i + 1 :])
            if self.known(owner) and not has_head(rest) and not self.known(rest):
                tokens = tokens[: i + 1]  # "Embassy Madrid's Classified (Website)": the owner is the body
                break
        phrase = text_of(text, tokens)
        start, end = tokens[0][1], tokens[-1][2]
        if phrase.endswith(("'s", "’s")):
            end -= 2
        org = self._resolve_whole(phrase, tokens)
        if org:
            return [Span(start, end, org)]
        # longest known sub-phrases, then acronyms
        spans: list[Span] = []
        i = 0
        while i < len(tokens):
            found = self._longest_known_part(text, tokens, i)
            if found:
                j, org, sub = found
                sub_end = sub[-1][2] - (2 if sub[-1][0].endswith(("'s", "’s")) else 0)
                spans.append(Span(sub[0][1], sub_end, org))
                i = j
            else:
                i += 1
        return spans

    def _longest_known_part(self, text: str, tokens: list[Token], i: int) -> tuple[int, Org, list[Token]] | None:
        """The longest part tokens[i:j] that names a body, neither starting nor ending with a connector, as (j, the
        body, the part); None when none does."""
        if tokens[i][0] in CONNECTORS:
            return None  # every part from i starts with it
        # (asked of every part of every segment no body names whole: the part's text is read from its first token's
        # start and its last one's end, without slicing the tokens; the one-token part last, as before, on its own)
        start = tokens[i][1]
        known = self.known
        for j in range(len(tokens), i + 1, -1):
            last = tokens[j - 1]
            if last[0] in CONNECTORS:
                continue
            org = known(strip_possessive(text_between(text, start, last[2])))
            if org:
                return j, org, tokens[i:j]
        # the part of one token: a known acronym, else an acronym the cable defines or may leave undefined, else a name
        sub_phrase = strip_possessive(text_between(text, start, tokens[i][2]))
        org = known(sub_phrase) if is_acronym(sub_phrase) else None
        if org is None:
            org = self._acronym(sub_phrase, text, tokens[i])
        if org is None:
            org = self.resolver.lookup_name(sub_phrase)  # (remembered: asking again would answer the same)
        return (i + 1, org, tokens[i : i + 1]) if org else None

    def _word_spans(self, text: str, tokens: list[Token]) -> list[Span]:
        """`segment_spans` of a segment of one word, most segments, without the steps that need several: the word
        resolved whole, else as a known acronym or name, else as an acronym the cable never defines."""
        word, start, end = tokens[0]
        if word.endswith(("'s", "’s")):
            end -= 2
        org = self._remembered(self._word_verdicts, word, self._word_verdict)
        if isinstance(org, _Undefined):
            org = self._undefined_acronym(org.acronym, text, tokens[0]) or org.otherwise
        return [Span(start, end, org)] if org else []

    def _remembered(self, verdicts: dict, word: str, read) -> Org | _Undefined | None:
        """`read(word)`, remembered in `verdicts` while the resolver answers as it did (a cable repeats its words:
        "TIP", "Ministry", "Government" ...). A reading that changed the resolver is not kept: read again, it might
        answer otherwise."""
        if self._generation != self.resolver.generation:  # (tested here first: asked of every word, seldom true)
            self._forget_if_stale()
        if word in verdicts:
            return verdicts[word]
        verdict = read(word)
        if self._generation == self.resolver.generation:
            verdicts[word] = verdict
        return verdict

    def _forget_if_stale(self) -> None:
        """Forget what was read of the resolver's answers when it may now answer otherwise."""
        if self._generation != self.resolver.generation:
            self._word_verdicts.clear()
            self._acronym_verdicts.clear()
            self._known.clear()
            self._generation = self.resolver.generation

    def _word_verdict(self, word: str) -> Org | _Undefined | None:
        """What a one-word segment names whatever its neighbours: the word resolved whole, else as a known acronym,
        else as an acronym the cable defines or a government's, else by name; `_Undefined` when it may be an acronym
        the cable never defines (its neighbours decide, see `_undefined_acronym`), with what it names otherwise."""
        org = self._resolve_whole(word, [(word, 0, len(word))])  # (of the tokens, only the words are read)
        if org:
            return org
        if word in CONNECTORS:
            return None
        bare = strip_possessive(word)
        org = self.known(bare) if is_acronym(bare) else None
        if org is None:
            org = self._acronym_verdict(strip_possessive(bare))  # as `_acronym` reads it
        if isinstance(org, _Undefined):
            return _Undefined(org.acronym, self.resolver.lookup_name(bare))
        return org or self.resolver.lookup_name(bare)

    def without_person(self, tokens: list[Token]) -> list[Token]:
        """ "Itzik Bar Muha of the Jerusalem Gang": a name of words the cable never writes in lower case, with no
        head word, before "of" and a body, is a person; the body is what follows."""
        words = [t[0] for t in tokens]
        if "of" not in words:
            return tokens
        before, after = words[: words.index("of")], words[words.index("of") + 1 :]
        person = (
            before
            and all(w[:1].isupper() and not w.isupper() and w.lower() not in self.vocabulary for w in before)
            and not any(ADJECTIVE_COUNTRY.get(w.lower()) for w in before)
            and not has_head(" ".join(before))
            and not any(self.known(" ".join(before[:k])) for k in range(1, len(before) + 1))
            and has_head(" ".join(after))
        )
        return trim(tokens[len(before) + 1 :]) if person else tokens

    def known(self, phrase: str) -> Org | None:
        """The body a phrase names by the seed, the cable's definitions or a government pattern (remembered: the
        longest-known-part search asks of the same phrases again and again)."""
        if self._generation != self.resolver.generation:  # (tested here first: asked of every phrase, seldom true)
            self._forget_if_stale()
        org = self._known.get(phrase, _UNREAD)
        if org is _UNREAD:
            org = self._known[phrase] = self._read_known(phrase)
        return org

    def _read_known(self, phrase: str) -> Org | None:
        """`known`, read from the resolver."""
        resolver = self.resolver
        if phrase in resolver.by_acronym:
            return resolver.by_acronym[phrase]
        return resolver.lookup_name(phrase) or resolver.governments(phrase)

    def _acronym(self, token: str, text: str, position: Token) -> Org | None:
        """The body an acronym names: one the cable or the seed defines, the host government's, or one the cable
        never defines where its neighbours allow (`position`: its token in `text`)."""
        token = strip_possessive(token)
        org = self._remembered(self._acronym_verdicts, token, self._acronym_verdict)
        if isinstance(org, _Undefined):
            return self._undefined_acronym(token, text, position)
        return org

    def _acronym_verdict(self, token: str) -> Org | _Undefined | None:
        """What `_acronym` finds of a token (without its possessive) whatever its neighbours: a body, None, or
        `_Undefined` when it may be an acronym the cable never defines."""
        if token.endswith("s") and token[:-1] in self.resolver.by_acronym:
            return None
        if not is_acronym(token):
            return None
        org = self.resolver.by_acronym.get(token) or self.resolver.government_acronym(token)
        if org:
            return org
        if (
            token in ACRONYM_STOP
            or token.upper() in ACRONYM_STOP
            or token in self.resolver.not_bodies
            or token in self.units
        ):
            return None
        # an acronym the cable never defines: keep it unless it is a word, a surname or a heading
        if (
            not _UNDEFINED_ACRONYM.fullmatch(token)
            or ADJECTIVE_COUNTRY.get(token.lower())
            or (_ROMAN_NUMERAL.fullmatch(token))
        ):
            return None
        if all(part in self.vocabulary for part in token.lower().split("-")):
            return None  # a word ("FINALLY") or words ("TWO-YEAR") the cable writes in lower case
        return _Undefined(token, None)

    def _undefined_acronym(self, token: str, text: str, position: Token) -> Org | None:
        """An acronym the cable never defines, as a body of its own unless its neighbours show a heading, a surname's
        initials, a code beside a number or part of an all-capitals phrase."""
        before = text[: position[1]].rstrip()
        after = text[position[2] :].lstrip()
        # the patterns anchored at the end of `before` see only its last word: searching that is not searching it all
        last_word = before.rsplit(None, 1)[-1] if before else ""
        if after.startswith(":") or _NAME_OR_DIGIT_AT_END.search(last_word) or _DIGIT.match(after):
            # a heading, a surname's initials, or a currency or code beside a number ("NIS 340 million")
            return None
        if self._not_a_body_by_its_neighbours(before, last_word, after):
            return None
        return Org(token, token, "other", None)

    def _not_a_body_by_its_neighbours(self, before: str, last_word: str, after: str) -> bool:
        """An undefined acronym inside a redaction ("[NAME REMOVED]"), beside another capitalised word of an
        all-capitals phrase ("EAGLE GUARDIAN", "BUENOS AIRES 1594"), or before a person's name, as a title
        ("COMISAF McChrystal", "LTG Smith"); `last_word` is the last word of `before`."""
        if before.rfind("[") > before.rfind("]"):
            return True
        for word in (_CAPITALS_AT_END.search(last_word), _CAPITALS_AT_START.match(after)):
            if word and word.group(1) not in self.resolver.by_acronym and word.group(1) not in ACRONYM_STOP:
                return True
        name = _NAME_AT_START.match(after)
        return bool(
            name
            and name.group(1).lower() not in self.vocabulary
            and not self.known(name.group(1))
            and not has_head(name.group(1))
            and name.group(1) not in TRAILING_BREAK
            and name.group(1) not in TITLE_WORDS
            and not COUNTRY_NAMES.get(name.group(1))
            and not ADJECTIVE_COUNTRY.get(name.group(1).lower())
        )

    def _resolve_whole(self, phrase: str, tokens: list) -> Org | None:
        phrase = strip_possessive(phrase)
        # whether the phrase has a space (any whitespace but the space is unprintable): the patterns below but one
        # need one, and most phrases are one word (a cheap test)
        spaced = " " in phrase or not phrase.isprintable()
        if spaced and _COMPANY_FORM.match(phrase):
            return Org(phrase, None, "company", None)
        org = self.known(phrase)
        if org:
            return org
        # "UNICEF Thailand", "Save the Children Norway", "PACT-Cambodia": a branch of a known body (after a space or a
        # hyphen)
        split = (spaced or "-" in phrase) and _may_end_with_country(phrase)
        for match in (_BRANCH_IN_TWO_WORDS.fullmatch(phrase), _BRANCH_IN_ONE_WORD.fullmatch(phrase)) if split else ():
            if match and COUNTRY_NAMES.get(match.group(2)) and self.known(match.group(1)):
                base = self.known(match.group(1))
                if base.org_type == "international_org" and COUNTRY_NAMES[match.group(2)] == self.resolver.country:
                    return base  # "IOM Turkey" in a cable from Turkey: the body's own mission
                if base.org_type in {"ngo", "international_org", "company"}:
                    return Org(phrase, None, base.org_type, COUNTRY_NAMES[match.group(2)])
        # "ENDA Ecopole", "GE Russia/CIS": a named branch of a known NGO or company
        words = phrase.split()
        if 2 <= len(words) <= 3 and not has_head(phrase):
            base = self.known(words[0])
            rest = words[1:]
            if (
                base
                and base.org_type in {"ngo", "company"}
                and all(
                    w[0].isupper()
                    and w not in LEADING_STOP
                    and w not in TITLE_WORDS
                    and w not in TRAILING_BREAK
                    and not self.known(w)
                    and not (ADJECTIVE_COUNTRY.get(w.lower()) and w not in COUNTRY_NAMES)
                    for w in rest
                )
            ):
                return Org(phrase, None, base.org_type, None)
        match = _WORD_OF_ACRONYM.fullmatch(phrase) if spaced and ("of" in phrase or "for" in phrase) else None
        if match and match.group(1) in self.resolver.by_acronym:
            return self.resolver.by_acronym[match.group(1)]
        if has_head(phrase):
            # a head word inside a known name ("International Justice Mission") does not count twice
            known_parts = [t for t in tokens if self.known(t[0])]
            if len(tokens) == 1 and known_parts:
                return None
            return self.resolver.resolve_phrase(phrase)
        return None
