"""Debian's Chromium, launched one way for everything that drives a browser: the
browser tests (tests/browser/conftest.py) and bench/frontend.py. Never downloaded:
Playwright gets Debian's own binary and the flags a headless container needs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING = (
    f"Chromium is not installed at {CHROMIUM}. The browser tests use Debian's Chromium, "
    "not a downloaded one: run `apt-get install -y chromium`."
)


def launch_chromium(playwright: Playwright) -> Browser:
    """A headless Debian Chromium; raises FileNotFoundError (MISSING) without one."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(MISSING)
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
