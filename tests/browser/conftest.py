"""Fixtures for the browser tests: one Chromium for the folder, a fresh context per test.

Every test here is marked `browser` (select with `-m browser`) and runs against
pytest-django's `live_server`, which needs committed data: the live server answers from
its own thread, so the `transactional_db` fixture is pulled in for each test.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from tests.chromium import MISSING, launch_chromium

# Short enough that a broken page fails in seconds, long enough for a loaded CI machine.
TIMEOUT_MS = 10_000

_HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser`, before `-m` deselects anything."""
    for item in items:
        if _HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    """Playwright, for as long as the browser tests run.

    Playwright's sync API keeps an asyncio event loop running in this thread, and Django
    refuses database calls from a thread with a running loop. DJANGO_ALLOW_ASYNC_UNSAFE
    lifts that, so it is set only while Playwright runs; package scope (rather than
    session) stops Playwright, and restores the variable, before any other test runs.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as running:
            yield running
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """One headless Chromium for all browser tests (tests/chromium.py): Debian's own."""
    try:
        chromium = launch_chromium(playwright)
    except FileNotFoundError:
        # A skip would count as a pass in CI; a missing browser is a broken setup.
        pytest.fail(MISSING, pytrace=False)
    yield chromium
    chromium.close()


class RequestsInFlight:
    """WSGI middleware around the live server's application that counts the requests
    it is answering, so a test's end can wait for them. A request counts until the
    server closes its response, after the view, the transaction and Django's
    request_finished (which closes the database connection)."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.count = 0
        self.idle = threading.Condition()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        with self.idle:
            self.count += 1
        try:
            return _Finishing(self.app(environ, start_response), self._done)
        except BaseException:
            self._done()
            raise

    def _done(self) -> None:
        with self.idle:
            self.count -= 1
            self.idle.notify_all()

    def wait(self, seconds: float = 10) -> None:
        """Until no request is being answered (or `seconds` pass), twice a moment apart:
        one the browser sent just before it closed may reach the server a little later."""
        for _ in range(2):
            with self.idle:
                self.idle.wait_for(lambda: self.count == 0, timeout=seconds)
            time.sleep(0.05)


class _Finishing:
    """A response body that reports when the server has closed it."""

    def __init__(self, body: Iterable[bytes], done: Callable[[], None]) -> None:
        self.body = body
        self.done = done

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.body)

    def close(self) -> None:
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            self.done()


@pytest.fixture(scope="session")
def requests_in_flight(live_server) -> RequestsInFlight:
    """The live server's requests, counted (wsgiref's get_app/set_app, which Django's
    live server thread uses to install its handler)."""
    server = live_server.thread.httpd
    counter = RequestsInFlight(server.get_app())
    server.set_app(counter)
    return counter


@pytest.fixture(autouse=True)
def _requests_answered(requests_in_flight: RequestsInFlight) -> Iterator[None]:
    """After each test, once its browser contexts are closed, the requests they left in
    flight (a live preview, an autosave) are waited for: the database is emptied next,
    and PostgreSQL's TRUNCATE against a request's open transaction is a deadlock."""
    yield
    requests_in_flight.wait()


@pytest.fixture
def context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    """A fresh browser profile per test (no cookies, storage or permissions carried over)."""
    browser_context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport={"width": 1280, "height": 900},
    )
    browser_context.set_default_timeout(TIMEOUT_MS)
    yield browser_context
    browser_context.close()


@pytest.fixture
def page(context: BrowserContext, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A tab in the test's context. Afterwards its final state is saved as a screenshot
    under test-artifacts/browser/ for reviewers, and a script error fails the test."""
    expect.set_options(timeout=TIMEOUT_MS)
    tab = context.new_page()
    script_errors: list[str] = []
    tab.on("pageerror", lambda error: script_errors.append(str(error)))
    yield tab
    artifacts = Path(request.config.rootpath) / "test-artifacts" / "browser"
    artifacts.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    if not tab.is_closed():
        tab.screenshot(path=artifacts / f"{name}.png", full_page=True)
    assert not script_errors, f"JavaScript errors on the page: {script_errors}"
