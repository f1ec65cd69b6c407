"""The photo library's upload cards, duplicates, the picker's grid and the library's grid
and filters, as the editors' pages and scripts ask for them (no browser)."""

from __future__ import annotations

import hashlib
import importlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from articles.models import Status
from photos.models import Photo, RenditionStatus
from tests.factories import jpeg_bytes, make_article, make_category, make_photo
from tests.photo_files import file_bytes, png_header_claiming

UPLOAD = "/admin/photos/photo/upload/"
PICKER = "/admin/photos/photo/picker/"

pytestmark = pytest.mark.django_db


def _upload(client, data: bytes, name: str = "campus.jpg", **fields):
    upload = SimpleUploadedFile(name, data, "application/octet-stream")
    return client.post(UPLOAD, {"image": upload, "alt_text": "Students", **fields})


def test_an_upload_card_stores_the_photo_with_its_texts_focal_point_and_hash(writer_client):
    data = jpeg_bytes(900, 600, "#334455")
    response = _upload(
        writer_client, data, caption="Opening day", credit="Aino", focal_x="0.2", focal_y="0.8"
    )

    assert response.status_code == 201
    body = response.json()
    photo = Photo.objects.get(pk=body["photo"]["id"])
    assert (photo.alt_text, photo.caption, photo.credit) == ("Students", "Opening day", "Aino")
    assert (photo.focal_x, photo.focal_y) == (0.2, 0.8)
    assert photo.content_hash == hashlib.sha256(data).hexdigest()
    # The tests make renditions in the request (TASKS_BACKEND=immediate); with the
    # worker they come later (tests/test_photo_worker.py).
    assert body["photo"]["status"] == RenditionStatus.READY
    assert photo.renditions["focal"] == [0.2, 0.8]
    assert body["photo"]["change_url"] == f"/admin/photos/photo/{photo.pk}/change/"


def test_the_same_bytes_again_offer_the_photo_already_in_the_library(writer_client):
    data = jpeg_bytes(900, 600, "#556677")
    first = _upload(writer_client, data).json()["photo"]

    again = _upload(writer_client, data, name="copy-of-campus.jpg", alt_text="")

    assert again.status_code == 200
    assert again.json() == {"duplicate": True, "photo": again.json()["photo"]}
    assert again.json()["photo"]["id"] == first["id"]
    assert Photo.objects.count() == 1


def test_a_refused_file_says_why_and_stores_nothing(writer_client):
    hostile = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = _upload(writer_client, hostile, name="photo.jpg")

    assert response.status_code == 400
    assert "are not accepted" in response.json()["errors"]["image"][0]
    assert not Photo.objects.exists()


def test_a_bomb_is_refused_from_its_header(writer_client):
    response = _upload(writer_client, png_header_claiming(30000, 30000), name="huge.png")
    assert response.status_code == 400
    assert "pixels" in response.json()["errors"]["image"][0]


def test_alt_text_is_required_on_each_card(writer_client):
    response = _upload(writer_client, jpeg_bytes(300, 200, "#abcdef"), alt_text="")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["alt_text"]


def test_each_format_is_accepted_on_its_own_card(writer_client):
    image = Image.new("RGB", (120, 80), "#884422")
    for number, fmt in enumerate(["PNG", "GIF", "WEBP"]):
        data = file_bytes(image.rotate(number * 90, expand=True), fmt)
        response = _upload(writer_client, data, name=f"photo.{fmt.lower()}")
        assert response.status_code == 201, response.content
    assert Photo.objects.count() == 3


def test_uploading_needs_the_add_permission(client):
    from tests.factories import make_user

    client.force_login(make_user("reader", role=None))
    response = _upload(client, jpeg_bytes(300, 200, "#123123"))
    assert response.status_code == 403
    assert not Photo.objects.exists()


def test_only_post_uploads(writer_client):
    assert writer_client.get(UPLOAD).status_code == 405


def test_statuses_of_the_waited_for_photos_in_one_query(writer_client):
    photos = [make_photo(), make_photo(), make_photo()]
    Photo.objects.filter(pk=photos[1].pk).update(
        rendition_status=RenditionStatus.FAILED, rendition_error="disk full"
    )
    one = f"/admin/photos/photo/status/?ids={photos[0].pk}"
    three = f"/admin/photos/photo/status/?ids={','.join(str(p.pk) for p in photos)},x"
    writer_client.get(one)
    with CaptureQueriesContext(connection) as one_photo:
        writer_client.get(one)
    with CaptureQueriesContext(connection) as three_photos:
        body = writer_client.get(three).json()
    assert len(three_photos) == len(one_photo)
    assert body["photos"][str(photos[0].pk)]["status"] == "ready"
    assert body["photos"][str(photos[1].pk)]["error"] == "disk full"


def test_the_picker_filters_by_search_credit_month_and_use(writer_client):
    used = make_photo(alt_text="Rector at the podium", credit="Aino")
    make_photo(alt_text="Library stairs", credit="Beata")
    make_article(hero_photo=used, categories=[make_category()])

    def tiles(**query):
        response = writer_client.get(PICKER, {"grid": "1", **query})
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        return response.text.count('class="photo-tile ')

    assert tiles() == 2
    assert tiles(q="podium") == 1
    assert tiles(credit="Beata") == 1
    assert tiles(in_use="yes") == 1
    assert tiles(in_use="no") == 1
    month = used.uploaded_at.strftime("%Y-%m")
    assert tiles(month=month) == 2
    assert tiles(credit="Nobody") == 2  # not a choice: ignored, never an error


