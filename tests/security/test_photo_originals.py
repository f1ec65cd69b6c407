"""Photo originals (GPS, camera serials) reach staff through the admin and no one else."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from photos import renditions
from photos.models import Photo
from tests.factories import make_user
from tests.photo_files import jpeg_with_metadata

# Every spelling the attack tried, each of which `serve()` normalises to the same file,
# and a few more of the kind. `{name}` is where the original would be in MEDIA_ROOT.
SPELLINGS = [
    "/media/{name}",
    "/media//{name}",
    "/media/./{name}",
    "/media/%2e/{name}",
    "/media/x/../{name}",
    "/media/renditions/../{name}",
    "/media/%2F{name}",
    "/media/%2f{name}",
    "/media/renditions/%2e%2e/{name}",
    "/media/renditions/..%2F{name}",
    "/media/.//./{name}",
    "/media/photos/../{name}",
    "/media/../originals/{name}",
    "/media/%2e%2e/originals/{name}",
]


@pytest.fixture
def original(db) -> tuple[Photo, bytes]:
    """A photo uploaded through the admin form as a Writer, with GPS in its EXIF."""
    data = jpeg_with_metadata()
    writer = Client()
    writer.force_login(make_user("wanda", role="Writer"))
    response = writer.post(
        reverse("admin:photos_photo_add"),
        {"image": SimpleUploadedFile("IMG_0042.JPG", data, "image/jpeg"), "alt_text": "Lab"},
    )
    assert response.status_code == 302
    return Photo.objects.get(), data


def _body(response) -> bytes:
    return b"".join(response) if response.streaming else response.content


def test_originals_are_stored_outside_the_media_folder_under_unguessable_names(original, settings):
    photo, data = original
    stored = Path(photo.image.path).resolve()

    assert Path(settings.PHOTO_ORIGINALS_ROOT).resolve() in stored.parents
    assert Path(settings.MEDIA_ROOT).resolve() not in stored.parents
    assert stored.read_bytes() == data
    assert re.fullmatch(r"\d{4}/\d{2}/[0-9a-f]{32}/IMG_0042\.JPG", photo.image.name)
    # Everything in the media folder is a rendition.
    media = Path(settings.MEDIA_ROOT)
    served = {p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file()}
    assert served == set(renditions.rendition_names(photo.renditions))


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("who", ["anonymous", "writer"])
def test_no_spelling_of_a_media_address_serves_an_original(original, spelling, who, settings):
    photo, data = original
    client = Client()
    if who == "writer":
        client.force_login(make_user("walter", role="Writer"))
    # The original's own name, and the name it would have had before (photos/…).
    for name in (photo.image.name, f"photos/{photo.image.name}", "IMG_0042.JPG"):
        response = client.get(spelling.format(name=name))
        assert response.status_code in (400, 404), (spelling, name, response.status_code)
        assert data not in _body(response)


def test_a_copy_left_in_the_media_folder_is_still_not_served(original, settings):
    # An operator who copies originals back into MEDIA_ROOT (an old backup, say): the
    # media route serves renditions only.
    photo, data = original
    default_storage.save(f"photos/{photo.image.name}", ContentFile(data))
    for spelling in SPELLINGS:
        response = Client().get(spelling.format(name=f"photos/{photo.image.name}"))
        assert response.status_code == 404, spelling
        assert data not in _body(response)


def test_readers_get_the_renditions(original):
    photo, _data = original
    for name in renditions.rendition_names(photo.renditions):
        response = Client().get(f"/media/{name}")
        assert response.status_code == 200, name
        assert b"GPS" not in _body(response)


def test_staff_who_may_view_the_photo_open_the_original_through_the_admin(original):
    photo, data = original
    url = reverse("admin:photos_photo_original", args=[photo.pk])
    writer = Client()
    writer.force_login(make_user("wilma", role="Writer"))

    response = writer.get(url)

    assert response.status_code == 200
    assert _body(response) == data
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # The photo's page links to the original there, and nowhere else to its file name.
    page = writer.get(reverse("admin:photos_photo_change", args=[photo.pk])).text
    assert f'href="{url}"' in page
    assert page.count(photo.image.name) == 0


def test_the_original_view_refuses_visitors_staff_without_permission_and_unknown_ids(original):
    photo, _data = original
    url = reverse("admin:photos_photo_original", args=[photo.pk])
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    no_role = Client()
    no_role.force_login(make_user("nobody"))
    assert no_role.get(url).status_code == 403
    editor = Client()
    editor.force_login(make_user("edith", role="Editor"))
    unknown = reverse("admin:photos_photo_original", args=[photo.pk + 1])
    assert editor.get(unknown).status_code in (302, 404)
    assert editor.get(f"/admin/photos/photo/{photo.pk}%00/original/").status_code in (302, 404)


def test_the_migration_moves_existing_originals_out_of_the_media_folder(
    db, django_capture_on_commit_callbacks
):
    # A photo stored the old way: photos/YYYY/MM/<upload name> in the media storage.
    data = jpeg_with_metadata()
    old_name = default_storage.save("photos/2026/11/IMG_0042.JPG", ContentFile(data))
    Photo.objects.bulk_create([Photo(image=old_name, alt_text="Lab", width=800, height=400)])
    migration = importlib.import_module("articles.migrations.0007_photo_originals")
    # The models as that migration knows them (Photo was still the articles app's).
    loader = MigrationExecutor(connection).loader
    apps = loader.project_state(("articles", "0007_photo_originals")).apps

    with django_capture_on_commit_callbacks(execute=True):
        migration.move_originals(apps, schema_editor=None)

    photo = Photo.objects.get()
    assert re.fullmatch(r"2\d{3}/\d{2}/[0-9a-f]{32}/IMG_0042\.JPG", photo.image.name)
    with photo.image.open("rb") as file:
        assert file.read() == data
    assert not default_storage.exists(old_name)
    # A second run (or a photo already moved) changes nothing.
    migration.move_originals(apps, schema_editor=None)
    assert Photo.objects.get().image.name == photo.image.name


def test_a_deployment_that_keeps_originals_inside_the_media_folder_fails_its_checks(settings):
    settings.PHOTO_ORIGINALS_ROOT = Path(settings.MEDIA_ROOT) / "originals"
    with pytest.raises(SystemCheckError, match="PHOTO_ORIGINALS_ROOT"):
        call_command("check")
