"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any public page type or on the
admin's news desk, publishing calendar, article form (with its review notes, a
sent-back note, the offer to restore unsaved changes and the banner naming another
editor) and its history (the list, the compare page, the restore page), in English,
Finnish and Swedish.

axe-core comes from the npm registry (package.json, installed by `npm ci` in bin/test)
and is injected with `page.evaluate`, which Chromium runs through the DevTools protocol:
the page's Content-Security-Policy (no inline scripts) does not apply to it, so the site
is tested under its real policy.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from reversion.models import Version

from articles.models import Status
from publishing.models import Autosave, Presence, ReviewAction, ReviewNote
from tests.factories import make_article, make_category, make_photo, make_revision
from tests.site_content import LANGUAGES, build_site

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "a-long-admin-password-42"
PUBLIC_PAGES = [
    "index",
    "index-page-2",
    "article",
    "category",
    "tag",
    "author",
    "search",
    "empty-search",
    "no-results",
    "404",
    "statement",
    "feedback",
    "feedback-sent",
]

# The Django admin's own markup that axe faults and we cannot change from our side, as
# (rule, exact element selector) pairs: only that rule on those elements is excused, every
# other rule still checks them. Keep this list short and each entry explained.
ADMIN_KNOWN: set[tuple[str, str]] = {
    # Select2 4.0.13 (vendored by Django 5.2) puts its "clear all" <span> inside the <ul>
    # of chosen items of a multiple autocomplete (categories) once something is chosen;
    # Select2 4.1 moved it out. Rewriting Select2's markup from a script would fight its
    # own re-rendering, so this one is excused until Django ships a newer Select2.
    # (axe names the element by its tag or by its class, whichever is unique on the page.)
    ("list", ".select2-selection--multiple > ul"),
    ("list", ".select2-selection--multiple > .select2-selection__rendered"),
}


