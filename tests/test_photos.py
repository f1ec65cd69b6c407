"""The photo library in the admin: uploads are checked before anything is stored, and
staff see where a photo is used and cannot delete one that articles show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article, GalleryPhoto
from photos import renditions
from photos.models import Photo
from photos.validators import open_photo
from tests.factories import make_article, make_photo
from tests.photo_files import (
    HTML_PAGE,
    SVG_WITH_SCRIPT,
    TEXT_NAMED_JPG,
    jpeg_with_metadata,
    noisy_jpeg,
    png_header_claiming,
)

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/photos/photo/add/"


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.edu", "pw")
    client.force_login(user)
    return client


def _stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def _upload(staff_client, name: str, data: bytes, content_type: str = "image/jpeg"):
    return staff_client.post(
        ADD_URL,
        {
            "image": SimpleUploadedFile(name, data, content_type=content_type),
            "alt_text": "A photo for the test",
        },
    )


REFUSED = {
    "text file named .jpg": (
        "minutes.jpg",
        TEXT_NAMED_JPG,
        "This file is not a photo Newsroom can read.",
    ),
    "HTML page": ("page.jpg", HTML_PAGE, "SVG drawings, web pages and other text files"),
    "SVG with a script": ("logo.svg", SVG_WITH_SCRIPT, "SVG drawings, web pages and other text"),
    "truncated JPEG": (
        "cut.jpg",
        noisy_jpeg()[: len(noisy_jpeg()) // 2],
        "The photo is damaged or incomplete",
    ),
    "empty file": ("empty.jpg", b"", "The file is empty (0 bytes)."),
    "30000 × 30000 decompression bomb": (
        "bomb.png",
        png_header_claiming(30000, 30000),
        "The photo has far too many pixels; photos may have at most 50 megapixels.",
    ),
    "64 megapixels": (
        "huge.png",
        png_header_claiming(8000, 8000),
        "The photo is 8000 × 8000 pixels (64.0 megapixels); photos may have at most 50",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_refused_upload_says_why_and_stores_nothing(staff_client, settings, case):
    name, data, message = REFUSED[case]

    response = _upload(staff_client, name, data)

    assert response.status_code == 200
    errors = re.search(r'<ul class="errorlist"[^>]*>(.*?)</ul>', response.text, re.S)
    assert errors, "the form shows an error"
    assert message in errors[1].replace("&#x27;", "'")
    assert not Photo.objects.exists()
    assert _stored_files(settings) == []


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read(staff_client, settings):
    settings.PHOTO_MAX_BYTES = 50_000
    data = noisy_jpeg(400, 300)
    assert len(data) > 50_000

    response = _upload(staff_client, "big.jpg", data)

    assert "photos may be at most 48.8\xa0KB." in response.text
    assert not Photo.objects.exists()
    assert _stored_files(settings) == []


def test_an_accepted_upload_gets_its_renditions_at_once(staff_client, settings):
    response = _upload(staff_client, "camera.jpg", jpeg_with_metadata())

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (800, 400)  # as stored; renditions are turned
    assert renditions.is_current(photo)
    assert all(
        Path(settings.MEDIA_ROOT, n).is_file() for n in renditions.rendition_names(photo.renditions)
    )


def test_the_validator_is_the_same_outside_the_admin():
    with pytest.raises(ValidationError) as refused:
        open_photo(ContentFile(SVG_WITH_SCRIPT))
    assert refused.value.code == "markup"
    assert open_photo(ContentFile(noisy_jpeg(64, 48))).size == (64, 48)


def test_alt_text_is_required_and_blank_alt_text_is_not_enough(staff_client, settings):
    response = staff_client.post(
        ADD_URL,
        {"image": SimpleUploadedFile("a.jpg", noisy_jpeg(64, 48)), "alt_text": "   "},
    )
    assert "This field is required." in response.text
    assert not Photo.objects.exists()
    assert _stored_files(settings) == []


# ---------------------------------------------------------------------------------------
# The photo's page and list
# ---------------------------------------------------------------------------------------


def test_the_photo_page_shows_preview_size_file_size_and_where_it_is_used(staff_client):
    photo = make_photo(focal_x=0.25, focal_y=0.75)
    hero = make_article(title="Hero story", hero_photo=photo)
    gallery = make_article(title="Gallery story")
    GalleryPhoto.objects.create(article=gallery, photo=photo)
    social = make_article(title="Social story", social_image=photo)

    html = staff_client.get(f"/admin/photos/photo/{photo.pk}/change/").text

    assert 'class="focal-point" data-focal-x="0.25" data-focal-y="0.75"' in html
    assert renditions.smallest_url(photo, "full") in html
    assert "/static/js/focal-point.js" in html
    assert "640 × 427" in html
    assert re.search(r"\d+(\.\d)?\xa0KB", html)
    for article, role in ((hero, "hero photo"), (gallery, "gallery"), (social, "social image")):
        assert (
            f'<a href="/admin/articles/article/{article.pk}/change/">{article.title}</a> ({role})'
            in html
        )
    assert photo.image.name not in re.sub(r'<p class="file-upload">.*?</p>', "", html, flags=re.S)


def test_moving_the_focal_point_by_coordinates_remakes_the_card_crops(staff_client):
    photo = make_photo()
    before = photo.renditions

    response = staff_client.post(
        f"/admin/photos/photo/{photo.pk}/change/",
        {
            "alt_text": photo.alt_text,
            "caption": "",
            "credit": "",
            "focal_x": "0.1",
            "focal_y": "0.9",
        },
    )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.renditions["focal"] == [0.1, 0.9]
    assert photo.renditions["dir"] != before["dir"]


def test_a_focal_point_outside_the_photo_is_refused(staff_client):
    photo = make_photo()
    response = staff_client.post(
        f"/admin/photos/photo/{photo.pk}/change/",
        {"alt_text": photo.alt_text, "focal_x": "1.5", "focal_y": "0.5"},
    )
    assert "Ensure this value is less than or equal to 1" in response.text


@pytest.mark.parametrize(
    ("query", "found"), [("lighthouse", "caption"), ("Aalto", "credit"), ("stairs", "alt")]
)
def test_staff_find_photos_by_caption_credit_or_alt_text(staff_client, query, found):
    photos = {
        "caption": make_photo(caption="The lighthouse at dawn"),
        "credit": make_photo(credit="Liisa Aalto"),
        "alt": make_photo(alt_text="Students on the library stairs"),
    }
    html = staff_client.get(f"/admin/photos/photo/?q={query}").text
    assert f"/admin/photos/photo/{photos[found].pk}/change/" in html
    others = [p for key, p in photos.items() if key != found]
    assert all(f"/admin/photos/photo/{p.pk}/change/" not in html for p in others)


def test_admin_thumbnails_are_renditions_not_originals(staff_client):
    photo = make_photo()
    make_article(hero_photo=photo)
    for url in ("/admin/photos/photo/", "/admin/articles/article/"):
        html = staff_client.get(url).text
        assert renditions.smallest_url(photo) in html
        assert photo.image.name not in html


# ---------------------------------------------------------------------------------------
# Deleting
# ---------------------------------------------------------------------------------------


def test_deleting_a_photo_in_use_is_refused_with_a_message(staff_client):
    photo = make_photo(caption="The rector")
    make_article(hero_photo=photo)

    response = staff_client.post(
        f"/admin/photos/photo/{photo.pk}/delete/", {"post": "yes"}, follow=True
    )

    assert "The photo “The rector” is used in articles and was not deleted." in response.text
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_a_photo_used_only_as_social_image_is_protected_too(staff_client):
    photo = make_photo(caption="Shared")
    make_article(social_image=photo)

    staff_client.post(f"/admin/photos/photo/{photo.pk}/delete/", {"post": "yes"})

    assert Photo.objects.filter(pk=photo.pk).exists()


def test_bulk_delete_refuses_when_any_selected_photo_is_in_use(staff_client):
    used, unused = make_photo(caption="In a gallery"), make_photo(caption="Spare")
    GalleryPhoto.objects.create(article=make_article(), photo=used)

    response = staff_client.post(
        "/admin/photos/photo/",
        {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"},
        follow=True,
    )

    assert "The photo “In a gallery” is used in articles and was not deleted." in response.text
    assert Photo.objects.count() == 2


def test_an_unused_photo_is_deleted_with_its_renditions(
    staff_client, settings, django_capture_on_commit_callbacks
):
    photo = make_photo()
    names = renditions.rendition_names(photo.renditions)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/admin/photos/photo/{photo.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Photo.objects.exists()
    assert not any(Path(settings.MEDIA_ROOT, name).exists() for name in names)
    assert Article.objects.count() == 0
