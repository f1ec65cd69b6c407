"""A Finnish-speaking reader in a real browser: the site in Finnish from `/`, the share
button's messages in Finnish, and a language chosen in the switcher remembered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import TIMEOUT_MS
from tests.factories import make_article, make_category


@pytest.fixture
def context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    """A browser set to Finnish: it sends Accept-Language: fi-FI."""
    browser_context = browser.new_context(
        base_url=live_server.url, locale="fi-FI", viewport={"width": 1280, "height": 900}
    )
    browser_context.set_default_timeout(TIMEOUT_MS)
    yield browser_context
    browser_context.close()


def test_finnish_browser_gets_the_news_in_finnish_and_the_share_button_speaks_it(
    page: Page, live_server, settings
):
    settings.SITE_URL = live_server.url
    studies = make_category(name_en="Studies", name_fi="Opiskelu", slug="studies")
    article = make_article(
        title="Kirjasto avautuu", language="fi", slug="kirjasto", categories=[studies]
    )
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)

    page.goto("/")

    expect(page).to_have_url(f"{live_server.url}/fi/news/")
    expect(page.get_by_role("link", name="Siirry pääsisältöön")).to_be_attached()
    expect(page.get_by_role("navigation", name="Kategoriat")).to_contain_text("Opiskelu")

    page.get_by_role("link", name=article.title).click()
    page.get_by_role("button", name="Kopioi linkki").click()

    expect(page.get_by_role("status", include_hidden=True)).to_have_text("Linkki kopioitu!")
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + "/fi/news/kirjasto/"


def test_a_language_chosen_in_the_switcher_is_remembered_over_the_browsers(page: Page, live_server):
    page.goto("/")
    expect(page).to_have_url(f"{live_server.url}/fi/news/")

    page.get_by_role("navigation", name="Kieli").get_by_role("link", name="Svenska").click()
    expect(page).to_have_url(f"{live_server.url}/sv/news/")
    expect(page.get_by_role("navigation", name="Språk")).to_be_visible()

    page.goto("/")
    expect(page).to_have_url(f"{live_server.url}/sv/news/")
