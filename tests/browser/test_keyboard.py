"""Keyboard only: every control a reader needs is reached with Tab, works with Enter or
Space, and shows a focus ring one can see (at least 2 px, at least 3:1 against what is
behind it: WCAG 2.4.7 and 1.4.11)."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.site_content import build_site

# What the focused element shows: its own outline or box-shadow, or its ::after/::before
# one (the cards draw the ring around the whole card), and the contrast of the ring's
# colour against the nearest background behind the element.
FOCUS_INFO = """() => {
  const element = document.activeElement;
  const parse = (colour) => {
    const m = colour && colour.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const luminance = ({r, g, b}) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (node) => {
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const behind = background(element.parentElement);
  const rings = [];
  for (const pseudo of [null, "::after", "::before"]) {
    const style = getComputedStyle(element, pseudo);
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) {
      const colour = parse(style.outlineColor);
      const [hi, lo] = [luminance(colour), luminance(behind)].sort((a, b) => b - a);
      rings.push({kind: "outline" + (pseudo || ""), width: parseFloat(style.outlineWidth),
                  contrast: (hi + 0.05) / (lo + 0.05)});
    }
    if (style.boxShadow && style.boxShadow !== "none") {
      // A shadow ring (none in site.css today) counts as present; its contrast is not parsed.
      rings.push({kind: "box-shadow" + (pseudo || ""), width: 2, contrast: 3,
                  shadow: style.boxShadow});
    }
  }
  return {
    element: element.tagName.toLowerCase() + (element.className ? "." + element.className : ""),
    text: (element.innerText || element.value || "").trim().slice(0, 60),
    rings,
  };
}"""


def _is_focused(target: Locator) -> bool:
    return target.evaluate("(element) => element === document.activeElement")


def tab_to(page: Page, target: Locator, limit: int = 120) -> list[dict[str, Any]]:
    """Press Tab until `target` has focus; return what had focus on the way (and it)."""
    visited: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        visited.append(page.evaluate(FOCUS_INFO))
        if _is_focused(target):
            return visited
    names = [f"{step['element']} {step['text']!r}" for step in visited]
    raise AssertionError(f"Tab never reached {target}; focus went through: {names}")


def assert_focus_visible(visited: list[dict[str, Any]]) -> None:
    invisible = [
        step
        for step in visited
        if not any(ring["width"] >= 2 and ring["contrast"] >= 3 for ring in step["rings"])
    ]
    assert not invisible, f"Focused without a visible focus ring: {invisible}"


def test_tab_reaches_every_control_of_an_article_page_with_a_visible_focus_ring(page: Page):
    site = build_site()
    page.goto(site.pages["en"]["article"])
    header = page.locator(".site-header")
    related = page.get_by_role("region", name="Read more news")
    # In reading order: skip link, header, then the article's share block and the cards.
    targets = [
        page.get_by_role("link", name="Skip to main content"),
        header.get_by_role("link", name="News", exact=True),
        header.get_by_role("link", name="Search", exact=True),
        page.get_by_role("navigation", name="Language").get_by_role("link", name="Suomi"),
        page.get_by_role("navigation", name="Language").get_by_role("link", name="Svenska"),
        page.get_by_role("button", name="Copy link"),
        *related.get_by_role("link").all(),
    ]
    assert len(targets) == 6 + 4
    visited: list[dict[str, Any]] = []
    for target in targets:
        visited += tab_to(page, target)
    assert_focus_visible(visited)
    # Nothing focusable is hidden off-screen along the way (other than the skip link).
    assert len(visited) < 60


def test_skip_link_enter_moves_past_the_header(page: Page):
    site = build_site()
    page.goto(site.pages["en"]["index"])
    visited = tab_to(page, page.get_by_role("link", name="Skip to main content"))
    assert len(visited) == 1
    assert_focus_visible(visited)

    page.keyboard.press("Enter")

    expect(page.locator("#main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#main') !== null")


def test_main_navigation_and_language_switcher_work_with_enter(page: Page, live_server):
    site = build_site()
    page.goto(site.pages["en"]["article"])

    assert_focus_visible(tab_to(page, page.locator(".site-nav").get_by_role("link", name="Search")))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/news/search/$"))

    page.goto(site.pages["en"]["article"])
    switcher = page.get_by_role("navigation", name="Language")
    assert_focus_visible(tab_to(page, switcher.get_by_role("link", name="Svenska")))
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + site.pages["sv"]["article"])
    expect(page.locator("html")).to_have_attribute("lang", "sv")


def test_share_button_is_reached_with_tab_and_space_announces_url_copied(
    page: Page, live_server, settings
):
    settings.SITE_URL = live_server.url
    site = build_site()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(site.pages["en"]["article"])
    button = page.get_by_role("button", name="Copy link")

    assert_focus_visible(tab_to(page, button))
    page.keyboard.press(" ")

    expect(page.get_by_role("status")).to_have_text("URL copied!")
    assert page.evaluate("navigator.clipboard.readText()") == (
        live_server.url + site.pages["en"]["article"]
    )


def test_search_form_is_filled_and_sent_from_the_keyboard(page: Page):
    site = build_site()
    page.goto(site.pages["en"]["empty-search"])
    words = page.get_by_label("Search words")

    visited = tab_to(page, words)
    page.keyboard.type("laboratory")
    visited += tab_to(page, page.get_by_label("Category"), limit=1)
    page.keyboard.press("ArrowDown")  # from "All categories" to the first category
    visited += tab_to(page, page.get_by_role("button", name="Search"), limit=1)
    assert_focus_visible(visited)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"\?q=laboratory&category=(research|studies)$"))
    results = page.locator(".search-results").get_by_role("article")
    expect(results).to_have_count(1)
    expect(results.get_by_role("heading")).to_have_text("A new laboratory for the campus (en)")


def test_pagination_and_cards_are_followed_with_enter(page: Page, live_server):
    site = build_site()
    page.goto(site.pages["en"]["index"])
    pages = page.get_by_role("navigation", name="Pages")

    assert_focus_visible(tab_to(page, pages.get_by_role("link", name="2", exact=True)))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/news/\?page=2$"))

    page.goto(site.pages["en"]["article"])
    first_card = page.get_by_role("region", name="Read more news").get_by_role("link").first
    title = first_card.inner_text()
    assert_focus_visible(tab_to(page, first_card))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
