"""Patterns of institution names in a sentence: acronyms, capitalised names with an institutional head, common nouns
for institutions, reporters, and the phrases that introduce a source ("according to", "statistics from")."""

from __future__ import annotations

import re

from orchestration.cables.extract.text_scan import WordSets, at_word_start, holds_any, required_words, trie_pattern

NOT_ORG = frozenset(
    "TIP SBU USD KHR EUR CFAF FCFA XOF HIV AIDS GDP UXO PROTECT US USG ETC NB OK TV FM ID II III IV VI "
    "SUBJECT REF REFS END SUMMARY COMMENT TIER TVPA CSEC SGBV IDP IDPS NGO IO IOS GOVT POC POL POLOFF "
    "ECON ECONOFF DCM AMB CDA UNCLAS SENSITIVE BUT UNCLASSIFIED CONFIDENTIAL SECRET NOFORN PHUM KTIP KCRM "
    "SMIG ELAB KWMN PREL PGOV SOCI MOU ATM VIP MD PM AM A B C D E F G H I J K L M N P Q R S T CIS SOP "
    "SOPS TOT CEDAW CRC MOA MOUS NPA STD STDS DVD DVDS PSA PSAS RMB AKA CV EU- CEO CFO COO "
    # legal forms of companies, not names
    "JSC OJSC CJSC LLC LTD INC PLC GMBH "
    # the release's redaction marks ("XXXXXXXXXXXX said", "[NAME REMOVED]"), the cables' own marks ("BEGIN TEXT",
    # "(NOTE: ...)", "REFTEL")
    "REMOVED NAME DETAILS TEXT NOTE REFTEL SEPTEL".split()
)
# "MOI", "NGOs", "DHS/ICE", "AidTous": a capital not after a word, "/" or "-" (tested after it, so that the engine
# skips straight to capitals), then more letters with another capital
ACRONYM = re.compile(
    r"([A-Z](?<![\w/-].)(?:[A-Za-z]*[A-Z](?:/[A-Z]+)?s?|[A-Z]+[a-z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*))"
    r"(?![\w]|-(?!assisted|sponsored|funded|led|run|organized|supported)\b)"
)
HEADS = (
    r"Court|Ministry|Police|Center|Centre|Commission|Council|Department|Office|Unit|Mission|Association|Institute|"
    r"Organization|Organisation|Foundation|Committee|Agency|Bureau|Prosecutor|Prosecutors|Services?|Task Force|Fund|"
    r"Program|Programme|Project|Union|Bank|Network|Coalition|Alliance|Directorate|Authority|Embassy|Parliament|"
    r"Assembly|Government|Secretariat|Tribunal|Brigade|Gendarmerie|Prosecution|Federation|Society|Corps|Forces|"
    r"Institution|League|Church|University|Caritas|Watch|International|center|centre"
)
# what "the court", "the Ministry", "the shelter" or a shorter name may point back to: a capitalised head, or one of
# the common nouns (in two patterns: the engine skips to capitals in the first, the nouns are looked up first)
_ANTECEDENT_NAME = re.compile(at_word_start(head for head in HEADS.split("|") if head[0].isupper()) + r"\b")
_ANTECEDENT_NOUNS = (
    *(head for head in HEADS.split("|") if head[0].islower()),
    *("court", "tribunal", "ministry", "shelter", "government"),
)
_ANTECEDENT_NOUN = re.compile("(?:" + trie_pattern(_ANTECEDENT_NOUNS, word_start=True) + r")\b")


def names_antecedent(text: str) -> bool:
    """Whether a text names something a later "the court", "the Ministry", "the shelter" or shorter name may point
    back to (a head of an institution's name, or its common noun, as a word of its own)."""
    return bool(_ANTECEDENT_NAME.search(text) or (holds_any(text, _ANTECEDENT_NOUNS) and _ANTECEDENT_NOUN.search(text)))


