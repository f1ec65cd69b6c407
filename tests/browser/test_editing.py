"""An editor's day in the admin, in a real browser: write, format, review, publish,
schedule, and the rules that keep two people and two roles from stepping on each other."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils import timezone
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect

from articles.models import Article, Status
from photos.models import Photo
from tests.browser.admin_login import PASSWORD, log_in
from tests.factories import make_article, make_category, make_photo, make_user


def _second_tab(browser: Browser, live_server) -> tuple[BrowserContext, Page]:
    """Another person at another computer: a browser profile of their own."""
    other = browser.new_context(base_url=live_server.url, locale="en-GB")
    return other, other.new_page()


def _choose_in_autocomplete(page: Page, field: str, search: str) -> None:
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-search__field").last.fill(search)
    option = page.locator(".select2-results__option", has_text=search).first
    expect(option).to_be_visible()
    option.click()


def _jpeg(path: Path) -> Path:
    Image.new("RGB", (2000, 1333), "#2a6f97").save(path, "JPEG", quality=80)
    return path


def _body_editor(page: Page):
    return page.locator(".field-body [contenteditable=true]")


def _wait_for_editor_selection(page: Page, text: str) -> None:
    """Wait until the body editor holds `text` selected ("" for a bare cursor).

    A toolbar button acts on the editor's own record of the selection, which follows the
    browser's a task later; on a busy machine a click can come first, focus leaves the
    editor and the new selection is never taken. A writer is never that quick.
    """
    page.wait_for_function(
        """text => {
            const {state} = document.querySelector(".field-body [contenteditable=true]").editor;
            return state.doc.textBetween(state.selection.from, state.selection.to) === text;
        }""",
        arg=text,
    )


def test_writer_writes_and_submits_an_article_and_an_editor_publishes_it(
    page: Page, browser: Browser, live_server, tmp_path
):
    make_user("wanda", role="Writer", password=PASSWORD)
    make_user("eero", role="Editor", password=PASSWORD)
    make_category(name_en="Research", slug="research")

    # The writer uploads a photo to the library.
    log_in(page, "wanda")
    page.goto("/admin/photos/photo/add/")
    page.get_by_label("Image").set_input_files(_jpeg(tmp_path / "lab.jpg"))
    page.get_by_label("Alt text").fill("Researchers at a microscope")
    page.get_by_label("Default caption").fill("The new imaging lab")
    page.get_by_label("Credit").fill("Veikko Kuvaaja")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert Photo.objects.get().width == 2000

    # …writes and formats the article in the rich-text editor…
    page.goto("/admin/articles/article/add/")
    page.locator("#id_title").press_sequentially("Imaging lab opens for all researchers")
    expect(page.locator("#id_slug")).to_have_value("imaging-lab-opens-for-all-researchers")
    page.locator("#id_lead").fill("The university's new imaging lab is open to every team.")
    editor = _body_editor(page)
    editor.click()
    page.keyboard.type("What the lab offers")
    # Each step waits for the editor to show the last, as a writer would look: on a
    # busy machine a click could otherwise land before the typing or selecting is in.
    expect(editor.locator("p")).to_have_text("What the lab offers")
    page.locator(".field-body .prose-menubar__selected").click()
    page.locator('.field-body .prose-menubar__option[data-name="heading2"]').click()
    expect(editor.locator("h2")).to_have_text("What the lab offers")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("Booking is free")
    expect(editor.locator("p")).to_have_text("Booking is free")
    page.keyboard.press("Shift+Home")
    _wait_for_editor_selection(page, "Booking is free")
    page.locator('.field-body button[data-name="bold"]').click()
    expect(editor.locator("strong")).to_have_text("Booking is free")
    page.keyboard.press("End")
    _wait_for_editor_selection(page, "")
    page.locator('.field-body button[data-name="bold"]').click()  # bold off again
    page.keyboard.type(" for university staff.")
    page.keyboard.press("Enter")
    page.keyboard.type("Read the booking guide")
    expect(editor.locator("p").last).to_have_text("Read the booking guide")
    page.keyboard.press("Shift+Home")
    _wait_for_editor_selection(page, "Read the booking guide")
    page.locator('.field-body button[data-name="link"]').click()
    dialog = page.locator("dialog.prose-editor-dialog")
    dialog.get_by_label("URL").fill("https://booking.example.org/guide")
    dialog.get_by_role("button", name="Update").click()
    expect(editor.locator("h2")).to_have_text("What the lab offers")
    expect(editor.locator("strong")).to_have_text("Booking is free")
    expect(editor.locator("a")).to_have_text("Read the booking guide")

    _choose_in_autocomplete(page, "hero_photo", "The new imaging lab")
    _choose_in_autocomplete(page, "categories", "Research")
    status = page.locator("#id_status")
    expect(status.locator("option")).to_have_text(["Draft", "In review"])
    status.select_option(label="In review")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    # …and previews it exactly as readers will see it.
    with page.context.expect_page() as preview_tab:
        page.get_by_role("link", name="Preview", exact=True).click()
    preview = preview_tab.value
    expect(preview.get_by_role("heading", level=1)).to_have_text(
        "Imaging lab opens for all researchers"
    )
    expect(preview.get_by_text("Status: In review")).to_be_visible()
    preview.close()
    article = Article.objects.get()
    assert article.status == Status.REVIEW
    public_url = live_server.url + article.get_absolute_url()
    assert page.request.get(public_url).status == 404

    # The editor finds it in review and publishes it.
    editor_context, editor_page = _second_tab(browser, live_server)
    try:
        log_in(editor_page, "eero")
        editor_page.goto("/admin/articles/article/")
        row = editor_page.locator("#result_list tbody tr", has_text=article.title)
        expect(row.locator(".newsroom-state")).to_have_text("In review")
        row.get_by_role("link", name=article.title).click()
        editor_page.locator("#id_status").select_option(label="Published")
        editor_page.get_by_role("button", name="Save", exact=True).click()
        expect(editor_page.locator(".messagelist")).to_contain_text("was changed successfully")
        expect(row.locator(".newsroom-state")).to_have_text("Published")

        # Readers see it, formatted, on the site.
        editor_page.goto(article.get_absolute_url())
        expect(editor_page.get_by_role("heading", level=1)).to_have_text(article.title)
        body = editor_page.locator(".article__body")
        expect(body.get_by_role("heading", level=2)).to_have_text("What the lab offers")
        expect(body.locator("strong")).to_have_text("Booking is free")
        link = body.get_by_role("link", name="Read the booking guide")
        expect(link).to_have_attribute("href", "https://booking.example.org/guide")
        expect(link).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
        expect(editor_page.get_by_role("img", name="Researchers at a microscope")).to_be_visible()
        editor_page.goto("/en/news/")
        expect(editor_page.get_by_role("link", name=article.title)).to_be_visible()
    finally:
        editor_context.close()


def test_a_scheduled_article_appears_by_itself_at_its_publish_time(page: Page):
    make_user("eero", role="Editor", password=PASSWORD)
    article = make_article(
        title="Scheduled for the opening",
        status=Status.REVIEW,
        published_at=None,
        hero_photo=make_photo(),
        categories=[make_category()],
    )
    log_in(page, "eero")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    # The form takes whole seconds: this is exactly the publish time that is stored.
    when = (timezone.localtime() + timedelta(seconds=6)).replace(microsecond=0)
    page.locator("#id_status").select_option(label="Published")
    page.locator("#id_published_at").fill(when.strftime("%Y-%m-%dT%H:%M:%S"))
    page.get_by_role("button", name="Save", exact=True).click()
    row = page.locator("#result_list tbody tr", has_text=article.title)
    expect(row.locator(".newsroom-state")).to_have_text("Scheduled")

    page.goto("/en/news/")
    expect(page.get_by_role("link", name=article.title)).to_have_count(0)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        page.reload()
        if page.get_by_role("link", name=article.title).count():
            break
        page.wait_for_timeout(1000)
    expect(page.get_by_role("link", name=article.title)).to_be_visible()
    assert timezone.now() >= when
    page.goto("/admin/articles/article/")
    expect(row.locator(".newsroom-state")).to_have_text("Published")


def test_the_second_of_two_stale_saves_is_refused_and_overwrites_nothing(
    page: Page, browser: Browser, live_server
):
    make_user("eero", role="Editor", password=PASSWORD)
    make_user("emma", role="Editor", password=PASSWORD)
    article = make_article(title="Original title", lead="Original lead.", status=Status.DRAFT)
    change_url = f"/admin/articles/article/{article.pk}/change/"
    other_context, other_page = _second_tab(browser, live_server)
    try:
        log_in(page, "eero")
        log_in(other_page, "emma")
        page.goto(change_url)
        other_page.goto(change_url)  # both now hold version 1

        page.locator("#id_title").fill("Eero's better title")
        page.get_by_role("button", name="Save", exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

        other_page.locator("#id_lead").fill("Emma's lead, written on the old version.")
        other_page.get_by_role("button", name="Save and continue editing").click()

        expect(other_page.locator(".errornote, .errorlist").first).to_be_visible()
        expect(other_page.get_by_text("Someone else changed this article")).to_be_visible()
        article.refresh_from_db()
        assert article.title == "Eero's better title"
        assert article.lead == "Original lead."

        # Reopening shows the current version, and her change then saves.
        other_page.goto(change_url)
        expect(other_page.locator("#id_title")).to_have_value("Eero's better title")
        other_page.locator("#id_lead").fill("Emma's lead, on the current version.")
        other_page.get_by_role("button", name="Save", exact=True).click()
        expect(other_page.locator(".messagelist")).to_contain_text("was changed successfully")
        article.refresh_from_db()
        assert (article.title, article.lead) == (
            "Eero's better title",
            "Emma's lead, on the current version.",
        )
    finally:
        other_context.close()


def test_a_writers_attempt_to_publish_is_refused(page: Page):
    make_user("wanda", role="Writer", password=PASSWORD)
    article = make_article(
        title="Ready for review",
        status=Status.REVIEW,
        published_at=None,
        hero_photo=make_photo(),
        categories=[make_category()],
    )
    log_in(page, "wanda")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    status = page.locator("#id_status")
    expect(status.locator("option")).to_have_text(["Draft", "In review"])

    # A hand-made request: the option is added back in the page and chosen.
    status.evaluate(
        """(select) => {
            select.add(new Option("Published", "published"));
            select.value = "published";
        }"""
    )
    page.get_by_role("button", name="Save", exact=True).click()

    expect(
        page.get_by_text("Only editors can publish articles. Choose 'In review' to ask an editor.")
    ).to_be_visible()
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert not article.is_published()

    # Nor from the list: the publishing actions are not offered.
    page.goto("/admin/articles/article/")
    actions = page.locator("select[name=action] option")
    expect(actions).to_contain_text(["Submit selected drafts for review"])
    expect(page.locator("select[name=action] option[value=publish]")).to_have_count(0)


def test_body_text_survives_saving_unchanged_through_the_editor(page: Page):
    """The editor loads stored HTML and saves it back without loss or additions."""
    make_user("eero", role="Editor", password=PASSWORD)
    body = (
        "<h2>Sub</h2><p><strong>bold</strong> and <em>italic</em></p>"
        "<ul><li><p>one</p></li></ul><blockquote><p>quote</p></blockquote>"
    )
    article = make_article(title="Round trip", body=body, status=Status.DRAFT)
    log_in(page, "eero")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(_body_editor(page).locator("h2")).to_have_text("Sub")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    article.refresh_from_db()
    for fragment in ("<h2>Sub</h2>", "<strong>bold</strong>", "<em>italic</em>", "<blockquote>"):
        assert fragment in article.body
    assert "<li>" in article.body


def test_an_imported_article_saved_with_only_its_lead_changed_names_only_the_lead(page: Page):
    """Demo content and imports store one block a line; the browser sends those line
    breaks back as CRLF, which is no change to the body."""
    make_user("eero", role="Editor", password=PASSWORD)
    body = "<p>First paragraph.</p>\n<h2>Sub</h2>\n<ul>\n<li>one</li>\n</ul>"
    article = make_article(title="Imported story", body=body, status=Status.DRAFT)
    log_in(page, "eero")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(_body_editor(page).locator("h2")).to_have_text("Sub")
    page.locator("#id_lead").fill("A sharper lead.")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.get_by_role("link", name="History").click()
    expect(page.locator("#change-history")).to_contain_text("Changed Lead.")
    expect(page.locator("#change-history")).not_to_contain_text("Body")


def test_the_article_form_has_one_rich_text_editor_and_no_focusable_element_out_of_view(
    page: Page,
):
    make_user("eero", role="Editor", password=PASSWORD)
    article = make_article(title="One editor", status=Status.DRAFT)
    log_in(page, "eero")
    for url in ("/admin/articles/article/add/", f"/admin/articles/article/{article.pk}/change/"):
        page.goto(url)
        expect(_body_editor(page)).to_be_visible()
        expect(page.locator("[contenteditable]")).to_have_count(1)
        expect(page.locator(".prose-editor")).to_have_count(1)
        expect(page.locator(".prose-menubar")).to_have_count(1)
        # What Tab can reach but the eye cannot see: rendered (so focusable) yet of no
        # size, transparent or off the page. The admin's skip link shows when focused.
        hidden = page.evaluate(
            """() => Array.from(document.querySelectorAll(
                'a[href], button, input:not([type=hidden]), select, textarea, [tabindex], '
                + '[contenteditable]'
            )).filter(el => el.checkVisibility({visibilityProperty: true})
                && el.tabIndex >= 0
                && !el.classList.contains('skip-to-content-link')
                && (() => {
                    const box = el.getBoundingClientRect();
                    const style = getComputedStyle(el);
                    return box.width === 0 || box.height === 0 || style.opacity === '0'
                        || box.right < 0 || box.bottom < 0;
                })()
            ).map(el => el.outerHTML.slice(0, 120))"""
        )
        assert hidden == [], url


def test_an_editor_in_new_york_schedules_for_nine_tomorrow_helsinki_time(
    browser: Browser, live_server
):
    make_user("eero", role="Editor", password=PASSWORD)
    article = make_article(
        title="Scheduled from abroad",
        status=Status.REVIEW,
        published_at=None,
        hero_photo=make_photo(),
        categories=[make_category()],
    )
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", timezone_id="America/New_York"
    )
    try:
        page = context.new_page()
        log_in(page, "eero")
        page.goto(f"/admin/articles/article/{article.pk}/change/")
        assert page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == (
            "America/New_York"
        )
        helsinki = ZoneInfo("Europe/Helsinki")
        tomorrow = datetime.now(helsinki).date() + timedelta(days=1)
        expect(page.locator("#id_published_at")).to_have_accessible_description(
            re.compile(r"^Helsinki time \(UTC\+[23]\)\. ")
        )
        expect(page.get_by_text("behind server time")).to_have_count(0)
        page.locator("#id_status").select_option(label="Published")
        page.get_by_role("button", name="Tomorrow 9:00").click()
        expect(page.locator("#id_published_at")).to_have_value(f"{tomorrow.isoformat()}T09:00")
        page.get_by_role("button", name="Save", exact=True).click()
        row = page.locator("#result_list tbody tr", has_text=article.title)
        expect(row.locator(".newsroom-state")).to_have_text("Scheduled")
    finally:
        context.close()
    article.refresh_from_db()
    expected = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 9, 0, tzinfo=helsinki)
    assert article.published_at == expected
