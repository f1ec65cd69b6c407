"""Renditions outside the request, with a real worker process: a 50-megapixel upload
answers within a second while no worker runs, and gets its renditions once one does; a
rendition that keeps failing is tried again, then reported; rebuild_renditions queues
and follows the worker. PostgreSQL only (tests/rendition_worker.py says why)."""

from __future__ import annotations

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from photos.models import Photo, RenditionStatus
from tests.factories import jpeg_bytes, make_photo

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("transactional_db")]

UPLOAD = "/admin/photos/photo/upload/"


def _wait_for(photo: Photo, *states: str, seconds: float = 60) -> Photo:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        photo.refresh_from_db()
        if photo.rendition_status in states:
            return photo
        time.sleep(0.2)
    raise AssertionError(f"photo {photo.pk} is still {photo.rendition_status}")


def _fifty_megapixels() -> bytes:
    # 8660 × 5773 = 49,994,180 pixels, just under PHOTO_MAX_PIXELS; a gradient, so it
    # is not a trivially small file.
    image = Image.linear_gradient("L").resize((8660, 5773)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def test_a_50_megapixel_upload_answers_within_a_second_and_waits_for_the_worker(
    rendition_worker, admin_client
):
    data = _fifty_megapixels()
    upload = SimpleUploadedFile("poster.jpg", data, "image/jpeg")

    started = time.perf_counter()
    response = admin_client.post(UPLOAD, {"image": upload, "alt_text": "A poster"})
    answered = time.perf_counter() - started

    assert response.status_code == 201, response.content
    assert answered < 1.0, f"the upload took {answered:.2f} s"
    photo = Photo.objects.get(pk=response.json()["photo"]["id"])
    assert (photo.width, photo.height) == (8660, 5773)
    assert photo.rendition_status == RenditionStatus.PROCESSING and not photo.has_renditions
    library = admin_client.get("/admin/photos/photo/").text
    assert "photo-state--processing" in library

    rendition_worker.start()
    photo = _wait_for(photo, RenditionStatus.READY, RenditionStatus.FAILED)

    assert photo.rendition_status == RenditionStatus.READY, photo.rendition_error
    assert photo.renditions["full"][-1] == [1920, 1280]
    assert "photo-state--ready" in admin_client.get("/admin/photos/photo/").text


def test_a_rendition_that_keeps_failing_is_retried_then_reported(
    rendition_worker, admin_client, settings, tmp_path
):
    # The media folder's path runs through a regular file: every write fails (ENOTDIR),
    # as on a full or read-only disk, even for root.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker / "media"
    upload = SimpleUploadedFile("campus.jpg", jpeg_bytes(), "image/jpeg")
    response = admin_client.post(UPLOAD, {"image": upload, "alt_text": "Campus"})
    photo = Photo.objects.get(pk=response.json()["photo"]["id"])

    rendition_worker.start()
    photo = _wait_for(photo, RenditionStatus.FAILED)

    assert "Not a directory" in photo.rendition_error
    log = rendition_worker.log.read_text()
    assert log.count(f"Renditions of photo {photo.pk} failed") == 3  # tried, then twice more
    page = admin_client.get("/admin/photos/photo/?rendition_status__exact=failed").text
    assert "photo-state--failed" in page and "Not a directory" in page


def test_rebuild_renditions_queues_the_work_and_follows_the_worker(rendition_worker):
    photos = [make_photo(), make_photo(size=(500, 300))]
    old = [photo.renditions["dir"] for photo in photos]
    rendition_worker.start()
    out = io.StringIO()

    call_command("rebuild_renditions", stdout=out)

    assert "2/2" in out.getvalue()
    assert "Made renditions for 2 of 2 photos." in out.getvalue()
    for photo, folder in zip(photos, old, strict=True):
        photo.refresh_from_db()
        assert photo.rendition_status == RenditionStatus.READY
        assert photo.renditions["dir"] != folder
