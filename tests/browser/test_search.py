"""A reader searches the news in a real browser."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.factories import make_article, make_category


def test_a_reader_searches_narrows_to_a_category_and_opens_a_result(page: Page):
    research = make_category(name_en="Research", slug="research")
    make_article(
        title="Glacier melt measured from space",
        lead="Satellites show how fast the glaciers of Svalbard retreat.",
        categories=[research],
    )
    make_article(title="Glacier walk for new students", categories=[make_category()])
    make_article(title="Choir concert in the main hall")
    page.goto("/en/news/")

    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Search words").fill("glacier")
    page.get_by_role("button", name="Search", exact=True).click()

    results = page.locator(".search-result")
    expect(page.get_by_role("status")).to_have_text("2 results for “glacier”")
    expect(results).to_have_count(2)
    expect(results.locator("mark").first).to_be_visible()

    page.get_by_label("Category").select_option("research")
    page.get_by_role("button", name="Search", exact=True).click()

    expect(results).to_have_count(1)
    expect(page.get_by_label("Search words")).to_have_value("glacier")
    results.get_by_role("link", name="Glacier melt measured from space").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Glacier melt measured from space")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Research")
