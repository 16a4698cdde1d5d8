"""Find who signed a cable: the name(s) at the end of the body, before the trailer lines.

Trailer lines follow the signature in real cables: the classification again (`CONFIDENTIAL`), caveats, `NNNN`,
page markers, the declassification footer (`Declassified/Released US Department of State EO Systematic Review
30 JUN 2006`), the release's own trailer (`2002ROME01748 - Classification: SECRET`) and notes by the communications
center (`NOTE BY OC/T: ...`). The signer is then a line of one to three upper-case name words (`DE PREE`,
`STRAUSZ-HUPE`, `O'DONOHUE`, `MCNAMARA.`), or, in the viewer's re-flowed text, the words ending the last text line
after a full stop (`... beyond. BURNS`). A cable may have several signers on consecutive lines, or none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.cables.cleantext import PAGE_BREAK

_CLASSIFICATION = (
    r"(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|(?:TOP\s+)?SECRET|LIMITED\s+OFFICIAL\s+USE|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I"
    r"\s?A\s?L|S\s?E\s?C\s?R\s?E\s?T)(?:\s*//\s*[A-Z ]+)?"
)
_TRAILER_RULES = {
    "classification": re.compile(rf"^{_CLASSIFICATION}$", re.IGNORECASE),
    "caveat": re.compile(r"^(?:SIPDIS|NOFORN|NODIS|EXDIS|SENSITIVE|NNNN|BT|#+)$"),
    "declassification footer": re.compile(
        r"^(?:.*Declassified/Released US Department of State|Review(?:\s+\d.*)?$)", re.IGNORECASE
    ),
    "release trailer": re.compile(r"^\d{4}[A-Z]+\d+ - "),
    # an old page header, or the page line the parser leaves out of paragraphs
    "page marker": re.compile(rf"^PAGE\s+\d+\s+.*\d{{6}}Z$|{PAGE_BREAK.pattern}", re.IGNORECASE),
    "communications note": re.compile(r"^NOTE(?:\s+BY\s+\S+)?\s*:", re.IGNORECASE),
    "punctuation": re.compile(r"^[^A-Za-z0-9]+$"),
}
# `Please visit Paris' Classified Website at:` and the address on the next line(s), anywhere in the line
_WEBSITE_NOTICE = re.compile(
    r"^[\s\"*]*(?:Please\s+)?visit\b.*Classified\s+Web\s?site|^\S*(?:https?://|\.gov\b|Portal:)\S*(?:\s+\S+)?$",
    re.IGNORECASE,
)
# words that end a text but name nobody
_NOT_NAMES = {
    *("END", "TEXT", "COMMENT", "SUMMARY", "QUOTE", "UNQUOTE", "FYI", "NNNN", "SIPDIS", "NOFORN"),
    *("REGARDS", "THANKS", "BEST", "CHEERS", "SINCERELY"),  # closings
    *("THE", "A", "AN", "THIS", "THAT", "THESE", "IT", "WE", "HE", "SHE", "THEY", "IN", "ON", "AT", "AND", "BUT"),
}
# `MURPHY`, `Murphy`, `LeBaron`, `McNAMARA`, `O'DONOHUE`, `STRAUSZ-HUPE`
_NAME_WORD = r"(?:Mc|MC|Mac|MAC|O'|D')?[A-Z][A-Za-z'-]*[A-Za-z]"
_NAME_LINE = re.compile(rf"^(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,2}})\s*(?:#+|\.)?$")
# `21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON`, `... beyond. BURNS`, `END COMMENT EIKENBERRY`: a name ending the text
_NAME_ENDING_LINE = re.compile(
    rf"(?:[.!?)\"”’*]\s+|\bEND\s+(?:OF\s+)?(?:COMMENT|TEXT)\s+|\bUNQUOTE\s+)(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD})?)\s*$",
    re.IGNORECASE,
)
_MAX_SIGNERS = 3


@dataclass
class SignerMatch:
    """The signers found and where the text ends without them.

    `text_end_line` is the index of the first line that is signature or trailer; `text_end_column`, when not None,
    is where the signature starts inside line `text_end_line - 1` (a name ending the last text line).
    """

    signers: list[str] = field(default_factory=list)
    text_end_line: int = 0
    text_end_column: int | None = None


def is_trailer_line(line: str) -> bool:
    """True for a line that follows the signature: classification, caveat, page marker, footer, note."""
    stripped = line.strip()
    return any(rule.match(stripped) for rule in _TRAILER_RULES.values()) or bool(_WEBSITE_NOTICE.search(stripped))


def _plausible_name(name: str) -> bool:
    """Capitalised words that are no structure word (`END COMMENT`) and no trailer (`UNCLASSIFIED`)."""
    words = name.split()
    if any(word.upper() in _NOT_NAMES or not word[0].isupper() for word in words):
        return False
    return not is_trailer_line(name)


def _name_of_line(line: str, last: bool) -> str | None:
    match = _NAME_LINE.match(line.strip())
    # only the bottom name may carry a full stop: above it, `COOPERATION.` ends a sentence
    if match and not last and not line.strip().endswith(match["name"]):
        return None
    if not match or not _plausible_name(match["name"]):
        return None
    return match["name"]


def find_signers(lines: list[str]) -> SignerMatch:
    """Signers at the end of the body lines, and where the body's text ends."""
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or is_trailer_line(lines[end - 1])):
        end -= 1
    signers: list[str] = []
    start = end
    while start > 0 and len(signers) < _MAX_SIGNERS:
        name = _name_of_line(lines[start - 1], last=not signers)
        # names signed together are written alike: `City` above `ARREAGA` is the address, not a second signer
        if name is None or (signers and name.isupper() != signers[0].isupper()):
            break
        signers.insert(0, name)
        start -= 1
    if signers:
        return SignerMatch(signers, start)
    if end == 0:
        return SignerMatch([], 0)
    match = _NAME_ENDING_LINE.search(lines[end - 1])
    if match and _plausible_name(match["name"]):
        return SignerMatch([match["name"]], end, match.start("name"))
    return SignerMatch([], end)
