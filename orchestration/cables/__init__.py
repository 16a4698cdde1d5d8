"""Plain-Python library for Cablegate text: parsing and extraction. Never imports Dagster."""

from orchestration.cables.model import Cable, CableParseError, GlossaryEntry, Paragraph, Recipient
from orchestration.cables.parser import parse_cable, read_cable_file

__all__ = [
    "Cable",
    "CableParseError",
    "GlossaryEntry",
    "Paragraph",
    "Recipient",
    "parse_cable",
    "read_cable_file",
]
