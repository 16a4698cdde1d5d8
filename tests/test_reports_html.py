"""HTML output a person opens: GX Data Docs and the findings page, with cable text escaped."""

from __future__ import annotations

import duckdb
import great_expectations as gx
import pandas as pd
import pytest

from expectations.runner import build_data_docs, data_docs_index, validate_frame
from orchestration.quality.findings import Finding, replace_findings
from orchestration.quality.report import render_findings
from tests.browser import CHROMIUM_FLAGS, SCREENSHOTS, require_chromium

HOSTILE = "<script>alert('cable')</script> 5 victims"


def test_cable_text_in_data_docs_is_escaped(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTS_DIR", str(tmp_path))
    frame = pd.DataFrame({"metric_id": ["a", "b"], "quote": [HOSTILE, "fine"]})
    suite = gx.ExpectationSuite(
        name="escape_probe",
        expectations=[gx.expectations.ExpectColumnValuesToBeInSet(column="quote", value_set=["fine"])],
    )
    outcome = validate_frame(suite, "escape_probe", frame, id_column="metric_id")
    # with an id column GX reports the failing rows' ids; the examples come from the (escaped) frame
    assert not outcome.success and outcome.outcomes[0].unexpected_ids == ["a"]
    assert outcome.outcomes[0].examples == ["&lt;script&gt;alert(&#x27;cable&#x27;)&lt;/script&gt; 5 victims"]
    # without one, Data Docs list the failing values themselves
    validate_frame(suite, "escape_probe_values", frame)
    build_data_docs()
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


@pytest.mark.parametrize(
    ("page_path", "expected_text", "screenshot"),
    [
        ("gx/uncommitted/data_docs/local_site/index.html", "fct_metric_consistency", "data_docs.png"),
        ("findings.html", "overlapping_statistics", "findings_report.png"),
    ],
)
def test_reports_open_in_a_browser(built_warehouse, tmp_path, page_path, expected_text, screenshot):
    page_file = built_warehouse.reports / page_path
    assert page_file.exists()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_FLAGS)
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
