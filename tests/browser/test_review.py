"""Review with words, in a real browser: a Writer submits a story with a note, an
Editor sends it back with a comment, the Writer finds the comment on the desk and the
form, resubmits, and the Editor publishes it with one button; scheduling is a time and
one button."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from articles.models import Article, Status
from tests.browser.admin_login import PASSWORD, log_in
from tests.factories import make_article, make_category, make_photo, make_user


def _ready_draft(author) -> Article:
    return make_article(
        title="Helsinki and Aalto open a climate data hub",
        status=Status.DRAFT,
        published_at=None,
        author=author,
        hero_photo=make_photo(),
        categories=[make_category()],
    )


def test_a_story_goes_to_review_comes_back_with_a_comment_and_is_published(
    page: Page, browser: Browser, live_server
):
    writer = make_user("wanda", role="Writer", password=PASSWORD)
    make_user("eero", role="Editor", password=PASSWORD)
    article = _ready_draft(writer)
    form = f"/admin/articles/article/{article.pk}/change/"

    # The writer submits the story with a note for the editor: one field, one button.
    log_in(page, "wanda")
    page.goto(form)
    page.get_by_label("Note for the review").fill("Please check the mayor's quote.")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    editor_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    editor = editor_context.new_page()
    try:
        # The editor sees it waiting, with the note, on the desk.
        log_in(editor, "eero")
        review = editor.locator(
            "section", has=editor.get_by_role("heading", name="Awaiting review (1)")
        )
        expect(review).to_contain_text("Please check the mayor's quote.")
        review.get_by_role("link", name=article.title).click()
        expect(editor.locator(".newsroom-review__thread")).to_contain_text(
            "Please check the mayor's quote."
        )

        # Sending back needs a comment: without one the form says so and nothing moves.
        editor.get_by_role("button", name="Send back").click()
        expect(editor.locator(".newsroom-review .errorlist")).to_contain_text(
            "Say what the writer should change"
        )
        article.refresh_from_db()
        assert article.status == Status.REVIEW
        editor.get_by_label("Note for the review").fill("The quote is from the deputy mayor.")
        editor.get_by_role("button", name="Send back").click()
        expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")

        # The writer finds what came back on the desk and above the form.
        page.goto("/admin/")
        drafts = page.locator("section", has=page.get_by_role("heading", name="My drafts"))
        expect(drafts).to_contain_text("Sent back: The quote is from the deputy mayor.")
        drafts.get_by_role("link", name=article.title).click()
        expect(page.locator(".newsroom-sent-back")).to_contain_text("Sent back by eero")
        expect(page.locator(".newsroom-sent-back")).to_contain_text(
            "The quote is from the deputy mayor."
        )
        page.locator("#id_lead").fill("The deputy mayor opened the hub on Monday.")
        page.get_by_label("Note for the review").fill("Fixed.")
        page.get_by_role("button", name="Submit for review").click()
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

        # The editor publishes it with one button; readers see it at once.
        editor.goto(form)
        editor.get_by_role("button", name="Publish now").click()
        expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")
        article.refresh_from_db()
        assert article.status == Status.PUBLISHED
        editor.goto(article.get_absolute_url())
        expect(editor.get_by_role("heading", level=1)).to_have_text(article.title)

        # The history tells the story of the review in words.
        editor.goto(f"/admin/articles/article/{article.pk}/history/")
        history = editor.locator("#change-history")
        expect(history).to_contain_text("Submitted for review: Please check the mayor's quote.")
        expect(history).to_contain_text("Sent back: The quote is from the deputy mayor.")
        expect(history).to_contain_text("Published")
    finally:
        editor_context.close()


def test_an_editor_schedules_a_story_with_a_time_and_one_button(page: Page):
    make_user("eero", role="Editor", password=PASSWORD)
    article = _ready_draft(None)
    Article.objects.filter(pk=article.pk).update(status=Status.REVIEW)

    log_in(page, "eero")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Tomorrow 9:00").click()
    page.get_by_label("Note for the review").fill("Embargoed until the press conference.")
    page.get_by_role("button", name="Schedule").click()

    row = page.locator("#result_list tbody tr", has_text=article.title)
    expect(row.locator(".newsroom-state")).to_have_text("Scheduled")
    article.refresh_from_db()
    tomorrow = timezone.localtime() + timedelta(days=1)
    assert timezone.localtime(article.published_at).date() == tomorrow.date()
    assert timezone.localtime(article.published_at).hour == 9
