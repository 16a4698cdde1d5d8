"""HTML output a person opens: GX Data Docs and the findings page, with cable text escaped."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import great_expectations as gx
import pandas as pd
import pytest

from expectations.runner import data_docs_index, validate_frame
from orchestration.quality.findings import Finding, replace_findings
from orchestration.quality.report import render_findings
from tests.conftest import ROOT
from tests.e2e import built_warehouse  # noqa: F401  (session fixture)

HOSTILE = "<script>alert('cable')</script> 5 victims"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_cable_text_in_data_docs_is_escaped(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTS_DIR", str(tmp_path))
    frame = pd.DataFrame({"metric_id": ["a", "b"], "quote": [HOSTILE, "fine"]})
    suite = gx.ExpectationSuite(
        name="escape_probe",
        expectations=[gx.expectations.ExpectColumnValuesToBeInSet(column="quote", value_set=["fine"])],
    )
    outcome = validate_frame(suite, "escape_probe", frame, id_column="metric_id")
    assert not outcome.success and outcome.outcomes[0].unexpected_ids == ["a"]
    pages = list((tmp_path / "gx" / "uncommitted" / "data_docs").rglob("*.html"))
    text = "".join(page.read_text() for page in pages)
    assert "&lt;script&gt;alert(" in text
    assert "<script>alert(" not in text


def test_cable_text_in_the_findings_page_is_escaped(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        replace_findings(
            con,
            ["conflicting_values"],
            [
                Finding(
                    "fnd-1", "conflicting_values", "warning", "09X1", ("09X1-m000",), f'five [09X1-m000] "{HOSTILE}"'
                )
            ],
        )
        page = render_findings(con)
    assert "&lt;script&gt;alert(" in page and "<script>" not in page


def _browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Debian's chromium is needed at {CHROMIUM}: run `make browser`")
        pytest.skip("chromium not installed (make browser)")
    playwright = pytest.importorskip("playwright.sync_api")
    return playwright.sync_playwright()


@pytest.mark.parametrize(
    ("page_path", "expected_text", "screenshot"),
    [
        ("gx/uncommitted/data_docs/local_site/index.html", "fct_metric_consistency", "data_docs.png"),
        ("findings.html", "overlapping_statistics", "findings_report.png"),
    ],
)
def test_reports_open_in_a_browser(built_warehouse, tmp_path, page_path, expected_text, screenshot):  # noqa: F811
    page_file = built_warehouse.reports / page_path
    assert page_file.exists()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with _browser() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri())
            page.wait_for_load_state("load")
            assert expected_text in page.inner_text("body")
            page.screenshot(path=str(SCREENSHOTS / screenshot), full_page=False)
        finally:
            browser.close()
    assert (SCREENSHOTS / screenshot).stat().st_size > 10_000


def test_data_docs_index_lives_under_reports_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("REPORTS_DIR", str(tmp_path))
    assert data_docs_index() == tmp_path / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
