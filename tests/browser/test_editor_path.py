"""The whole path of a story that issue 20 promises, in a real browser, by an Editor:
a CC BY photo uploaded with its rights, a story by two authors with a contact person
published, a Finnish translation, a correction the next day that flags the translation,
and the photo gone from the page at its licence end, with the article form saying why.

Also run on SQLite (marked `both_databases`, which bin/test's SQLite pass selects), so
the path holds on both databases.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from articles.models import Article, Person, Status
from photos.models import Photo
from publishing.site_time import site_zone
from tests.browser.admin_login import PASSWORD, log_in
from tests.factories import make_category, make_user
from tests.photo_files import file_bytes

pytestmark = pytest.mark.both_databases


@pytest.fixture
def newsroom():
    """The staff directory and the categories a newsroom has before the story."""
    make_user("eero", role="Editor", password=PASSWORD)
    make_category(name_en="Research", name_fi="Tutkimus", slug="research")
    for name, slug, title in [
        ("Anna Virtanen", "anna-virtanen", "Science writer"),
        ("Matti Lehtonen", "matti-lehtonen", "Communications specialist"),
        ("Laura Nieminen", "laura-nieminen", "Professor of Urban Planning"),
    ]:
        Person.objects.create(name=name, slug=slug, title_en=title, email=f"{slug}@example.edu")


def _choose(page: Page, field: Locator, option: str) -> None:
    """An autocomplete (Select2) opened and one of its results chosen."""
    field.locator(".select2-selection").click()
    page.locator(".select2-search__field").last.fill(option)
    choice = page.locator(".select2-results__option", has_text=option).first
    expect(choice).to_be_visible()
    choice.click()


def _add_person(page: Page, group: str, name: str) -> None:
    """A new row in the authors' or contacts' inline, with its person chosen."""
    inline = page.locator(f"#{group}-group")
    inline.locator(".add-row a").click()
    _choose(
        page, inline.locator("tr.form-row:not(.empty-form)").last.locator(".field-person"), name
    )


def _upload_cc_by_photo(page: Page) -> Photo:
    page.goto("/admin/photos/photo/")
    data = file_bytes(Image.new("RGB", (1800, 1200), "#2a6f97"), "JPEG")
    page.locator(".photo-uploader__input").set_input_files(
        [{"name": "waterfront.jpg", "mimeType": "image/jpeg", "buffer": data}]
    )
    card = page.locator(".photo-card")
    card.get_by_label("Alt text").fill("Researchers on the Helsinki waterfront")
    card.get_by_label("Default caption").fill("The research team on the waterfront")
    card.get_by_label("Credit").fill("Mikko Raskinen")
    rights = card.get_by_role("group", name="Rights")
    rights.get_by_label("Copyright holder").fill("Aalto University")
    rights.get_by_label("Licence", exact=True).select_option(label="CC BY 4.0")
    card.get_by_role("button", name="Upload", exact=True).click()
    expect(card).to_have_attribute("data-status", "ready")
    return Photo.objects.get()


def _write_and_publish(page: Page) -> Article:
    page.goto("/admin/")
    page.get_by_role("link", name="Write a story").click()
    page.locator("#id_title").fill("Helsinki and Aalto open a climate data hub")
    page.locator("#id_lead").fill("Researchers and the city share their data in one place.")
    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.type("## Open to all\nThe hub opens on Monday.")
    _choose(page, page.locator(".field-hero_photo"), "The research team")
    _choose(page, page.locator(".field-categories"), "Research")
    _add_person(page, "authors", "Anna Virtanen")
    _add_person(page, "authors", "Matti Lehtonen")
    _add_person(page, "contacts", "Laura Nieminen")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")
    return Article.objects.get(language="en")


def test_two_authors_a_contact_a_cc_by_photo_a_correction_and_the_licence_end(page: Page, newsroom):
    log_in(page, "eero")
    photo = _upload_cc_by_photo(page)
    article = _write_and_publish(page)
    assert article.status == Status.PUBLISHED and article.is_published()

    # Readers: the byline links both authors in order, the contact is under "Further
    # information", the credit line names the licence with its deed.
    page.goto(article.get_absolute_url())
    byline = page.locator(".article-dates__byline")
    expect(byline).to_have_text("By Anna Virtanen and Matti Lehtonen")
    expect(byline.get_by_role("link", name="Anna Virtanen")).to_have_attribute(
        "href", "/en/news/author/anna-virtanen/"
    )
    contacts = page.locator(".contacts")
    expect(contacts).to_contain_text("Laura Nieminen")
    expect(contacts).to_contain_text("Professor of Urban Planning")
    licence = page.locator(".figure--hero .figure__licence")
    expect(licence).to_have_text("CC BY 4.0")
    expect(licence).to_have_attribute("href", "https://creativecommons.org/licenses/by/4.0/")
    expect(page.locator(".figure--hero")).to_contain_text("© Aalto University")
    page.get_by_role("link", name="Matti Lehtonen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Matti Lehtonen")
    expect(page.get_by_role("link", name=article.title)).to_be_visible()

    # A Finnish version, saved beside the original.
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("link", name="Translate into Finnish").click()
    page.locator("#id_title").fill("Helsinki ja Aalto avaavat ilmastodatakeskuksen")
    page.locator("#id_lead").fill("Tutkijat ja kaupunki jakavat datansa yhdessä paikassa.")
    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.type("Keskus avataan maanantaina.")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")
    finnish = Article.objects.get(language="fi")
    assert finnish.translation_of == article

    # The next day: a day passes for the story and its translation (time cannot be
    # waited for here, so both are moved back by a day, as if written yesterday).
    day = timedelta(days=1)
    Article.objects.filter(pk=article.pk).update(published_at=article.published_at - day)
    Article.objects.filter(pk=finnish.pk).update(source_seen_at=finnish.source_seen_at - day)

    # The correction, through the article form's own inline.
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    corrections = page.locator("#corrections-group")
    corrections.locator(".add-row a").click()
    row = corrections.locator("tr.form-row:not(.empty-form)").last
    row.locator(".field-kind select").select_option(label="Correction")
    row.locator(".field-text textarea").fill("The hub opens on Tuesday, not on Monday.")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")

    page.goto(article.get_absolute_url())
    expect(page.locator(".article-corrections")).to_contain_text(
        "The hub opens on Tuesday, not on Monday."
    )
    expect(page.locator(".article-dates")).to_contain_text("Updated:")

    # The Finnish translation is flagged in the list and on its form.
    page.goto("/admin/articles/article/?translation=source_changed")
    flagged = page.locator("#result_list tbody tr")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text("Helsinki ja Aalto avaavat ilmastodatakeskuksen")
    expect(flagged).to_contain_text("Source changed")
    page.get_by_role("link", name="Helsinki ja Aalto avaavat ilmastodatakeskuksen").click()
    expect(page.locator(".newsroom-source-changed")).to_contain_text(
        "The original has changed since this translation was saved"
    )

    # The licence ends a few seconds from now, set on the photo's own form.
    ends = timezone.localtime(timezone.now() + timedelta(seconds=6), site_zone())
    page.goto(f"/admin/photos/photo/{photo.pk}/change/")
    page.get_by_label("Licence ends").fill(ends.strftime("%Y-%m-%dT%H:%M:%S"))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")
    photo.refresh_from_db()
    assert photo.licence_ends_at == ends.replace(microsecond=0)

    page.goto(article.get_absolute_url())
    expect(page.locator(".figure--hero img")).to_be_visible()
    # Then it ends: nobody saves anything, and the page (from the page cache until
    # then) shows the story without the photo.
    page.wait_for_timeout(max(0, (ends - timezone.now()).total_seconds() * 1000) + 500)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.locator(".figure--hero")).to_have_count(0)
    expect(page.locator("img[alt='Researchers on the Helsinki waterfront']")).to_have_count(0)

    # The article form says why.
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".newsroom-rights-note")).to_contain_text(
        "The hero photo's licence ended on"
    )
