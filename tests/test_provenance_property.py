"""Every fact's span is exactly the text it claims, on every real cable in the repository.

A property over the seeds, the dev cables and the 300 cables of the mixed corpus: a metric's raw
span is its value as written, and an event's raw span lies inside its quoted sentence (page lines
aside, the parser leaves them out of paragraph text).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orchestration.cables.cleantext import is_page_break
from orchestration.cables.parser import read_cable_file
from orchestration.warehouse.rows import fact_rows
from tests.conftest import ALL_CABLE_FILES, FIXTURE_CABLES

CORPUS = sorted((FIXTURE_CABLES.parent / "corpus" / "txt").glob("*.txt"))


def _words(text: str) -> str:
    kept = "\n".join(line for line in text.splitlines() if not is_page_break(line))
    return re.sub(r"[^a-z0-9]+", "", kept.lower())


def _check(path: Path) -> list[str]:
    cable = read_cable_file(path)
    raw = path.read_bytes().decode(cable.encoding)
    rows = fact_rows(cable)
    problems = []
    for row in rows["metrics"]:
        value_text, start, end = row[5], row[-2] - 1, row[-1] - 1
        if " ".join(raw[start:end].split()) != " ".join(value_text.split()):
            problems.append(f"{cable.cable_id} metric {row[1]}: span {raw[start:end]!r} is not {value_text!r}")
    for row in rows["events"]:
        quote, start, end = row[-3], row[-2] - 1, row[-1] - 1
        span = _words(raw[start:end])
        if not span or span not in _words(quote):
            problems.append(f"{cable.cable_id} event {row[1]}: span {raw[start:end][:60]!r} is not in its quote")
    for name in ("organization_mentions", "law_mentions"):
        for row in rows[name]:
            surface, start, end = row[6] if name == "organization_mentions" else row[3], row[-2] - 1, row[-1] - 1
            if _words(raw[start:end]) != _words(surface):
                problems.append(f"{cable.cable_id} {name} {row[1]}: span {raw[start:end]!r} is not {surface!r}")
    return problems


@pytest.mark.parametrize("path", ALL_CABLE_FILES, ids=lambda p: p.stem)
def test_every_span_shows_its_fact_on_the_dev_cables(path):
    assert _check(path) == []


@pytest.mark.slow
def test_every_span_shows_its_fact_on_the_300_corpus_cables():
    problems = [problem for path in CORPUS for problem in _check(path)]
    assert problems == [], problems[:10]
