"""Shared fixtures: the real cables shipped with the repository."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from orchestration.cables.model import Cable, GlossaryEntry, Paragraph
from orchestration.cables.parser import read_cable_file

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURE_CABLES = Path(__file__).resolve().parent / "fixtures" / "cables"
# the 300 real cables of every topic, as per-cable text dumps (copied from ../shared/corpus/txt)
CORPUS_TXT = FIXTURE_CABLES.parent / "corpus" / "txt"
ALL_CABLE_FILES = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURE_CABLES.glob("*.txt"))


@functools.cache
def cable(cable_id: str) -> Cable:
    """A real cable from seeds/ or tests/fixtures/cables/, parsed once per test session."""
    for folder in (SEEDS, FIXTURE_CABLES):
        path = folder / f"{cable_id}.txt"
        if path.exists():
            return read_cable_file(path)
    raise FileNotFoundError(cable_id)


def raw_text(cable_id: str) -> str:
    """The untouched text of a real cable."""
    for folder in (SEEDS, FIXTURE_CABLES):
        path = folder / f"{cable_id}.txt"
        if path.exists():
            return path.read_bytes().decode("utf-8")
    raise FileNotFoundError(cable_id)


@pytest.fixture
def cable_folder(tmp_path: Path) -> Path:
    """An empty input folder for ingestion tests."""
    folder = tmp_path / "cables"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory):
    """Seeds plus the fixture cables, built twice through the Dagster CLI, once per session."""
    from tests.e2e import build_twice

    return build_twice(tmp_path_factory.mktemp("e2e"))


def sentence_cable(
    text: str,
    origin: str = "Embassy Phnom Penh",
    sent: dt.datetime | None = None,
    glossary: list[GlossaryEntry] | None = None,
) -> Cable:
    """A one-paragraph cable around a real sentence, for extractor tests on single sentences."""
    sent = sent or dt.datetime(2009, 2, 19)
    paragraph = Paragraph(
        ordinal=1,
        label="1",
        section="1",
        classification_mark=None,
        heading=None,
        text=text,
        char_start=0,
        char_end=len(text),
        offsets=list(range(len(text))),
    )
    return Cable(
        cable_id="TEST",
        subject="TEST",
        header_date=sent,
        classification="UNCLASSIFIED",
        origin=origin,
        sent_at=sent,
        glossary=glossary or [],
        paragraphs=[paragraph],
    )


# fixtures that build whole warehouses through the Dagster CLI or over the whole corpus: tests using
# them are `slow` (left out of `make test-quick`)
SLOW_FIXTURES = {"built_warehouse", "corpus_warehouse"}


def pytest_collection_modifyitems(config, items):
    """Mark the tests that use a whole build as slow."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
