"""Never lose typing, in a real browser: what a writer types is kept privately while
they type, offered back when they return after losing the tab, and restored into the
form, rich text included; and two editors with one story open are told of each other."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from articles.models import Article, Status
from publishing.models import Autosave
from tests.browser.admin_login import PASSWORD, log_in
from tests.factories import make_article, make_user


@pytest.fixture(autouse=True)
def _report_every_second(settings):
    settings.AUTOSAVE_SECONDS = 1


def test_typing_lost_with_the_tab_is_restored_on_return(page: Page, browser: Browser, live_server):
    writer = make_user("wanda", role="Writer", password=PASSWORD)
    article = make_article(title="Library opens", status=Status.DRAFT, author=writer)
    form = f"/admin/articles/article/{article.pk}/change/"

    log_in(page, "wanda")
    page.goto(form)
    page.locator("#id_title").fill("Library opens on Monday at eight")
    editor = page.locator(".field-body [contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" The reading room has 300 seats.")
    expect(page.locator(".newsroom-autosave__status")).to_contain_text("Saved privately at")
    # The tab is closed without saving (no chance to answer "Leave site?").
    page.close()
    article.refresh_from_db()
    assert article.title == "Library opens"

    again = browser.contexts[0].new_page() if browser.contexts else browser.new_page()
    again.goto(live_server.url + form)
    offer = again.get_by_role("region", name="Restore unsaved changes?")
    expect(offer).to_be_visible()
    expect(again.locator("#id_title")).to_have_value("Library opens")
    offer.get_by_role("link", name="Restore my changes").click()
    expect(again.locator("#id_title")).to_have_value("Library opens on Monday at eight")
    expect(again.locator(".field-body [contenteditable=true]")).to_contain_text(
        "The reading room has 300 seats."
    )
    again.get_by_role("button", name="Save and continue editing").click()
    expect(again.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.title == "Library opens on Monday at eight"
    assert "300 seats" in article.body
    assert not Autosave.objects.exists()


def test_discarding_unsaved_changes_shows_the_saved_story(page: Page):
    make_user("wanda", role="Writer", password=PASSWORD)
    article = make_article(title="Library opens", status=Status.DRAFT)
    form = f"/admin/articles/article/{article.pk}/change/"
    log_in(page, "wanda")
    page.goto(form)
    page.locator("#id_title").fill("Something typed by mistake")
    expect(page.locator(".newsroom-autosave__status")).to_contain_text("Saved privately at")

    page.once("dialog", lambda dialog: dialog.accept())  # "Leave site?"
    page.goto(form)
    page.get_by_role("button", name="Discard them").click()

    expect(page.get_by_role("region", name="Restore unsaved changes?")).to_have_count(0)
    expect(page.locator("#id_title")).to_have_value("Library opens")
    assert not Autosave.objects.exists()


def test_two_editors_with_one_story_open_are_told_of_each_other(
    page: Page, browser: Browser, live_server
):
    make_user("wanda", role="Writer", password=PASSWORD)
    make_user("eero", role="Editor", password=PASSWORD)
    article = make_article(title="Library opens", status=Status.DRAFT)
    form = f"/admin/articles/article/{article.pk}/change/"

    log_in(page, "wanda")
    page.goto(form)
    expect(page.locator(".newsroom-presence")).to_be_hidden()

    other = browser.new_context(base_url=live_server.url, locale="en-GB")
    try:
        editor = other.new_page()
        log_in(editor, "eero")
        editor.goto(form)
        expect(editor.locator(".newsroom-presence")).to_have_text(
            "wanda also has this story open. Saving after them will be refused, "
            "so agree who edits it."
        )
        # The writer's form learns of the editor at its next report, without a reload.
        expect(page.locator(".newsroom-presence")).to_contain_text("eero also has this story open")
    finally:
        other.close()
    assert Article.objects.get().title == "Library opens"
