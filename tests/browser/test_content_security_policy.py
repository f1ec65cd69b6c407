"""The Content-Security-Policy holds in a real browser: the site's own pages and the
admin (login, the article form's autocomplete) work under it with no violation."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from playwright.sync_api import ConsoleMessage, Page, expect

from tests.factories import make_article, make_category, make_photo

PASSWORD = "a-long-admin-password-42"


def _record_violations(page: Page) -> list[str]:
    """Chromium reports each blocked resource or inline script on the console."""
    violations: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(message.text)

    page.on("console", on_console)
    return violations


def test_public_pages_run_under_the_policy_without_violations(page: Page, live_server):
    violations = _record_violations(page)
    article = make_article(
        title="Policy-proof story", categories=[make_category()], hero_photo=make_photo()
    )

    response = page.goto(article.get_absolute_url())
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # share.js ran: it reveals the copy button that stays hidden without JavaScript.
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    expect(page.locator("img").first).to_have_js_property("complete", True)
    page.goto("/en/news/")
    expect(page.get_by_role("heading", name="News", exact=True)).to_be_visible()

    assert violations == []


def test_admin_login_and_article_form_with_autocomplete_work_under_the_policy(
    page: Page, live_server
):
    violations = _record_violations(page)
    get_user_model().objects.create_superuser("editor", "editor@example.edu", PASSWORD)
    make_category(name_en="Research", slug="research")

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(
        page.get_by_role("link", name="Log out").or_(page.get_by_role("button", name="Log out"))
    ).to_be_visible()

    page.goto("/admin/articles/article/add/")
    # Select2's autocomplete: open the categories box, type, pick the suggestion.
    page.locator(".field-categories .select2-selection").click()
    page.locator(".select2-search__field").last.fill("Rese")
    option = page.get_by_role("option", name="Research")
    expect(option).to_be_visible()
    option.click()
    expect(page.locator(".field-categories .select2-selection__choice")).to_contain_text("Research")

    assert violations == []
