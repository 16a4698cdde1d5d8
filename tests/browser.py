"""Headless Chromium for the browser tests: Debian's package driven by Playwright, no download."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "build" / "screenshots"


def unavailable(message: str) -> None:
    """Fail in CI, where the browser must be there (`make browser`); skip on a developer's machine."""
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def require_chromium() -> Path:
    """The Chromium executable, after checking it and Playwright are installed."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        unavailable(f"{CHROMIUM} is missing: run `make browser` to install Debian's chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("the playwright package is missing: install requirements.lock into .venv")
    return CHROMIUM
