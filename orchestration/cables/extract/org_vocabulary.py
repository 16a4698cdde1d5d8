"""Word lists of the organization grammar: connectors, sentence openers, people's titles, acronyms that name no body."""

from __future__ import annotations

import calendar
import functools
import re
import string
from pathlib import Path

from orchestration.cables.extract.law_lexicon import load_known_laws


def _words(block: str) -> set[str]:
    """A set of words written as a whitespace-separated block."""
    return set(block.split())


# lower-case words that may join the capitalised words of one name ("Ministry of Interior", "Avenir de l'Enfant")
CONNECTORS = _words(
    """
    & against and at de del des du en et for in la le les of on pour the to y
    """
)

# month and day names start capitalised runs that are dates, not names
MONTHS = {*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept", *calendar.day_name}

# capitalised words that start sentences or describe rather than name
LEADING_STOP = _words(
    """
    A About According Acting Additionally After Against All Also Although Among An And Any Are Around As At Based
    Because Before Between Both But By Catholic-run Current Currently Despite Did Do Does Domestic Dr Due During
    Each Either Embassy-funded Finally Five Following For Former Four From Further Furthermore Given Government-funded
    Government-run Has Have He Her His Host How However If In Including Into Is It Its Last Like Local Many
    Meanwhile Moreover Most Mr Mrs Ms Neither New Next NGO NGOs No Nor Not Numerous Of Official Officials On Once
    One Only Or Other Our Over Per Please Post Prior Private Provincial Recently Regarding Respondents Senior
    Separately Several She Similarly Since Some Specifically Such That The Their Then There Therefore These They
    This Those Three Through Throughout Thus To Together Toward Towards Two Under Unlike Upon Various Via Visit Was
    We Were What When Where Which While Who Why With Within Without Yes
    """
)
LEADING_STOP |= MONTHS

# words that end an organization's name when they follow it (a person's title, a document)
TRAILING_BREAK = _words(
    """
    Acting Adviser Advisor Agent Ambassador Annual Attache Chair Chairman Chairperson Chairwoman Chief Co-Chairman
    Colonel Commander Coordinator Counselor Country Delegation Deputy Director Director-General Governor Head
    Hotline Judge Leader Lieutenant Manager Mayor Member Members Minister Notetaker Officer Officers Official
    Officials Plan PolDir PolDirs President Report Reports Representative Secretary Secretary-General Senator
    Speaker Spokesman Spokesperson Staff Undersecretary Vice Website
    """
)

# a person's title before an organization ("Deputy Director of the Anti-Trafficking Unit")
TITLE_WORDS = _words(
    """
    Acting Adviser Advisor Ambassador Chair Chairman Chairwoman Chief Commander Commissioner Coordinator Delegate
    Delegation Deputy Director Director-General Governor Head Judge Leader Member Members Minister Officer Official
    Officials President Prosecutor Representative Secretary Secretary-General Senator Speaker Spokesman Spokesperson
    Staff Under Undersecretary Vice Vice-President
    """
)

# head words too generic to split an enumeration on by themselves
WEAK_HEADS = _words(
    """
    Board Body Center Centre Division Forces Fund Group Initiative Institute Mission Office Program Programme
    Project School Service Services Unit
    """
)

# acronyms of cable jargon, diseases, documents and markings: never an organization
ACRONYM_STOP = _words(
    """
    ABC AIDS AKA AM AMB ASAP ATM CBO CBOs CDA CEDAW CEO CIS COMMENT CONFIDENTIAL CONOFF CPC CRC CSEC CSO CSOs CTIP
    DATT DCM SIPDIS DNA DOB DPM DVD ECONOFF EconOff EMBOFF EMBOFFS END ESL FBO FBOs FDI FM FS FSN FSNs FY FYI GDP GMT
    GOVERNMENT GPS GSP HIV HIV/AIDS ICT ID IDP IDPs IDs IGO IGOs INGO INGOs IOs IT KG KM LE LES LGBT LIMITED LIST
    LNS LOI MK MKs MOA MOAs MOU MOUs MP MPs N/A NA NAP NB NGO NGOS NGOs NOFORN NOTE NPA OFFICIAL OK ONLY OVC OVCs
    PAO PARA PDF PL PLHIV PM POC POCs POLOFF PolOff POLOFFS POW PPT PRC PROTECT PSA PSAs PSI RAPID REF REFTEL
    REFTELS ROK RSO SBU SECRET SENSITIVE SEPTEL SEPTELS SIM SMS SOP SOPs STD STDs STI STIs SUMMARY TBD TDY THE TIER
    TIP TV TVPA TVPRA UAE UK UNCLASSIFIED URL US USA USE UTC UXO VAT VIP VIPs WATCH WWW
    """
)


def _law_acronyms() -> set[str]:
    return {alias for law in load_known_laws() for alias in law.aliases if alias.isupper() and " " not in alias}


ACRONYM_STOP |= _law_acronyms()


# a cable's lower-case words: what its own English is, to tell a capitalised word from a name
LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_COMMON_WORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "common_words.txt"
# a cable whose body has fewer lower-case letters than this share of its letters is written in capitals
_CAPITALS_SHARE = 0.1


@functools.cache
def common_words() -> frozenset[str]:
    """Lower-case words of the shipped cables (scripts/generate_common_words.py)."""
    lines = _COMMON_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def written_in_capitals(text: str) -> bool:
    """Whether a text is written in capitals ("FINALLY, THE MINISTRY ..."): its own lower-case words say
    nothing of English there."""
    ascii_text = text.encode("ascii", "ignore")  # bytes.translate deletes letters at C speed
    lower = len(ascii_text) - len(ascii_text.translate(None, string.ascii_lowercase.encode()))
    upper = len(ascii_text) - len(ascii_text.translate(None, string.ascii_uppercase.encode()))
    return lower < _CAPITALS_SHARE * (lower + upper)
