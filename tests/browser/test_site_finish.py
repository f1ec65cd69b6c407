"""The finish of the public site at 390, 768, 1280 and 1440 pixels, in three languages:
the index, an article, a category page and the accessibility statement. Nothing scrolls
sideways, nothing overlaps, the article's parts share one left edge, the index's first
row is full, the phone header is one row with a menu that opens without JavaScript, and
the web font is in use. The feedback form works in a browser without JavaScript.

Screenshots of every page at every width go to test-artifacts/site-finish/ (git-ignored)
for reviewers."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from feedback.models import FeedbackMessage
from tests.site_content import LANGUAGES, build_site

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "site-finish"
WIDTHS = (390, 768, 1280, 1440)
PAGES = ("index", "article", "category", "statement")

# Boxes of things that must not overlap: header parts, and cards in each grid.
OVERLAPS = """() => {
  const box = (e) => e.getBoundingClientRect();
  const visible = (e) => { const r = box(e); return r.width > 0 && r.height > 0; };
  const meets = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
                       && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const groups = [
    [...document.querySelectorAll(".site-header__brand, .site-header__wide .site-nav, " +
      ".site-header__wide .language-switcher, .site-menu__button")],
    ...[...document.querySelectorAll(".card-grid")].map((g) => [...g.children]),
    [...document.querySelectorAll(".site-footer__inner > *")],
  ];
  const problems = [];
  for (const group of groups) {
    const shown = group.filter(visible);
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++)
        if (meets(box(shown[i]), box(shown[j])))
          problems.push(`${shown[i].className} overlaps ${shown[j].className}`);
  }
  return problems;
}"""
# The left edges of the article's parts and the statement's text.
LEFT_EDGES = """() => [...document.querySelectorAll(
    ".breadcrumbs, .article__header, .article__title, .article__lead, .figure--hero, " +
    ".article__body, .article__body > p, .article__footer, .related-news, " +
    ".page-text__title, .page-text > p, .page-text h2")]
  .filter((e) => e.getBoundingClientRect().width > 0)
  .map((e) => [e.className || e.tagName, Math.round(e.getBoundingClientRect().left)])"""


def _fits(page: Page, where: str) -> None:
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{where} scrolls sideways: {width}px in {inner}px"
    assert page.evaluate(OVERLAPS) == [], where


def _one_left_edge(page: Page, where: str) -> None:
    edges = page.evaluate(LEFT_EDGES)
    assert edges, where
    assert len({left for _name, left in edges}) == 1, f"{where}: left edges {edges}"


def _featured_row_is_full(page: Page, where: str) -> None:
    """The featured story spans two columns and two rows; the next two stories stack in
    the third column beside it, so no empty area sits next to it."""
    items = page.locator(".card-grid > li")
    featured = items.nth(0).bounding_box()
    first, second = items.nth(1).bounding_box(), items.nth(2).bounding_box()
    assert "featured" in (items.nth(0).get_attribute("class") or ""), where
    assert first["x"] > featured["x"] + featured["width"] - 1, where
    assert second["x"] == pytest.approx(first["x"], abs=1), where
    assert second["y"] > first["y"] + first["height"] - 1, where
    assert second["y"] < featured["y"] + featured["height"], where


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_are_finished_at_every_width(page: Page, language: str):
    site = build_site()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name in PAGES:
            where = f"{language} {name} at {width}px"
            page.goto(site.pages[language][name])
            page.wait_for_load_state("load")
            _fits(page, where)
            if name in ("article", "statement"):
                _one_left_edge(page, where)
            if name == "index" and width >= 1280:
                _featured_row_is_full(page, where)
            header = page.locator(".site-header").bounding_box()
            if width < 960:
                # One row: the mark and names, and the menu button.
                assert header["height"] <= 96, f"{where}: header {header['height']}px tall"
                expect(page.locator(".site-menu__button")).to_be_visible()
                expect(page.locator(".site-header__wide")).to_be_hidden()
            else:
                expect(page.locator(".site-header__wide .site-nav")).to_be_visible()
            page.screenshot(path=ARTIFACTS / f"{language}-{name}-{width}.png", full_page=True)
    # The organisation's name in the page's language, and the web font in use.
    names = {"en": "University of Helsinki-Uusimaa", "fi": "Helsinki-Uusimaan yliopisto"}
    names["sv"] = "Helsingfors-Nylands universitet"
    expect(page.locator(".site-header__organization")).to_have_text(names[language])
    assert page.evaluate(
        """async () => { await document.fonts.ready;
          return document.fonts.check('700 16px "Inter Variable"', 'Åäö')
            && [...document.fonts].some((f) => f.family === 'Inter Variable'
                                             && f.status === 'loaded'); }"""
    )


def test_the_phone_menu_opens_without_javascript(browser: Browser, live_server):
    site = build_site()
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 390, "height": 800}
    )
    try:
        page = context.new_page()
        page.goto(site.pages["fi"]["article"])
        menu_link = page.locator(".site-menu .site-nav__link").first
        expect(menu_link).to_be_hidden()
        page.get_by_text("Valikko").click()
        expect(menu_link).to_be_visible()
        expect(page.locator(".site-menu .language-switcher__link[lang=sv]")).to_be_visible()
        page.screenshot(path=ARTIFACTS / "fi-menu-open-390.png")
        page.locator(".site-menu .language-switcher__link[lang=sv]").click()
        expect(page.locator("html")).to_have_attribute("lang", "sv")
    finally:
        context.close()


def test_a_reader_sends_feedback_without_javascript(browser: Browser, live_server, settings):
    settings.FEEDBACK_MIN_SECONDS = 0
    build_site()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/sv/accessibility/")
        page.get_by_role("link", name="Ge respons", exact=True).click()
        page.get_by_role("textbox", name="Meddelande").fill("Knappen i galleriet syns dåligt.")
        page.get_by_role("button", name="Skicka").click()
        expect(page.get_by_role("status")).to_contain_text("Tack")
        page.screenshot(path=ARTIFACTS / "sv-feedback-sent.png")
    finally:
        context.close()
    message = FeedbackMessage.objects.get()
    assert (message.language, message.message) == ("sv", "Knappen i galleriet syns dåligt.")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_identity_statement_and_feedback_admin_pages_pass_axe(
    browser: Browser, live_server, language: str
):
    from django.contrib.auth import get_user_model

    from siteidentity.models import AccessibilityStatement
    from tests.browser.test_accessibility import ADMIN_KNOWN, _describe, run_axe

    statement = AccessibilityStatement.objects.create(
        language=language,
        known_issues="Old videos lack captions.",
        checked_on="2026-11-30",
        feedback_email="access@example.edu",
    )
    FeedbackMessage.objects.create(language="fi", message="Kuvagalleria ei toimi.")
    get_user_model().objects.create_superuser("chief", "chief@example.edu", "a-long-pw-42")
    context = browser.new_context(base_url=live_server.url, locale=language)
    try:
        page = context.new_page()
        page.goto("/admin/login/?next=/admin/")
        page.locator("#id_username").fill("chief")
        page.locator("#id_password").fill("a-long-pw-42")
        page.locator("input[type=submit]").click()
        expect(page.locator("#user-tools")).to_be_visible()
        found = {}
        for path in (
            "/admin/siteidentity/siteidentity/",  # opens the form: nothing is saved yet
            f"/admin/siteidentity/accessibilitystatement/{statement.pk}/change/",
            "/admin/feedback/feedbackmessage/",
        ):
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            violations = run_axe(page, known=ADMIN_KNOWN)
            if violations:
                found[path] = violations
        assert not found, f"axe-core found WCAG A/AA violations:\n{_describe(found)}"
    finally:
        context.close()
