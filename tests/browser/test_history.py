"""An editor compares two revisions of an article from its history, in a real browser."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from articles.models import Status
from tests.browser.admin_login import PASSWORD, log_in
from tests.factories import make_article, make_category, make_revision, make_user


def test_an_editor_picks_two_revisions_in_the_history_and_sees_what_changed(page: Page):
    editor = make_user("eero", role="Editor", password=PASSWORD)
    article = make_article(
        title="Library opens",
        lead="The library is open every day.",
        body="<h2>Hours</h2><p>Doors open at eight.</p>",
        status=Status.DRAFT,
    )
    first = make_revision(article, editor)
    make_revision(article, editor, title="Library opens its doors")
    make_revision(
        article,
        editor,
        lead="The library is open each day.",
        categories=[make_category(name_en="Campus")],
    )

    log_in(page, "eero")
    page.goto(f"/admin/articles/article/{article.pk}/history/")
    # The latest two are chosen already; the editor compares the first with the latest.
    page.locator(f"#compare-from-{first.pk}").check()
    page.get_by_role("button", name="Compare selected revisions").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Compare revisions")
    lead = page.locator(".newsroom-diff__field--lead")
    expect(lead.locator("del")).to_have_text("removed: every")
    expect(lead.locator("ins")).to_have_text("added: each")
    expect(page.locator(".newsroom-diff__field--title ins")).to_have_text("added: its doors")
    expect(page.locator(".newsroom-diff__field--categories ins")).to_have_text("added: Campus")
    unchanged = page.locator(".newsroom-diff__unchanged")
    expect(unchanged.locator("summary")).to_contain_text("Body")
    expect(unchanged.locator("table")).to_be_hidden()
    unchanged.locator("summary").click()
    expect(unchanged.locator(".newsroom-diff__block--heading")).to_have_text("Subheading: Hours")

    # Before restoring the first revision, the editor sees what it would change.
    page.locator(".newsroom-compared a").first.click()
    restore = page.locator(".newsroom-restore-diff")
    expect(restore.get_by_role("heading")).to_have_text("What restoring this revision would change")
    expect(restore.locator(".newsroom-diff__field--lead del")).to_have_text("removed: each")
    expect(restore.locator(".newsroom-diff__field--lead ins")).to_have_text("added: every")
