"""Layout at phone, tablet and desktop widths, text at 200%, reduced motion and print.

Screenshots of every page type at every width are kept in test-artifacts/layout/ for
reviewers (git-ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.site_content import build_site

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "layout"
PAGE_TYPES = ["index", "article", "category", "tag", "author", "search", "no-results", "404"]
# 640 is a 1280-pixel desktop window zoomed to 200% (WCAG 1.4.10 reflow is 320).
WIDTHS = {"phone": 375, "tablet": 768, "desktop": 1280, "desktop-zoom-200": 640}

# Text that runs past the viewport's edges (measured on the text itself, so decorations
# clipped on purpose, like the dates' leading separators, do not count) or is cut off by
# a box that hides its overflow.
CLIPPED_TEXT = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  for (const element of document.querySelectorAll("body *")) {
    if (element.closest(".visually-hidden, .skip-link, [hidden]")) continue;
    const texts = [...element.childNodes].filter(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!texts.length) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const clips = style.overflowX !== "visible";
    for (const text of texts) {
      const range = document.createRange();
      range.selectNodeContents(text);
      for (const box of range.getClientRects()) {
        if (box.width && (box.right > width + 1 || box.left < -1)) {
          const where = `[${Math.round(box.left)}, ${Math.round(box.right)}]`;
          problems.push(`${element.tagName.toLowerCase()}.${element.className} ` +
            `"${text.textContent.trim().slice(0, 40)}" ${where}`);
        }
      }
    }
    if (clips && element.scrollWidth > element.clientWidth + 1) {
      problems.push(`${element.tagName.toLowerCase()}.${element.className} clips its text`);
    }
  }
  return problems;
}"""


def _no_horizontal_scrolling(page: Page) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth]"
    )
    assert widths[0] <= widths[1] and widths[2] <= widths[1], (
        f"{page.url} scrolls sideways: content {widths[0]}px in a {widths[1]}px window"
    )


@pytest.mark.parametrize("language", ["en", "fi"])
@pytest.mark.parametrize("device", WIDTHS)
def test_pages_fit_phone_tablet_and_desktop_widths(page: Page, device: str, language: str):
    site = build_site()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": WIDTHS[device], "height": 900})
    for name in PAGE_TYPES:
        page.goto(site.pages[language][name])
        page.wait_for_load_state("load")
        _no_horizontal_scrolling(page)
        assert page.evaluate(CLIPPED_TEXT) == [], f"{name} at {device}"
        page.screenshot(path=ARTIFACTS / f"{language}-{name}-{device}.png", full_page=True)


def test_text_at_200_percent_loses_nothing(page: Page):
    """WCAG 1.4.4: the reader's font size doubled (root font size 200%) on a desktop."""
    site = build_site()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name in PAGE_TYPES:
        page.goto(site.pages["en"][name])
        # Body text doubles; the fluid headings and article lead (clamp with a vw part)
        # grow 1.4-1.8 times, which is what "without loss" is about: nothing cut or hidden.
        text = page.locator("body")
        size = "(element) => parseFloat(getComputedStyle(element).fontSize)"
        before = text.evaluate(size)
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert text.evaluate(size) == pytest.approx(2 * before), f"{name}: text did not double"
        _no_horizontal_scrolling(page)
        assert page.evaluate(CLIPPED_TEXT) == [], name
        page.screenshot(path=ARTIFACTS / f"en-{name}-text-200.png", full_page=True)


def test_reduced_motion_turns_transitions_off(page: Page):
    site = build_site()
    page.goto(site.pages["en"]["index"])
    image = page.locator(".card__image").first
    duration = "(element) => parseFloat(getComputedStyle(element).transitionDuration)"
    assert image.evaluate(duration) >= 0.2  # the hover zoom animates by default

    page.emulate_media(reduced_motion="reduce")

    assert image.evaluate(duration) < 0.001
    durations = page.evaluate(
        """() => [...document.querySelectorAll('body *')].map((e) => getComputedStyle(e))
            .flatMap((s) => [s.transitionDuration, s.animationDuration])
            .flatMap((d) => d.split(',')).map(parseFloat)"""
    )
    assert max(durations) < 0.001
    page.locator(".card__link").first.hover()  # the link covers the whole card
    assert image.evaluate("(element) => getComputedStyle(element).transform") == "none"


def test_printed_article_keeps_the_story_and_drops_navigation_share_and_related(page: Page):
    site = build_site()
    page.goto(site.pages["en"]["article"])
    expect(page.get_by_role("region", name="Read more news")).to_be_visible()

    page.emulate_media(media="print")

    for hidden in [".site-nav", ".language-switcher", ".share", ".related-news", ".site-footer"]:
        # The header has the navigation twice: in a row for wide screens, in the phone menu.
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".article__body")).to_be_visible()
    expect(page.locator(".article__body")).to_contain_text("Researchers have waited")
    expect(page.locator(".figure--hero")).to_be_visible()
    # Links in the text say where they lead on paper.
    after = page.locator(".article__body a").first.evaluate(
        "(a) => getComputedStyle(a, '::after').content"
    )
    assert "https://example.edu/lab" in after
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=ARTIFACTS / "en-article-print.pdf")
