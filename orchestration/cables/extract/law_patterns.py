"""The grammar of law names in cable prose: the regular expressions the law finders match sentences with."""

from __future__ import annotations

import re

from orchestration.cables.extract.law_lexicon import DATE, MONTH
from orchestration.cables.extract.text_scan import required_words, trie_pattern

# head nouns of a named legal instrument
_HEAD = (
    r"(?:Law|Code|Act|Decree|Sub-[Dd]ecree|Constitution|Convention|Guidelines|Protocol|Amendments|Charter|"
    # a bill before a capitalised word is a person ("Ambassador to the EU Bill Kennard")
    r"Agreement|Statute|Manual|Bill(?!s?\s+[A-Z][a-z]))"
)
_CAP = r"(?:[A-Z][\w'’-]*|U\.S\.|U\.N\.)"
# a word of a law's name before its head: "Anti-Trafficking in Persons Act", "Human Trafficking (Control) Act"
_PRE_HEAD = rf"(?:{_CAP}|\([A-Z][a-z]+\))(?:\s+(?:and|&|in|of|on|against|for)(?=\s+[A-Z]))?"
# words joining the capitalised words of a name; never into a new name ("..., Law No. 9 of 2009")
_JOIN = r"(?:\s+(?:of|and|the|on|in|to|for|a|against|from|by|with|All|especially|,)|,(?!\s+(?:Law|Decree|Act)\b))*\s+"
# a law's number: "10", "11,829", "8.069/1990", "3/2008"
NUMBER = r"\d+(?:[,.]\d{3})*(?:[/-]\d+)?"

