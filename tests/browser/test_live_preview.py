"""The live preview beside the article form, in a real browser: what a writer types shows
in the public page beside the form within two seconds, at phone and desktop widths, and
nothing is saved until they press Save."""

from __future__ import annotations

import time

from playwright.sync_api import Page, expect

from articles.models import Article, Status
from tests.browser.admin_login import PASSWORD, log_in
from tests.factories import make_article, make_category, make_photo, make_user


def test_what_a_writer_types_shows_in_the_preview_beside_the_form(page: Page, live_server):
    make_user("wanda", role="Writer", password=PASSWORD)
    article = make_article(
        title="Robots join the library",
        status=Status.DRAFT,
        published_at=None,
        hero_photo=make_photo(alt_text="A robot between shelves"),
        categories=[make_category(name_en="Campus", slug="campus")],
        lead="The library's new helpers carry books.",
    )
    page.set_viewport_size({"width": 1600, "height": 1000})
    log_in(page, "wanda")
    page.goto(f"/admin/articles/article/{article.pk}/change/")

    pane = page.get_by_role("region", name="Live preview")
    frame = page.frame_locator("iframe[name=live-preview]")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Robots join the library")

    title = page.locator("#id_title")
    title.press("End")
    started = time.monotonic()
    title.press_sequentially(" and the lab")
    expect(frame.get_by_role("heading", level=1)).to_have_text(
        "Robots join the library and the lab", timeout=2_000
    )
    assert time.monotonic() - started < 2.0 + 0.5  # typing itself takes a moment
    expect(pane.get_by_role("status")).to_contain_text("Updated")

    # The rich-text body too, through its editor.
    editor = page.locator(".field-body [contenteditable=true]")
    editor.click()
    page.keyboard.type("Booking opens in May.")
    expect(frame.get_by_text("Booking opens in May.")).to_be_visible(timeout=2_000)

    # The pre-publish panel follows too: a vague link text is advised on.
    panel = page.get_by_role("region", name="Before publishing")
    expect(panel).to_contain_text("words")
    page.keyboard.press("Enter")
    page.keyboard.type("Read more")
    expect(panel).to_contain_text("Everything publishing needs is there.")

    # Phone width, then back.
    pane.get_by_role("button", name="Phone").click()
    expect(pane.get_by_role("button", name="Phone")).to_have_attribute("aria-pressed", "true")
    assert page.locator("iframe[name=live-preview]").bounding_box()["width"] <= 390
    pane.get_by_role("button", name="Desktop").click()
    assert page.locator("iframe[name=live-preview]").bounding_box()["width"] > 390

    # Nothing was saved.
    assert Article.objects.get(pk=article.pk).title == "Robots join the library"


def test_leaving_the_form_with_unsaved_typing_asks_first_and_saving_does_not(
    page: Page, live_server
):
    make_user("wanda", role="Writer", password=PASSWORD)
    article = make_article(title="Robots join the library", status=Status.DRAFT, published_at=None)
    log_in(page, "wanda")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    asked: list[str] = []

    def answer(dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # "Stay on page"

    page.on("dialog", answer)
    page.locator("#id_lead").fill("A lead typed but not saved.")
    page.get_by_role("link", name="Articles").first.click()
    page.wait_for_timeout(500)

    assert asked == ["beforeunload"]
    assert "/change/" in page.url  # the editor stayed, with what they typed
    expect(page.locator("#id_lead")).to_have_value("A lead typed but not saved.")
    # Saving leaves without asking.
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert asked == ["beforeunload"]