def _axe_source() -> str:
    if not AXE.exists():
        pytest.fail(
            f"axe-core is not installed at {AXE}: run `npm ci` in the project (bin/test "
            "does this when node_modules is missing).",
            pytrace=False,
        )
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Page, known: set[tuple[str, str]] = frozenset()) -> list[dict[str, Any]]:
    """Inject axe-core into the loaded page and return its WCAG A/AA violations, less the
    `known` (rule, selector) pairs."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(
        """async ([context, tags]) => {
            const result = await axe.run(context, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
            }));
        }""",
        [{"include": [["html"]]}, WCAG_AA],
    )
    remaining = []
    for violation in violations:
        nodes = [
            node
            for node in violation["nodes"]
            if (violation["id"], " ".join(map(str, node["target"]))) not in known
        ]
        if nodes:
            remaining.append({**violation, "nodes": nodes})
    return remaining


def _describe(found: dict[str, list[dict[str, Any]]]) -> str:
    """One line per page and rule: its help text and the elements concerned."""
    lines = []
    for path, violations in found.items():
        for violation in violations:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
            lines.append(f"{path} {violation['id']} ({violation['help']}): {json.dumps(targets)}")
            lines.append(f"    {violation['nodes'][0]['summary']}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_wcag_aa_violations(page: Page, language: str):
    site = build_site()
    found: dict[str, list[dict[str, Any]]] = {}
    checked = []
    for name in PUBLIC_PAGES:
        path = site.pages[language][name]
        response = page.goto(path)
        assert response is not None
        assert response.status == (404 if name == "404" else 200), path
        expect(page.locator("html")).to_have_attribute("lang", language)
        # Lazy images in view and the share button's script have done their work.
        page.wait_for_load_state("load")
        violations = run_axe(page)
        checked.append(path)
        if violations:
            found[path] = violations
    assert len(checked) == len(PUBLIC_PAGES)
    assert not found, f"axe-core found WCAG A/AA violations:\n{_describe(found)}"


def _sent_back_draft_with_unsaved_changes(user, language: str):
    """A draft sent back with a comment, which `user` typed in without saving while
    another editor has it open: every part the top of the form can show."""
    draft = make_article(status=Status.DRAFT, language=language, categories=[make_category()])
    other = get_user_model().objects.create_user("otto", is_staff=True)
    ReviewNote.objects.create(article=draft, author=user, action=ReviewAction.SUBMITTED, text="?")
    ReviewNote.objects.create(
        article=draft, author=user, action=ReviewAction.SENT_BACK, text="Name the photographer."
    )
    Autosave.objects.create(
        user=user, article=draft, data={"title": ["Typed"]}, saved_at=timezone.now()
    )
    Presence.objects.create(user=other, article=draft, seen_at=timezone.now())
    return draft


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_article_forms_desk_and_calendar_have_no_wcag_aa_violations(
    browser: Browser, live_server, language: str
):
    site = build_site()
    user = get_user_model().objects.create_superuser("editor", "editor@example.edu", PASSWORD)
    sent_back = _sent_back_draft_with_unsaved_changes(user, language)
    # A public story whose hero photo's licence ends soon: the form's note, and the list.
    ends = timezone.now() + timedelta(days=10)
    ending = make_article(
        language=language, slug="licence-ends", hero_photo=make_photo(licence_ends_at=ends)
    )
    # The admin follows the browser's language.
    context = browser.new_context(
        base_url=live_server.url, locale=language, viewport={"width": 1280, "height": 900}
    )
    try:
        page = context.new_page()
        script_errors: list[str] = []
        page.on("pageerror", lambda error: script_errors.append(str(error)))
        page.goto("/admin/login/?next=/admin/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        page.locator("#id_username").fill("editor")
        page.locator("#id_password").fill(PASSWORD)
        page.locator("input[type=submit]").click()
        expect(page.locator("#user-tools")).to_be_visible()

        found: dict[str, list[dict[str, Any]]] = {}
        article = site.article[language]
        # The change form last: the checks after the loop read it.
        for path, shown in (
            ("/admin/", ".newsroom-desk"),
            ("/admin/articles/article/calendar/", ".newsroom-calendar"),
            ("/admin/articles/article/calendar/?view=day", ".newsroom-calendar"),
            ("/admin/articles/article/add/", "#article_form"),
            (f"/admin/articles/article/{sent_back.pk}/change/", ".newsroom-restore"),
            ("/admin/photos/photo/licences/", ".newsroom-licences__table"),
            (f"/admin/articles/article/{ending.pk}/change/", ".newsroom-rights-note"),
            (f"/admin/articles/article/{article.pk}/change/", "#article_form"),
        ):
            response = page.goto(path)
            assert response is not None
            assert response.status == 200, path
            expect(page.locator(shown)).to_be_visible()
            violations = run_axe(page, known=ADMIN_KNOWN)
            if violations:
                found[path] = violations
        assert not found, f"axe-core found WCAG A/AA violations:\n{_describe(found)}"
        assert not script_errors, script_errors
        if language == "en":
            # The names static/js/admin-a11y.js gives are the ones a sighted editor reads.
            expect(page.locator("#id_gallery-1-position")).to_have_attribute(
                "aria-label", "Position, 2"
            )
            # One datetime-local input, named by its own <label>, described by its help.
            publish = page.get_by_role("textbox", name=re.compile(r"^Publish\w*( \w+)*:?$"))
            expect(publish).to_have_attribute("type", "datetime-local")
            expect(publish).to_have_accessible_description(re.compile(r"Helsinki time"))
            expect(page.get_by_role("combobox", name="Hero photo")).to_have_count(1)
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_history_compare_and_restore_pages_have_no_wcag_aa_violations(
    browser: Browser, live_server, language: str
):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.edu", PASSWORD)
    category = make_category(name_en="Research")
    article = make_article(
        title="Library opens",
        lead="The library is open every day.",
        body="<h2>Hours</h2><p>Doors open at eight.</p><ul><li>Free</li></ul>",
        status=Status.DRAFT,
        language=language,
    )
    first = make_revision(article, editor, tags=["library"])
    second = make_revision(
        article,
        editor,
        lead="The library is open each day.",
        body="<h2>Hours</h2><p>Doors open at nine.</p><blockquote><p>Welcome!</p></blockquote>",
        categories=[category],
        tags=["library", "campus"],
    )
    version = Version.objects.get_for_object(article).get(revision=first)
    context = browser.new_context(
        base_url=live_server.url, locale=language, viewport={"width": 1280, "height": 900}
    )
    try:
        page = context.new_page()
        page.goto("/admin/login/?next=/admin/")
        page.locator("#id_username").fill("editor")
        page.locator("#id_password").fill(PASSWORD)
        page.locator("input[type=submit]").click()
        expect(page.locator("#user-tools")).to_be_visible()

        found: dict[str, list[dict[str, Any]]] = {}
        base = f"/admin/articles/article/{article.pk}/history/"
        for path in (
            base,
            f"{base}compare/?from={first.pk}&to={second.pk}",
            f"{base}{version.pk}/",
        ):
            response = page.goto(path)
            assert response is not None
            assert response.status == 200, path
            if "compare" in path:
                expect(page.locator(".newsroom-diff ins").first).to_be_visible()
                # The unchanged fields are checked unfolded too.
                page.locator(".newsroom-diff__unchanged summary").click()
            violations = run_axe(page, known=ADMIN_KNOWN)
            if violations:
                found[path] = violations
        assert not found, f"axe-core found WCAG A/AA violations:\n{_describe(found)}"
    finally:
        context.close()


def test_the_check_itself_reports_a_missing_alt_text_and_a_low_contrast(page: Page):
    """The harness can fail: a photo stripped of its alt text and grey-on-white text are
    reported, so the empty lists above mean axe really looked."""
    site = build_site()
    page.goto(site.pages["en"]["article"])
    page.locator(".figure--hero img").evaluate("(image) => image.removeAttribute('alt')")
    page.locator(".article__lead").evaluate("(lead) => { lead.style.color = '#bbbbbb'; }")

    found = {violation["id"] for violation in run_axe(page)}

    assert {"image-alt", "color-contrast"} <= found