# "Law on the Suppression of the Kidnapping, ...", "Organic Law on a Woman's Right to a Violence-Free Life",
# "Protocols to Prevent, Suppress, and Punish Trafficking in Persons, especially Women and Children"
FORMAL = re.compile(
    rf"(?:(?P<when>(?:{MONTH}\s+)?(?:19|20)\d{{2}})\s+)?"
    rf"(?P<name>(?:{_PRE_HEAD}\s+){{0,6}}?{_HEAD}(?P<plural>s)?\b"
    rf"(?:\s+(?:[Nn]o\.?\s*|[Nn]umber\s+)?{NUMBER}(?:\s+(?:of|for\s+the\s+year)\s+(?:19|20)\d{{2}})?)?"
    rf"(?P<tail>\s+(?:on|of|for|(?i:against)|to|regarding)\s+(?:the\s+|a\s+)?{_CAP}(?:{_JOIN}{_CAP})*)?)"
    rf"(?:\s+of\s+(?P<year>(?:19|20)\d{{2}}))?"
)
FORMAL_WORDS = (  # one of which every match holds, as written: a cheap test before the pattern
    "Law Code Act ecree Constitution Convention Guidelines Protocol Amendments Charter Agreement Statute Manual Bill"
).split()
# "law no. 12 of 1996", "Decree 29 of 1970", "Law 232 for the year 1989", "Law 11,829", "Law 3/2008"
NUMBERED = re.compile(
    r"\b(?P<name>(?:[A-Z][a-z]+\s+)?(?:[Ll]aw|Decree|[Dd]ecree|Sub-[Dd]ecree|Royal Decree|[Aa]greement|Resolution|"
    r"Prakas|Order|Ordinance|Circular|Proclamation|Regulation|Directive)\s+"
    rf"(?:[Nn]o\.?\s*|[Nn]umber\s+)?(?P<number>{NUMBER})"
    r"(?:\s+(?:of|for\s+the\s+year|dated)\s+(?P<year>(?:19|20)\d{2})|\s+\((?P<year2>(?:19|20)\d{2})\))?)"
)
NUMBERED_WORDS = (  # one of which every match holds, as written
    "law Law ecree greement Resolution Prakas Order Ordinance Circular Proclamation Regulation Directive"
).split()
# "ILO Conventions 29, 105 and 182": one instrument per number
NUMBERED_LIST = re.compile(
    r"\b(?P<prefix>(?:[A-Z]{2,5}\s+)?)(?P<head>Conventions|Laws|Decrees|Resolutions)\s+"
    r"(?P<numbers>\d+(?:\s*,\s*\d+)*,?\s+and\s+\d+)\b"
)
NUMBERED_LIST_WORDS = ("Conventions", "Laws", "Decrees", "Resolutions")  # one of which every match holds
# a statute cited by acronym or name and section: "INA 212(a)(3)(A)(ii)", "Foreign Affairs Manual 40.31 N5.3"
CITATION = re.compile(
    r"\b(?:(?P<acronym>[A-Z]{2,6})\s+\d+[A-Za-z]?(?:\([0-9A-Za-z]{1,4}\))+"
    r"|(?P<named>(?:[A-Z][a-z]+\s+){1,4}(?:Manual|Code|Act))\s+\d+(?:\.\d+)+)"
)
CITATION_WORDS = ("(", "Manual", "Code", "Act")  # one of which every match holds
_TRAFFICKING_WORDS = (
    r"(?:(?:anti|counter)-(?:TIP|trafficking(?:[- ]in[- ]persons)?|human[- ]trafficking)"
    r"|(?:human\s+)?trafficking(?:[- ]in[- ]persons)?|TIP)"
)
# "The Child law: Enacted in 1996.", "Prostitution law: ...": a law named as the heading of what the cable says of it
HEADING_LAW = re.compile(r"^\s*(?:The\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+){1,4}(?:law|code|act|decree))\s*:")
# "the new anti-TIP law", "Brazil's anti-trafficking laws", "the anti-trafficking law currently in draft form"
TRAFFICKING_LAW = re.compile(
    r"\b(?P<adj>(?:(?:new|draft|comprehensive|proposed|separate|current|existing|first|specific|national|model)\s+"
    r"(?:and\s+)?)*)(?P<own>(?-i:[A-Z][a-z]+(?:'s)?\s+))?"
    rf"(?P<topic>{_TRAFFICKING_WORDS})\s+(?P<draft_word>draft\s+)?(?P<kind>laws?|legislation|bills?)\b"
    r"(?!\s+enforcement)"
    r"(?P<tail>\s+(?:currently\s+)?in\s+draft)?",
    re.IGNORECASE,
)
# every match holds one word of each, in some case
TRAFFICKING_LAW_WORDS = (("traffick", "tip"), ("law", "legislation", "bill"))
MONTH_START = re.compile(rf"\s+\w+\s+(?:the\s+)?{MONTH}\b")
HEAD_WORD = re.compile(rf"\b{_HEAD}s?\b")
# "the Arab Agreement to Combat Trans-Arab Organized Crime and the Arab Agreement to Combat Terrorism": two names
SECOND_NAME = re.compile(rf",?\s+and\s+(?:the\s+)?(?=(?:{_PRE_HEAD}\s+){{0,6}}?{_HEAD}s?\b)")
# a law named by number followed by what it is about: "law number 1 of 2008 with respect to trafficking in persons"
ABOUT_TRAFFICKING_AFTER = re.compile(
    r"^[^.;]{0,15}?\b(?:with\s+respect\s+to|on|against|concerning|regarding|to\s+combat|combating)\s+"
    r"(?:the\s+)?(?:human\s+)?trafficking",
    re.IGNORECASE,
)
GENERIC = re.compile(
    r"\b(?P<topic>penal code|criminal code|labou?r code|(?P<labor_law>labou?r laws?)|domestic violence law|"
    # "anti-corruption law", "anti-begging law", "anti- begging law" (a line-wrapped hyphen); the
    # anti-trafficking law is `TRAFFICKING_LAW`'s
    r"anti-\s?(?!trafficking|tip\b|human|tip-)[a-z]+ (?:law|legislation)|(?:new\s+)?adoption (?:law|legislation)|"
    r"immigration law|child protection law|family code|slave labou?r law|"
    r"code of criminal procedure|criminal procedure code)\b",
    re.IGNORECASE,
)
GENERIC_WORDS = required_words(GENERIC)  # one of which every match holds, in some case
# "the labor laws", "Bahrain's labor law": a country's labor law, not labor laws in general
LABOR_LAW_OWNER_BEFORE = re.compile(r"(?:\b[Tt]he|[A-Z][a-z]+'s|\b[Ii]ts|\b[Tt]heir)\s+(?:current\s+|new\s+)?$")
# "the 1996 law", "a general 1996 law", "a 1961 anti-prostitution law": a law referred to by its year
YEAR_LAW = re.compile(
    r"\b(?P<year>(?:19|20)\d{2})\s+(?P<topic>(?:(?:anti|counter)-\s?[a-z-]+\s+)?)(?P<kind>law|legislation)\b"
    r"(?!\s+(?:enforcement|school|firm|students?|faculty|degree|professors?|clinic))"
)
YEAR_LAW_WORDS = ("law", "legislation")  # one of which every match holds, as written
# an instrument about a law ("Guidelines on the Implementation of the Law on ...", "Amendments to the ... Law"):
# the law it is about is part of its name
ABOUT_LAW_BEFORE = re.compile(
    r"\b(?:Guidelines|Amendments?|Regulations?|Rules|Regulations|Protocols?)\s+(?:on|to|for|of)\s+(?:the\s+)?"
    r"(?:(?:Implementation|Application|Enforcement)\s+of\s+(?:the\s+)?)?$"
)
CONSTITUTION = re.compile(r"\b(?:(?P<own>[A-Z][a-z]+(?:'s)?)\s+)?(?P<c>[Cc]onstitution)\b")
SUB_DECREE = re.compile(
    r"\b[Ss]ub-[Dd]ecree\b(?:[^.;]{0,100}?\b(?:on|for|regarding|governing)\s+(?P<topic>[a-z-]+\s+[a-z-]+s?)\b)?"
)
RULING = re.compile(
    r"\b(?P<by>Ministry of [A-Z]\w+|[A-Z]\w+(?:\s+[A-Z]\w+)?\s+Court)\s+(?P<kind>ruling|decree|directive)\b"
)
RULING_WORDS = ("ruling", "decree", "directive")  # one of which every match holds, as written
ARTICLES = re.compile(
    r"\b(?P<word>Articles?|Art\.|Sections?|Chapter)\s+(?P<nums>\d+[A-Za-z]?(?:\s*(?:,|and|to|through|-)\s*\d+[A-Za-z]?)*)"
)
ARTICLES_WORDS = ("Art", "Section", "Chapter")  # one of which every match holds, as written
ENACTED = re.compile(
    rf"\b(?:enacted|promulgated|passed|adopted|signed into law|signed|came into (?:force|effect)|entered into force|"
    rf"went into effect|approved|ratified)\b(?:\s+(?:by|into)\s+[\w ]{{1,40}}?)?\s+(?:on\s+|in\s+)?(?P<date>{DATE})"
)
ENACTED_BEFORE = re.compile(
    rf"\b(?:In|On|By)\s+(?P<date>{DATE}),?[^.;]*\b(?:signed|promulgated|enacted|passed|"
    rf"adopted|approved|issued)\b[^.;]*$"
)
DRAFT_CONTEXT = re.compile(
    r"\bdraft(?:ed|ing|s)?\b|\bpending\b|\bnot\s+yet\s+(?:passed|enacted|adopted)|\bno\s+(?:anti-)?trafficking\s+law"
    r"|\bproposed\b|\bpass(?:age\s+of)?\s+(?:an?\s+|the\s+)?(?:new\s+|comprehensive\s+)*(?:anti-)?trafficking",
    re.IGNORECASE,
)
# a cheap test before the finders run: a sentence without one of these words names no law
_CUE_WORDS = (
    "law laws act code decree constitution convention protocol legislation bill charter statute treaty agreement "
    "regulations regulation ordinance resolution prakas directive order circular proclamation guidelines amendments "
    "amendment ruling manual sub-decree"
).split()
_CUE_INITIALS = "[LlAaCcDdPpBbSsTtRrOoGgMmUu]"  # the words' first letters: positions where none stands are skipped
CUE = re.compile(rf"(?={_CUE_INITIALS})(?i:\b(?:{'|'.join(map(re.escape, _CUE_WORDS))}))|(?=[A-Z])\b[A-Z]{{2,6}}\s+\d")
# CUE's matches, each found from the character before it (the non-word character its \b needs): a pattern that opens
# on a character class lets the regex engine skip to where one stands, where CUE's assertions make it try every
# position, and the words as a prefix tree are tried a letter at a time. Matches start one character before CUE's,
# and none is found at the very start of a text (see `law_finders.cue_starts`).
CUE_AFTER_NON_WORD = re.compile(rf"\W(?:(?={_CUE_INITIALS})(?i:{trie_pattern(_CUE_WORDS)})|[A-Z]{{2,6}}\s+\d)")

