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


def test_share_button_and_language_switcher_work_under_the_policy(
    page: Page, live_server, settings
):
    """The policy has no 'unsafe-inline' for scripts, and what scripts do on public pages
    still works: the share button copies the address, the language switcher changes
    language (and translation), with no violation reported."""
    violations = _record_violations(page)
    settings.SITE_URL = live_server.url
    english = make_article(title="Library opens", categories=[make_category()])
    make_article(title="Kirjasto avautuu", language="fi", slug="kirjasto", translation_of=english)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)

    response = page.goto(english.get_absolute_url())
    policy = response.headers["content-security-policy"]
    script_policy = next(part for part in policy.split(";") if "script-src" in part)
    assert "'unsafe-inline'" not in script_policy and "'unsafe-eval'" not in script_policy
    # An inline script injected now is refused by the browser: the policy is in force.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__inline = 1'; document.body.append(s); }"
    )
    assert page.evaluate("window.__inline") is None

    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status", include_hidden=True)).to_have_text("URL copied!")
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + (
        english.get_absolute_url()
    )

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Suomi").click()
    expect(page).to_have_url(f"{live_server.url}/fi/news/kirjasto/")
    expect(page.get_by_role("heading", name="Kirjasto avautuu")).to_be_visible()
    page.get_by_role("button", name="Kopioi linkki").click()
    expect(page.get_by_role("status", include_hidden=True)).not_to_be_empty()

    # The one injected inline script above is the only violation.
    assert len(violations) == 1, violations
