"""The editor tasks of the news desk, done as a Writer and as an Editor in a real
browser, each counting its steps and held to no more than Wagtail 8 takes for the same
task (docs/editor-tasks.md says how steps are counted and what Wagtail took).

A step is one action: a click, filling one field (however much is typed), choosing an
option, or a key that submits. Reading and waiting are not steps.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from articles.models import Article, Status
from tests.browser.admin_login import PASSWORD
from tests.factories import make_article, make_category, make_photo, make_revision, make_user

# Steps Wagtail 8.0.1 took for each task, measured on 2026-12-06 with its stock admin
# (docs/editor-tasks.md has the paths taken).
WAGTAIL = {
    "log in": 3,
    "write a story with a photo": 10,
    "preview at desktop and phone width": 3,
    "submit for review": 5,
    "publish from the first screen": 2,
    "send back with a comment": 4,
    "find what came back": 3,
    "fix a typo": 6,
    "compare and restore": 9,
    "checks before publishing": 1,
    "a Finnish version": 8,
}


class Steps:
    """The page, with each user action counted."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.count = 0

    def click(self, target: Locator) -> None:
        target.click()
        self.count += 1

    def fill(self, target: Locator, text: str) -> None:
        target.fill(text)
        self.count += 1

    def type_into(self, target: Locator, text: str) -> None:
        """Typing into the rich-text editor: one field filled."""
        target.click()
        self.page.keyboard.type(text)
        self.count += 1

    def choose(self, field: str, option: str) -> None:
        """An autocomplete opened (its first results show at once) and one chosen."""
        self.click(self.page.locator(f".field-{field} .select2-selection"))
        choice = self.page.locator(".select2-results__option", has_text=option).first
        expect(choice).to_be_visible()
        self.click(choice)

    def within(self, task: str, at_most: int | None = None) -> None:
        limit = WAGTAIL[task] if at_most is None else at_most
        assert self.count <= limit, f"{task}: {self.count} steps, Wagtail takes {WAGTAIL[task]}"
        self.count = 0


def _log_in(steps: Steps, username: str) -> None:
    steps.page.goto("/admin/login/")
    steps.fill(steps.page.get_by_label("Username"), username)
    steps.fill(steps.page.get_by_label("Password"), PASSWORD)
    steps.click(steps.page.get_by_role("button", name="Log in"))
    expect(steps.page.get_by_role("heading", name="My drafts")).to_be_visible()
    steps.within("log in")


def _desk_section(page: Page, heading: str) -> Locator:
    return page.locator("section", has=page.get_by_role("heading", name=heading))


@pytest.fixture
def library():
    make_photo(caption="Climate hub", alt_text="Screens showing climate data")
    make_category(name_en="Research", slug="research")


@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_write_a_story_with_a_photo_preview_and_check_it(page: Page, library, role: str):
    make_user("sam", role=role, password=PASSWORD)
    page.set_viewport_size({"width": 1440, "height": 900})
    steps = Steps(page)
    _log_in(steps, "sam")

    steps.click(page.get_by_role("link", name="Write a story"))
    steps.fill(page.locator("#id_title"), "Helsinki and Aalto open a climate data hub")
    steps.fill(page.locator("#id_lead"), "Researchers and the city share data in one place.")
    # A Markdown-style "## " makes a subheading, as in Wagtail's editor.
    steps.type_into(
        page.locator(".field-body [contenteditable=true]"),
        "## Open to all\nThe hub opens on Monday.",
    )
    steps.choose("hero_photo", "Climate hub")
    steps.choose("categories", "Research")
    steps.click(page.get_by_role("button", name="Save and continue editing"))
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    steps.within("write a story with a photo")
    article = Article.objects.get()
    assert "<h2>Open to all</h2>" in article.body
    assert (article.hero_photo.caption, article.status) == ("Climate hub", Status.DRAFT)

    # Preview: beside the form unasked at desktop width; one click for a phone.
    frame = page.frame_locator(".live-preview__frame")
    expect(frame.get_by_role("heading", level=1)).to_have_text(article.title)
    steps.click(page.get_by_role("button", name="Phone"))
    expect(page.locator(".live-preview__frame-wrap--phone")).to_be_visible()
    steps.within("preview at desktop and phone width")

    # Checks before publishing: above the preview, unasked.
    panel = page.locator(".prepublish")
    expect(panel).to_contain_text("words")
    expect(panel).to_contain_text("Helsinki and Aalto open a climate data hub")
    steps.within("checks before publishing", at_most=0)