LEADING_STOP = frozenset(
    "The A An Under According Since With This That These Those Its Their In On Of By For To And Both New Current "
    "Existing Draft If As Per Pursuant While Although However Also Without Proposed Revised Amended".split()
)
# "Law Enforcement", "International Human Rights Law Group": a law word inside the name of a body or field
NOT_LAWS = frozenset(
    {"Law Enforcement", "Law School", "Law Faculty", "Law Society", "Law Firm", "Law Center", "Law Centre"}
    | {"Law Institute", "Law Department", "Law Office", "Rule of Law", "State of Law", "Internet Protocol"}
)
BODY_AFTER = re.compile(
    r"\s+(?:and\s+)?(?:[A-Z]\w+\s+){0,3}(?:Enforcement|Directorate|Department|School|Faculty|Institute|Center|Centre|"
    r"Firm|Group|Society|Association|Commission|Committee|Council|Project|Program|Clinic|Network|Foundation|Office|"
    r"Unit|Academy|Students?|Professors?|Review|Journal)\b"
    r"|\s+(?:program|project|initiative|campaign|office|unit|team|committee|commission|students?|enforcement)\b"
)
# a field of law, not an instrument: "International Human Rights Law", "Islamic Law"
FIELD_OF_LAW = re.compile(
    r"^(?:International|Islamic|Sharia|Customary|Humanitarian|Common)(?:\s+(?:Human|Rights|Humanitarian|Criminal|"
    r"Trade|Maritime|Environmental|Refugee|and))*\s+Law$"
)
GENERIC_MODIFIERS = frozenset({"organic", "basic", "general", "federal", "national", "new", "current", "existing"})
GENERIC_MODIFIERS |= {"relevant"}
