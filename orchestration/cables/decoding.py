"""Turn a cable file's bytes into text, or refuse them with a clear reason.

UTF-8 first; bytes that are not UTF-8 are read as Windows-1252 (a superset of Latin-1's printable range) when that
gives plausible text. Empty files, binary data and files far larger than any cable are refused before any decoding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.cables.model import CableParseError

# the longest real cables are about 200 KB; anything this large is not one cable, and is refused unread
MAX_CABLE_BYTES = 5_000_000
# a text has few control characters besides tab and line breaks; binary data has many
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
# the control characters below a space other than those allowed: one regex scan instead of a Python loop per char
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _ALLOWED_CONTROLS) + "]")


@dataclass(frozen=True)
class DecodedCable:
    """A cable's text and the encoding it was read with (`utf-8` or `cp1252`)."""

    text: str
    encoding: str


def _check_size_and_binary(data: bytes) -> None:
    if len(data) > MAX_CABLE_BYTES:
        raise CableParseError(f"file is {len(data)} bytes, larger than a cable can be ({MAX_CABLE_BYTES})")
    if not data.strip():
        raise CableParseError("empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise CableParseError(f"binary file: NUL byte at offset {nul}")


def _implausible(text: str) -> str | None:
    """Why a decoded text is not cable text, or None when it is plausible."""
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        return f"binary file: {controls} control characters in {len(text)}"
    return None


def decode_cable_bytes(data: bytes) -> DecodedCable:
    """Decode a cable's bytes, recording the encoding; raises CableParseError with the reason it cannot."""
    _check_size_and_binary(data)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = f"not valid UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise CableParseError(f"{utf8_error}, and not Windows-1252 text either") from None
    reason = _implausible(text)
    if reason:
        raise CableParseError(reason)
    return DecodedCable(text.removeprefix("\ufeff"), encoding)


def decode_cable(data: bytes) -> str:
    """Decode a cable's bytes to text (UTF-8, else Windows-1252), with a clear reason when they are not cable text."""
    return decode_cable_bytes(data).text
