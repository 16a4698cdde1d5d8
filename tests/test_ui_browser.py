"""The Dagster UI in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright for Python).

Shares the live deployment of tests/test_reload_live.py; saves screenshots to build/screenshots/.
`make browser` installs Chromium; without it this test fails in CI (CI=true) and skips locally.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import CHROMIUM_FLAGS, SCREENSHOTS, require_chromium
from tests.live import LiveDagster

pytest_plugins = ["tests.live"]
pytestmark = pytest.mark.live

UI_TIMEOUT_MS = 90_000  # the first page load compiles the asset graph of ~60 assets on a busy machine


@pytest.fixture(scope="session")
def chromium_executable() -> Path:
    """Debian's Chromium; checked before the live deployment starts, so a local skip is cheap."""
    return require_chromium()


@pytest.fixture
def page(chromium_executable: Path, live_dagster: LiveDagster, tmp_path: Path) -> Iterator:
    """A page in a fresh Chromium profile that may only talk to the loopback webserver."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def only_loopback(route) -> None:
        host = urllib.parse.urlsplit(route.request.url).hostname
        if host in {"127.0.0.1", "localhost"} or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),  # a fresh --user-data-dir
            executable_path=str(chromium_executable),
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": 1600, "height": 1000},
        )
        try:
            context.set_default_timeout(UI_TIMEOUT_MS)
            context.route("**/*", only_loopback)
            yield context.new_page()
        finally:
            context.close()
    if blocked:
        print(f"blocked non-loopback requests: {sorted(set(blocked))}")


def dismiss_dialogs(page) -> None:
    """Close the first-visit 'Join the Dagster community' dialog when it shows up."""
    skip = page.get_by_role("button", name="Skip")
    try:
        skip.first.wait_for(state="visible", timeout=3_000)
    except Exception:  # no dialog this time
        return
    skip.first.click()
    skip.first.wait_for(state="hidden", timeout=10_000)


def settle(page) -> None:
    """Wait until no node or panel still shows its `Loading…` placeholder."""
    from playwright.sync_api import expect

    expect(page.get_by_text(re.compile(r"^Loading"))).to_have_count(0, timeout=UI_TIMEOUT_MS)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000, f"{path} looks empty"
    return path


def test_asset_graph_and_run_page_render(page, live_dagster: LiveDagster):
    from playwright.sync_api import expect

    # global lineage: every asset group of the code location
    page.goto(f"{live_dagster.url}/asset-groups")
    expect(page.get_by_text("Global asset lineage").first).to_be_visible(timeout=UI_TIMEOUT_MS)
    for group in ("ingest", "extraction", "dbt_staging", "dbt_marts"):
        expect(page.get_by_text(group, exact=True).first).to_be_visible(timeout=UI_TIMEOUT_MS)
    dismiss_dialogs(page)
    screenshot(page, "asset_groups.png")

    # marts/dim_cable has been materialized (its overview dates the latest materialization)...
    page.goto(f"{live_dagster.url}/assets/marts/dim_cable")
    expect(page.get_by_text("Latest materialization").first).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(page.get_by_text(re.compile(r"^(?:a few seconds|an? \w+|\d+ \w+) ago$")).first).to_be_visible(
        timeout=UI_TIMEOUT_MS
    )
    # ...and its lineage graph shows its node and its dbt_staging parents (at this zoom nodes show names only)
    page.goto(f"{live_dagster.url}/assets/marts/dim_cable?view=lineage")
    expect(page.get_by_text("dim_cable", exact=True).first).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(page.get_by_text("stg_raw__cables", exact=True).first).to_be_visible(timeout=UI_TIMEOUT_MS)
    settle(page)
    dismiss_dialogs(page)
    screenshot(page, "asset_graph.png")

    # the page of the newest successful full reload (the ingest-only runs of the reload tests aside)
    runs = [run for run in live_dagster.runs() if run.status == "SUCCESS" and "cable_dbt_models" in run.steps]
    assert runs, "no successful run to show"
    run = max(runs, key=lambda each: each.end_time)
    page.goto(f"{live_dagster.url}/runs/{run.run_id}")
    expect(page.get_by_text(run.run_id[:8], exact=True).first).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(page.get_by_text("Success", exact=True).first).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(page.get_by_text("reload_warehouse").first).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(page.get_by_text("RUN_SUCCESS").first).to_be_visible(timeout=UI_TIMEOUT_MS)
    settle(page)
    dismiss_dialogs(page)
    screenshot(page, "run_page.png")