def test_review_send_back_resubmit_and_publish_in_fewer_steps_than_wagtail(
    page: Page, browser: Browser, live_server
):
    writer = make_user("wanda", role="Writer", password=PASSWORD)
    make_user("eero", role="Editor", password=PASSWORD)
    article = make_article(
        title="Helsinki and Aalto open a climate data hub",
        status=Status.DRAFT,
        published_at=None,
        author=writer,
        hero_photo=make_photo(),
        categories=[make_category()],
    )
    writing = Steps(page)
    _log_in(writing, "wanda")
    writing.click(_desk_section(page, "My drafts").get_by_role("link", name=article.title))
    writing.fill(page.get_by_label("Note for the review"), "The quote needs checking.")
    writing.click(page.get_by_role("button", name="Submit for review"))
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    writing.within("submit for review")

    other = browser.new_context(base_url=live_server.url, locale="en-GB")
    try:
        editing = Steps(other.new_page())
        desk = editing.page
        _log_in(editing, "eero")
        awaiting = _desk_section(desk, "Awaiting review (1)")
        expect(awaiting).to_contain_text("The quote needs checking.")
        editing.click(awaiting.get_by_role("link", name=article.title))
        editing.fill(desk.get_by_label("Note for the review"), "It is the deputy mayor.")
        editing.click(desk.get_by_role("button", name="Send back"))
        expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
        editing.within("send back with a comment")

        # The writer's first screen already says what came back.
        page.goto("/admin/")
        expect(_desk_section(page, "My drafts")).to_contain_text(
            "Sent back: It is the deputy mayor."
        )
        writing.within("find what came back", at_most=0)
        writing.click(_desk_section(page, "My drafts").get_by_role("link", name=article.title))
        writing.click(page.get_by_role("button", name="Submit for review"))
        writing.count = 0  # the same task as before

        desk.goto("/admin/")
        editing.click(
            _desk_section(desk, "Awaiting review (1)").get_by_role("link", name=article.title)
        )
        editing.click(desk.get_by_role("button", name="Publish now"))
        expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
        editing.within("publish from the first screen")
    finally:
        other.close()
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_fix_a_typo_then_compare_and_restore(page: Page, role: str):
    """A Writer fixes a draft; an Editor a published story (a Writer may only read it)."""
    user = make_user("sam", role=role, password=PASSWORD)
    status = Status.PUBLISHED if role == "Editor" else Status.DRAFT
    article = make_article(
        title="Climate data hub opens",
        lead="The hub opens on Mondy.",
        status=status,
        author=user,
        hero_photo=make_photo(),
        categories=[make_category()],
    )
    make_revision(article, user)  # the story's first revision, as the admin keeps it
    section = "Recently published" if role == "Editor" else "My drafts"
    steps = Steps(page)
    _log_in(steps, "sam")
    steps.click(_desk_section(page, section).get_by_role("link", name=article.title))
    steps.fill(page.locator("#id_lead"), "The hub opens on Monday.")
    steps.click(page.get_by_role("button", name="Save and continue editing"))
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    steps.within("fix a typo")

    steps.click(page.get_by_role("link", name="History"))
    # The two newest revisions are chosen already.
    steps.click(page.get_by_role("button", name="Compare selected revisions"))
    expect(page.locator("del")).to_contain_text("Mondy")
    expect(page.locator("ins")).to_contain_text("Monday")
    steps.click(page.get_by_role("link", name="Review restoring this revision").first)
    steps.click(page.get_by_role("button", name="Save", exact=True))
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    steps.within("compare and restore")
    article.refresh_from_db()
    assert article.lead == "The hub opens on Mondy."


@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_a_finnish_version_beside_the_original(page: Page, role: str):
    user = make_user("sam", role=role, password=PASSWORD)
    article = make_article(
        title="Climate data hub opens",
        status=Status.DRAFT,
        author=user,
        hero_photo=make_photo(),
        categories=[make_category()],
    )
    steps = Steps(page)
    _log_in(steps, "sam")
    page.goto(f"/admin/articles/article/{article.pk}/change/")

    steps.click(page.get_by_role("link", name="Translate into Finnish"))
    expect(page.locator(".translation-source")).to_contain_text("Climate data hub opens")
    steps.fill(page.locator("#id_title"), "Ilmastodatakeskus avautuu")
    steps.fill(page.locator("#id_lead"), "Tutkijat ja kaupunki jakavat dataa yhdessä paikassa.")
    steps.type_into(
        page.locator(".field-body [contenteditable=true]"), "Keskus avataan maanantaina."
    )
    steps.click(page.get_by_role("button", name="Save and continue editing"))
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    steps.within("a Finnish version")
    finnish = Article.objects.get(language="fi")
    assert finnish.translation_of == article
    assert finnish.slug == "ilmastodatakeskus-avautuu"