def test_the_picker_shows_a_processing_photo_as_processing(writer_client):
    photo = make_photo(alt_text="Fresh upload")
    Photo.objects.filter(pk=photo.pk).update(
        renditions={}, rendition_status=RenditionStatus.PROCESSING
    )
    response = writer_client.get(PICKER)
    assert "Fresh upload" in response.text
    assert "photo-tile--processing" in response.text
    assert 'class="photo-uploader"' in response.text  # upload cards in the picker too


def test_the_library_is_a_grid_with_upload_cards_and_filters(editor_client):
    make_photo(credit="Aino")
    response = editor_client.get("/admin/photos/photo/")
    assert response.status_code == 200
    page = response.text
    assert 'class="photo-uploader"' in page
    assert "js/photo-upload.js" in page and "css/photo-library.css" in page
    for title in ("By credit", "By use", "By renditions"):
        assert title in page
    assert 'class="photo-state photo-state--ready"' in page


def test_a_failed_photo_is_reported_in_the_library_with_its_reason(editor_client):
    photo = make_photo(alt_text="Broken upload")
    Photo.objects.filter(pk=photo.pk).update(
        rendition_status=RenditionStatus.FAILED, rendition_error="No space left on device"
    )
    response = editor_client.get("/admin/photos/photo/?rendition_status__exact=failed")
    assert "Broken upload" in response.text
    assert "No space left on device" in response.text


def test_an_article_waits_for_its_hero_photo_to_be_ready(editor_client):
    photo = make_photo()
    Photo.objects.filter(pk=photo.pk).update(
        renditions={}, rendition_status=RenditionStatus.PROCESSING
    )
    article = make_article(status=Status.DRAFT, hero_photo=photo, categories=[make_category()])
    article.hero_photo.refresh_from_db()
    assert "still being processed" in str(article.publishing_problems()["hero_photo"])


def test_the_article_form_offers_the_picker_for_every_photo_field(editor_client):
    response = editor_client.get("/admin/articles/article/add/")
    page = response.text
    assert page.count('data-photo-picker="/admin/photos/photo/picker/"') == 2  # hero, social
    assert "js/photo-picker.js" in page
    assert 'data-photo-picker-choose="Choose from the library"' in page


def test_the_migration_fills_the_hash_of_photos_already_in_the_library():
    from django.apps import apps

    migration = importlib.import_module("photos.migrations.0002_photo_worker_and_hash")
    photo, lost = make_photo(), make_photo(size=(300, 200))
    expected = photo.content_hash
    lost.image.storage.delete(lost.image.name)
    Photo.objects.update(content_hash="", rendition_status=RenditionStatus.PROCESSING)

    migration.fill_hashes_and_status(apps, None)

    photo.refresh_from_db()
    assert photo.content_hash == expected != ""
    assert photo.rendition_status == RenditionStatus.READY
    # Its file is gone: it matches nothing.
    assert Photo.objects.filter(pk=lost.pk).values_list("content_hash", flat=True).get() == ""


def test_save_fills_the_hash_from_the_file():
    data = jpeg_bytes(200, 100, "#010203")
    from django.core.files.base import ContentFile

    photo = Photo.objects.create(image=ContentFile(data, name="a.jpg"), alt_text="A")
    assert photo.content_hash == hashlib.sha256(data).hexdigest()
    assert io.BytesIO(data).read(2) == b"\xff\xd8"


def test_the_library_and_the_picker_keep_their_query_count_as_photos_grow(editor_client):
    make_article(hero_photo=make_photo(credit="Aino"), categories=[make_category()])

    def queries(path: str) -> int:
        editor_client.get(path)
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(path).status_code == 200
        return len(captured)

    few = {path: queries(path) for path in ("/admin/photos/photo/", PICKER)}
    for number in range(6):
        make_photo(credit=f"Photographer {number % 2}")
    assert {path: queries(path) for path in few} == few


def test_the_library_and_the_picker_are_valid_html_in_every_language(editor_client, tmp_path):
    from tests.test_html_validity import _vnu

    make_photo(alt_text="Campus lawn", credit="Aino")
    files = []
    # English last: the test client's requests leave their language active in this thread.
    for language in ("fi", "sv", "en"):
        headers = {"Accept-Language": language}
        library = editor_client.get("/admin/photos/photo/", headers=headers)
        picker = editor_client.get(PICKER, {"mode": "many"}, headers=headers)
        assert 'class="photo-uploader"' in picker.text
        (tmp_path / f"library-{language}.html").write_bytes(library.content)
        # The picker is a fragment the dialog shows: checked inside a minimal page.
        page = f'<!DOCTYPE html><html lang="{language}"><title>x</title><dialog>'
        page += picker.text + "</dialog></html>"
        (tmp_path / f"picker-{language}.html").write_text(page)
        files += [tmp_path / f"library-{language}.html", tmp_path / f"picker-{language}.html"]
    assert _vnu(files) == []
