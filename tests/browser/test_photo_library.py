"""The photo library in a real browser: ten files at once (PNG, JPEG, GIF, WebP and a
hostile one) with the rendition worker running, the focal point set on an upload card
before the first save, a card's rights group, a duplicate reused from the article
form's picker, the hero photo and gallery photos picked inside the article form; and
axe-core on the upload cards, the library's grid and the open picker, in English,
Finnish and Swedish."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from articles.models import Status
from photos.models import Photo
from tests.browser.admin_login import PASSWORD, log_in
from tests.browser.focal_point import click_focal_point
from tests.browser.test_accessibility import ADMIN_KNOWN, _describe, run_axe
from tests.factories import jpeg_bytes, make_article, make_category, make_photo
from tests.photo_files import file_bytes
from tests.site_content import LANGUAGES

# ADMIN_KNOWN's Select2 entry (the categories' chosen items), as axe names it when the
# page's structure around it differs.
KNOWN = ADMIN_KNOWN | {("list", ".select2-selection--multiple > .select2-selection__rendered")}
HOSTILE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
)


@pytest.fixture
def editor(page: Page) -> Page:
    get_user_model().objects.create_superuser("editor", "editor@example.edu", PASSWORD)
    log_in(page, "editor")
    return page


def _ten_files() -> list[dict]:
    """Nine photos, each of its own bytes, in the four formats, and a script in disguise."""
    files = []
    formats = [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("GIF", "image/gif")]
    formats += [("WEBP", "image/webp")]
    for number in range(9):
        pillow_format, mime = formats[number % 4]
        image = Image.new("RGB", (480 + number * 8, 320), (number * 25, 90, 160))
        files.append(
            {
                "name": f"event-{number}.{pillow_format.lower()}",
                "mimeType": mime,
                "buffer": file_bytes(image, pillow_format),
            }
        )
    files.insert(4, {"name": "holiday.jpg", "mimeType": "image/jpeg", "buffer": HOSTILE})
    return files


@pytest.mark.postgres
def test_ten_files_at_once_one_hostile_with_the_worker_running(editor: Page, rendition_worker):
    rendition_worker.start()
    page = editor
    page.goto("/admin/photos/photo/")
    page.locator(".photo-uploader__input").set_input_files(_ten_files())

    cards = page.locator(".photo-uploader .photo-card")
    expect(cards).to_have_count(10)
    # Each file at once a card, and the keyboard is on the first card's alt text.
    expect(cards.first.get_by_label("Alt text")).to_be_focused()
    for number in range(10):
        cards.nth(number).get_by_label("Alt text").fill(f"Guests at the opening, {number}")
    page.get_by_label("Credit for every card").fill("Aino Kuvaaja")
    page.get_by_role("button", name="Apply to all cards").click()
    page.get_by_role("button", name="Upload all").click()

    hostile = cards.nth(4)
    expect(hostile).to_have_class("photo-card photo-card--refused")
    expect(hostile).to_contain_text("Not uploaded:")
    expect(hostile).to_contain_text("are not accepted")
    # The others are kept, and the worker makes their renditions.
    expect(page.locator('.photo-card[data-status="ready"]')).to_have_count(9, timeout=60_000)
    expect(page.locator(".photo-uploader__summary")).to_contain_text("Refused: 1")
    assert Photo.objects.count() == 9
    assert set(Photo.objects.values_list("credit", flat=True)) == {"Aino Kuvaaja"}
    assert set(Photo.objects.values_list("rendition_status", flat=True)) == {"ready"}
    # The library's grid shows them once the page is opened again.
    page.goto("/admin/photos/photo/")
    expect(page.locator("#result_list .newsroom-thumbnail")).to_have_count(9)


def test_the_focal_point_is_set_on_the_card_before_the_first_save(editor: Page):
    page = editor
    page.goto("/admin/photos/photo/")
    data = file_bytes(Image.new("RGB", (600, 400), "#3366aa"), "JPEG")
    page.locator(".photo-uploader__input").set_input_files(
        [{"name": "podium.jpg", "mimeType": "image/jpeg", "buffer": data}]
    )
    card = page.locator(".photo-card")
    focal_x, focal_y, _box = click_focal_point(card, card.locator(".photo-card__image"))
    card.get_by_label("Alt text").fill("The rector at the podium")
    card.get_by_role("button", name="Upload", exact=True).click()

    expect(card).to_have_attribute("data-status", "ready")
    photo = Photo.objects.get()
    assert (photo.focal_x, photo.focal_y) == (focal_x, focal_y)
    assert photo.renditions["focal"] == [focal_x, focal_y]  # the first set is cropped so


def test_a_duplicate_uploaded_from_the_article_form_reuses_the_photo(editor: Page):
    page = editor
    existing = make_photo(alt_text="Campus lawn in May")  # jpeg_bytes() as its file
    article = make_article(status=Status.DRAFT, categories=[make_category()])
    page.goto(f"/admin/articles/article/{article.pk}/change/")

    page.get_by_role("button", name="Choose from the library: Hero photo").click()
    dialog = page.get_by_role("dialog", name="Choose a photo")
    expect(dialog).to_be_visible()
    dialog.locator(".photo-uploader__input").set_input_files(
        [{"name": "lawn-again.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}]
    )
    dialog.get_by_label("Alt text").fill("The lawn")
    dialog.get_by_role("button", name="Upload", exact=True).click()

    expect(dialog.locator(".photo-card")).to_contain_text("already in the library")
    dialog.get_by_role("button", name=f"Use {existing}").click()

    expect(dialog).to_be_hidden()
    expect(page.locator("#id_hero_photo")).to_have_value(str(existing.pk))
    assert Photo.objects.count() == 1


def test_hero_and_gallery_photos_are_picked_inside_the_article_form(editor: Page):
    page = editor
    hero, first, second = (
        make_photo(alt_text="Hero: the new library"),
        make_photo(alt_text="Gallery: reading room"),
        make_photo(alt_text="Gallery: roof terrace"),
    )
    Photo.objects.filter(pk=second.pk).update(credit="Beata")
    article = make_article(status=Status.DRAFT, categories=[make_category()])
    page.goto(f"/admin/articles/article/{article.pk}/change/")

    opener = page.get_by_role("button", name="Choose from the library: Hero photo")
    opener.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="Hero: the new library").click()
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()  # back where the editor was
    expect(page.locator("#id_hero_photo")).to_have_value(str(hero.pk))

    page.get_by_role("button", name="Add photos from the library").click()
    dialog = page.get_by_role("dialog", name="Add photos to the gallery")
    # Filter by credit, then by search; choose with the keyboard.
    dialog.get_by_role("combobox", name="Credit:").select_option("Beata")
    dialog.get_by_role("button", name="Search").click()
    expect(dialog.locator(".photo-tile")).to_have_count(1)
    dialog.get_by_role("button", name="Gallery: roof terrace").press("Enter")
    dialog.get_by_role("combobox", name="Credit:").select_option("")
    dialog.get_by_role("searchbox", name="Search:").fill("reading")
    dialog.get_by_role("button", name="Search").click()
    expect(dialog.locator(".photo-tile")).to_have_count(1)
    dialog.get_by_role("button", name="Gallery: reading room").press("Space")
    expect(dialog.locator('.photo-tile[aria-pressed="true"]')).to_have_count(1)
    expect(dialog.locator(".photo-picker__chosen")).to_have_text("Chosen: 2")
    dialog.get_by_role("button", name="Add the chosen photos").click()

    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.hero_photo == hero
    assert [g.photo for g in article.gallery.order_by("position")] == [second, first]


def test_an_upload_card_has_a_rights_group_and_asks_for_the_terms_of_an_other_licence(
    editor: Page,
):
    page = editor
    page.goto("/admin/photos/photo/")
    data = file_bytes(Image.new("RGB", (600, 400), "#aa6633"), "JPEG")
    page.locator(".photo-uploader__input").set_input_files(
        [{"name": "concert.jpg", "mimeType": "image/jpeg", "buffer": data}]
    )
    card = page.locator(".photo-card")
    rights = card.get_by_role("group", name="Rights")
    licence = rights.get_by_label("Licence", exact=True)
    terms = rights.get_by_label("Licence terms")
    # Prefilled as the library's default, with the terms asked for only when needed.
    expect(licence).to_have_value("all-rights-reserved")
    expect(terms).to_be_hidden()
    card.get_by_label("Alt text").fill("An orchestra on stage")
    rights.get_by_label("Copyright holder").fill("Helsinki Philharmonic")
    licence.select_option(label="Other (see the terms)")
    expect(terms).to_be_visible()
    rights.get_by_label("Licence ends").fill("2027-06-30T23:59")
    card.get_by_role("button", name="Upload", exact=True).click()

    expect(card).to_contain_text("Give the terms of the licence when it is 'Other'.")
    expect(terms).to_have_attribute("aria-invalid", "true")
    assert not Photo.objects.exists()
    terms.fill("Only with news of the 2027 season")
    card.get_by_role("button", name="Upload", exact=True).click()

    expect(card).to_have_attribute("data-status", "ready")
    photo = Photo.objects.get()
    assert (photo.copyright_holder, photo.licence, photo.licence_terms) == (
        "Helsinki Philharmonic",
        "other",
        "Only with news of the 2027 season",
    )
    assert timezone.localtime(photo.licence_ends_at).strftime("%Y-%m-%d %H:%M") == (
        "2027-06-30 23:59"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_upload_cards_grid_and_picker_have_no_wcag_aa_violations(
    browser: Browser, live_server, language: str
):
    get_user_model().objects.create_superuser("editor", "editor@example.edu", PASSWORD)
    make_photo(alt_text="Campus lawn", credit="Aino")
    article = make_article(status=Status.DRAFT, categories=[make_category()])
    context = browser.new_context(
        base_url=live_server.url, locale=language, viewport={"width": 1280, "height": 900}
    )
    try:
        page = context.new_page()
        log_in_any_language(page)
        found = {}
        page.goto("/admin/photos/photo/")
        page.locator(".photo-uploader__input").set_input_files(
            [{"name": "bad.jpg", "mimeType": "image/jpeg", "buffer": HOSTILE}]
        )
        page.locator(".photo-card input[type=text]").first.fill("x")
        page.locator(".photo-card__upload").click()
        expect(page.locator(".photo-card--refused")).to_have_count(1)
        found["library"] = run_axe(page, known=KNOWN)

        page.goto(f"/admin/articles/article/{article.pk}/change/")
        page.locator(".photo-picker__open").first.click()
        expect(page.locator("dialog.photo-picker .photo-tile")).to_have_count(1)
        found["picker"] = run_axe(page, known=KNOWN)
        found = {name: violations for name, violations in found.items() if violations}
        assert not found, f"axe-core found WCAG A/AA violations:\n{_describe(found)}"
    finally:
        context.close()


def log_in_any_language(page: Page) -> None:
    page.goto("/admin/login/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()


def test_photos_uploaded_from_the_gallery_picker_go_into_the_gallery(editor: Page):
    page = editor
    article = make_article(status=Status.DRAFT, categories=[make_category()])
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    opener = page.get_by_role("button", name="Add photos from the library")
    opener.click()
    dialog = page.get_by_role("dialog", name="Add photos to the gallery")
    expect(dialog.locator(".photo-uploader__input")).to_be_focused()  # ready for files
    page.keyboard.press("Escape")  # closes, back on the button
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()

    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Add photos to the gallery")
    expect(dialog).to_be_visible()
    files = [
        {
            "name": f"event-{number}.jpg",
            "mimeType": "image/jpeg",
            "buffer": jpeg_bytes(400, 300, f"#{number}{number}4466"),
        }
        for number in range(3)
    ]
    dialog.locator(".photo-uploader__input").set_input_files(files)
    cards = dialog.locator(".photo-card")
    expect(cards).to_have_count(3)
    for number in range(3):
        cards.nth(number).get_by_label("Alt text").fill(f"Guests arriving, {number}")
    dialog.get_by_role("button", name="Upload all").click()
    expect(dialog.locator(".photo-picker__chosen")).to_have_text("Chosen: 3")
    expect(dialog.locator('.photo-tile[aria-pressed="true"]')).to_have_count(3)
    dialog.get_by_role("button", name="Add the chosen photos").click()

    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    # In the order they finished uploading (three go at a time).
    alts = sorted(g.photo.alt_text for g in article.gallery.all())
    assert alts == [f"Guests arriving, {number}" for number in range(3)]