CAP = r"(?:[A-Z][\w'’&-]*|of|the|for|and|on|de|du|des|la|le|pour|les)"
NAMED = re.compile(
    rf"(?<![\w])(?:[A-Z][\w'’&-]*\s+){{0,5}}(?:{HEADS})(?![\w'’-])(?:\s+(?:of|for|on)(?:\s+the)?\s+[A-Z][\w'’-]*"
    rf"(?:\s+(?:and\s+)?[A-Z][\w'’-]*){{0,4}})?(?:\s+\((?P<acr>[A-Z][A-Za-z/&]+)\))?"
)
# what NAMED cannot match without (tested first: most sentences name no institution)
NAMED_HEAD = re.compile(HEADS)
# a common noun for an institution, with the place or kind that names it: "police", "Senegalese courts", "federal
# police", "a Tel Aviv district court", "the government shelter"
GENERIC = re.compile(
    r"(?<![\w])(?:(?P<adj>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+)?"
    r"(?:(?P<kind>federal|national|military|civil|state|border|judicial|tourist|immigration|district|municipal|"
    r"provincial|city|regional|criminal|appeals?|juvenile|government)\s+)?"
    r"(?P<head>[Pp]olice|[Gg]overnment|courts|court|prosecutors|NGOs|[Pp]ublic [Pp]rosecutor's office|shelter|"
    r"cent(?:er|re)|Ministry|ministry)\b(?![\w-])"
)
INLINE = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|on|and|the|de|du|des|pour|les|la|le|in)\s+)*){1,8})"
    r"\(([A-Z][A-Za-z/&]{1,9})\)"
)
# what INLINE cannot match without: an acronym in brackets
INLINE_ACRONYM = re.compile(r"\(([A-Z][A-Za-z/&]{1,9})\)")
REPORTER = re.compile(
    r"((?:[A-Z][\w'’&.-]*\s+){0,4}[A-Z][\w'’&-]*)\s+(?:also\s+|further\s+|recently\s+)?"
    r"(?:reported|reports|said|says|stated|estimated|estimates|noted|announced|recorded|indicated|claimed|told)\b"
)
LEADING = frozenset(
    "In During The On From Since According Of By With Under After Before At For As Also However A An This "
    "That These Those It They He She We Post Embassy Poloff Econoff Both Some Many Other Local Most All".split()
)
PERSON_TITLE = re.compile(
    r"\b(?:President|Minister|Director|Ambassador|Mr|Mrs|Ms|Dr|General|Secretary|Chairman|"
    r"Chief|Governor|Deputy|Head|King|Prince|Judge|Officer|Colonel|Captain)\b"
)
DATEWORD = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
STUDY = re.compile(
    r"\b(?:(?:[Tt]he|[Aa]n?|[Tt]his)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|([A-Z][a-z]+)(?:'s|’s))"
    r"\s+(?:\d{4}\s+)?(?:[a-z]+\s+)?(?:study|survey|report|research|analysis)\b"
)
AFTER_NUMBER = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million))\s+(?:[a-z-]+\s+)?$",
    re.I,
)
# "with the international NGO Equal Access", "to local NGOs": the object of a preposition, not a subject
PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|from|with|by|for|at|on|into|under|between|among|in|against|such\s+as|including|like)\s+"
    r"(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:[a-z][\w-]*|[A-Z]{2,}s?)\s+){0,3}$"
)
# 'an office ("Brigade de Mineurs" ...)': a bracketed aside after a common noun, not "Name (ACRONYM)"
ASIDE_BEFORE = re.compile(r"\b[a-z][\w-]*\s*\(\s*[\"“]?$")
# "According to the shelter director": a role of an institution, named for it
ACCORDING_ROLE = re.compile(
    r"\b[Aa]ccording\s+to\s+(?:the|a|an)\s+(?P<role>(?:[a-z][\w-]*\s+){0,2}(?:director|official|spokesman|"
    r"spokesperson|spokeswoman|representative|coordinator|manager|commissioner|chief|head|officer|prosecutor|judge|"
    r"minister|president|chairman|chairwoman))\b"
)
# "According to leading Brazilian newsweekly Veja": a publication or body named after what it is
ACCORDING_NAMED = re.compile(
    r"\b[Aa]ccording\s+to\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+|[A-Z][a-z]+\s+){0,3}?(?:newspaper|newsweekly|"
    r"weekly|daily|magazine|journal|news\s+agency|agency|NGO|organization|group|institute|website|think\s+tank)\s+"
    r"(?P<name>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})"
)
ACCORDING = re.compile(
    r"\b(?:[Aa]ccording to(?:\s+(?:statistics|data|figures|information|a\s+report|a\s+study)"
    r"\s+(?:from|by|of))?|[Rr]eported by|[Ss]tatistics from|[Dd]ata from|[Ff]igures from|"
    r"[Pp]er|[Ss]ources? (?:at|in|within|close\s+to)|[Cc]ited by|[Ss]tudy by|[Rr]eport by|"
    r"(?:[Rr]esearch|[Ss]tudy|[Ss]urvey|[Rr]eport|[Aa]ssessment)\s+(?:conducted|carried\s+out|published|released|"
    r"compiled|prepared)(?:\s+in\s+\d{4})?\s+by)\s+(?:the\s+)?$"
)

# which of these patterns a text may match, by the words each cannot match without, found in one pass (the cheap
# test first: most sentences name no institution): WORDS.held(text) holds GENERIC_AT if GENERIC may match, ...
WORDS = WordSets([required_words(pattern) for pattern in (GENERIC, REPORTER, STUDY, ACCORDING_ROLE, ACCORDING_NAMED)])
GENERIC_AT, REPORTER_AT, STUDY_AT, ACCORDING_ROLE_AT, ACCORDING_NAMED_AT = range(5)


# "the court" stands for the last named court, "the government" for the last named government ("the Cambodian
# government ... the government's arrest record")
ANAPHORA = {"court": {"court", "tribunal"}, "government": {"government"}}
GENERIC_HEADS = {"government", "police", "courts", "court", "authorities", "ministries", "prosecutors", "ngos"}
# words before "police", "courts" that do not name which: "Local police", "The courts"
NOT_ADJECTIVE = frozenset(
    "The In On During Local Provincial National Municipal Both These Those This That Some Many Other Several "
    "All".split()
)
GENERIC_NAMES = {"police", "government", "courts", "prosecutors", "NGOs", "court", "center", "centre", "shelter"}
