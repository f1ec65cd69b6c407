"""Renditions: what readers are served is upright, sRGB, metadata-free, at the right sizes,
made once, and read from the photo row alone while pages render."""

from __future__ import annotations

import builtins
import io
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import ExifTags, Image, features

from articles.models import GalleryPhoto
from photos import renditions
from photos.models import Photo
from tests.factories import make_article, make_category, make_photo
from tests.photo_files import jpeg_in_swapped_profile, jpeg_with_metadata, two_halves
from tests.test_query_counts import BUDGETS

pytestmark = pytest.mark.django_db


def _photo(data: bytes, **fields) -> Photo:
    photo = Photo.objects.create(
        image=ContentFile(data, name="upload.jpg"), alt_text="A test photo", **fields
    )
    renditions.build_renditions(photo)
    return photo


def _open(name: str) -> Image.Image:
    with default_storage.open(name, "rb") as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image


def _near(pixel: tuple, colour: tuple, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def test_every_served_file_is_upright_and_carries_no_exif_gps_xmp_or_profile():
    photo = _photo(jpeg_with_metadata(orientation=6))
    names = renditions.rendition_names(photo.renditions)
    assert len(names) >= 6

    for name in names:
        image = _open(name)
        # Orientation 6: the stored 800 × 400 (red left, blue right) is shown turned
        # 90° clockwise, 400 wide × 800 high with red on top; crops keep the shape 3:2.
        if "/full-" in name:
            assert image.height == 2 * image.width, name
            assert _near(image.getpixel((image.width // 2, 5)), (255, 0, 0)), name
            assert _near(image.getpixel((image.width // 2, image.height - 5)), (0, 0, 255)), name
        exif = image.getexif()
        assert ExifTags.Base.Orientation not in exif, name
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo), name
        assert not exif.get_ifd(ExifTags.IFD.Exif), name
        assert "xmp" not in image.info and "icc_profile" not in image.info, name
        with default_storage.open(name, "rb") as file:
            raw = file.read()
        assert b"SERIAL-123456" not in raw and b"TestCam" not in raw and b"GPSLatitude" not in raw


def test_colours_are_converted_from_the_embedded_profile_to_srgb():
    # Pure red in a profile whose red primary is sRGB green must come out green.
    photo = _photo(jpeg_in_swapped_profile())

    for name in renditions.rendition_names(photo.renditions):
        image = _open(name).convert("RGB")
        assert _near(image.getpixel((image.width // 2, image.height // 2)), (0, 255, 0)), name


def test_widths_stop_at_the_original_and_are_never_upscaled(settings):
    photo = _photo(_jpeg(1500, 1000))

    assert [w for w, _h in photo.renditions["full"]] == [320, 640, 960, 1280, 1500]
    assert photo.renditions["full"][-1] == [1500, 1000]
    assert [w for w, _h in photo.renditions["card"]] == [320, 640, 960]
    assert all(h == round(w * 2 / 3) for w, h in photo.renditions["card"])
    small = _photo(_jpeg(200, 150))
    assert small.renditions["full"] == [[200, 150]]
    for name in renditions.rendition_names(photo.renditions):
        width = int(re.search(r"-(\d+)\.", name)[1])
        assert _open(name).width == width


def test_formats_are_webp_and_jpeg_and_avif_when_pillow_writes_it(settings):
    settings.PHOTO_AVIF = True  # the suite turns AVIF off elsewhere: it is slow to encode
    photo = make_photo()
    extensions = {Path(name).suffix for name in renditions.rendition_names(photo.renditions)}
    expected = {".webp", ".jpg"} | ({".avif"} if features.check("avif") else set())
    assert extensions == expected
    for name in renditions.rendition_names(photo.renditions):
        assert (
            _open(name).format
            == {".jpg": "JPEG", ".webp": "WEBP", ".avif": "AVIF"}[Path(name).suffix]
        )


def _jpeg(width: int, height: int, image: Image.Image | None = None) -> bytes:
    buffer = io.BytesIO()
    (image or Image.new("RGB", (width, height), "#888")).save(buffer, "JPEG")
    return buffer.getvalue()


def test_card_crop_keeps_the_focal_point_in_view():
    # A wide photo: grey, with a red right quarter. Centred, the 3:2 crop shows grey
    # in its middle; with the focal point on the right it is centred on red.
    image = two_halves(1200, 450, "#808080", "#808080")
    image.paste(Image.new("RGB", (300, 450), "#ff0000"), (900, 0))
    centred = _photo(_jpeg(0, 0, image))
    on_the_right = _photo(_jpeg(0, 0, image), focal_x=0.9, focal_y=0.5)

    def card_centre(photo: Photo) -> tuple:
        name = next(n for n in renditions.rendition_names(photo.renditions) if "card-640.jpg" in n)
        card = _open(name)
        assert card.size == (640, 427)
        return card.getpixel((card.width * 3 // 4, card.height // 2))

    assert _near(card_centre(centred), (128, 128, 128))
    assert _near(card_centre(on_the_right), (255, 0, 0))


def test_images_focal_crop_box_clamps_to_the_image():
    assert renditions.focal_crop_box((1600, 600), (3, 2), (0.5, 0.5)) == (350, 0, 1250, 600)
    assert renditions.focal_crop_box((1600, 600), (3, 2), (1.0, 0.0)) == (700, 0, 1600, 600)
    assert renditions.focal_crop_box((600, 1200), (3, 2), (0.5, 0.0)) == (0, 0, 600, 400)


# ---------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------


@pytest.fixture
def index_with_twelve_cards():
    studies = make_category(slug="studies")
    return [
        make_article(categories=[studies], hero_photo=make_photo(alt_text=f"Card photo {n}"))
        for n in range(12)
    ]


def test_rendering_a_page_of_twelve_cards_opens_no_file_and_asks_storage_nothing(
    client, index_with_twelve_cards, monkeypatch, settings
):
    media_root = str(Path(settings.MEDIA_ROOT).resolve())
    real_open = builtins.open
    opened: list[str] = []

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and str(Path(file).resolve()).startswith(media_root):
            opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def refuse(*args, **kwargs):
        raise AssertionError("a page asked the storage or Pillow about a file")

    monkeypatch.setattr(builtins, "open", guarded_open)
    for name in ("open", "exists", "size", "listdir", "get_modified_time"):
        monkeypatch.setattr(FileSystemStorage, name, refuse)
    monkeypatch.setattr(Image, "open", refuse)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/news/")

    assert response.status_code == 200
    assert opened == []
    assert response.text.count("<picture>") == 12
    assert len(queries) <= BUDGETS["/en/news/"]


def test_cards_are_lazy_pictures_of_the_3_2_crop_with_srcset_sizes_and_dimensions(
    client, index_with_twelve_cards
):
    html = client.get("/en/news/").text
    card = re.search(r'<div class="card__media">\s*(<picture>.*?</picture>)', html, re.S)[1]

    assert re.search(
        r'<source type="image/webp" srcset="[^"]+card-320\.webp 320w, '
        r'[^"]+card-640\.webp 640w" sizes="[^"]+">',
        card,
    )
    img = re.search(r"<img [^>]+>", card)[0]
    assert 'class="card__image"' in img
    assert 'width="640" height="427"' in img
    assert re.search(r'srcset="[^"]+card-320\.jpg 320w, [^"]+card-640\.jpg 640w"', img)
    assert 'sizes="' in img and 'loading="lazy"' in img and "fetchpriority" not in img
    assert 'alt="Card photo' in img


def test_cards_offer_avif_first_when_it_is_made(client, settings):
    settings.PHOTO_AVIF = True
    if not features.check("avif"):
        pytest.fail("this Pillow cannot write AVIF; set PHOTO_AVIF=0 for such a deployment")
    make_article(hero_photo=make_photo(alt_text="Card photo"))

    html = client.get("/en/news/").text
    card = re.search(r'<div class="card__media">\s*(<picture>.*?</picture>)', html, re.S)[1]

    assert card.index('type="image/avif"') < card.index('type="image/webp"')


def test_a_featured_card_asks_for_twice_the_width(client, index_with_twelve_cards):
    featured = index_with_twelve_cards[0]
    featured.featured = True
    featured.save()

    html = client.get("/en/news/").text

    per_picture = len(renditions.output_formats())  # each <source> and the <img>
    assert html.count('sizes="(min-width: 80rem) 53rem, (min-width: 60em) 66vw, 100vw"') == (
        per_picture
    )
    assert html.count('sizes="(min-width: 80rem) 26rem,') == per_picture * 11


def test_the_hero_loads_eagerly_with_high_priority_and_the_gallery_lazily(client):
    article = make_article(hero_photo=make_photo(alt_text="The hero"))
    GalleryPhoto.objects.create(article=article, photo=make_photo(alt_text="In the gallery"))

    html = client.get(article.get_absolute_url()).text
    hero = re.search(r'<img class="figure__image"[^>]+alt="The hero"[^>]*>', html)[0]
    gallery = re.search(r'<img class="figure__image"[^>]+alt="In the gallery"[^>]*>', html)[0]

    assert 'fetchpriority="high"' in hero and "loading=" not in hero
    assert 'width="640" height="427"' in hero and "full-640.jpg 640w" in hero
    assert 'loading="lazy"' in gallery and "card-640.jpg" in gallery
    assert "/media/photos/" not in html  # originals are never linked


def test_a_photo_without_renditions_is_left_out_rather_than_serving_the_original(client):
    photo = make_photo()
    Photo.objects.filter(pk=photo.pk).update(renditions={})
    article = make_article(hero_photo=photo)

    html = client.get(article.get_absolute_url()).text

    assert "<picture>" not in html and photo.image.name not in html
    assert "Sakari Photographer" in html  # the credit and caption are still shown


def test_readers_get_renditions_but_not_the_original_which_only_staff_can_open(
    client, admin_client
):
    photo = _photo(jpeg_with_metadata())
    rendition = default_storage.url(renditions.rendition_names(photo.renditions)[0])

    original = reverse("admin:photos_photo_original", args=[photo.pk])

    assert client.get(rendition).status_code == 200
    assert client.get(f"/media/{photo.image.name}").status_code == 404
    assert client.get(original).status_code == 302  # to the login page
    assert admin_client.get(original).status_code == 200


def test_share_image_and_rendition_list_describe_real_files():
    photo = _photo(_jpeg(1500, 1000))

    url, width, height = renditions.share_image(photo)
    assert (width, height) == (1280, 853) and url.endswith("/full-1280.jpg")
    listed = renditions.rendition_list(photo)
    assert len(listed) == len(renditions.rendition_names(photo.renditions))
    assert {"kind": "card", "width": 960, "height": 640, "format": "image/webp"}.items() <= next(
        r for r in listed if r["kind"] == "card" and r["width"] == 960 and "webp" in r["format"]
    ).items()


# ---------------------------------------------------------------------------------------
# rebuild_renditions
# ---------------------------------------------------------------------------------------


def test_rebuild_replaces_each_set_and_deletes_the_old_files(django_capture_on_commit_callbacks):
    photo = make_photo()
    old_names = renditions.rendition_names(photo.renditions)
    out = io.StringIO()

    # The old set is deleted once the new one is committed.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rebuild_renditions", stdout=out)

    photo.refresh_from_db()
    new_names = renditions.rendition_names(photo.renditions)
    assert set(new_names).isdisjoint(old_names)
    assert all(default_storage.exists(name) for name in new_names)
    assert not any(default_storage.exists(name) for name in old_names)
    assert "[##############################] 1/1" in out.getvalue()
    assert "Made renditions for 1 of 1 photos." in out.getvalue()


def test_missing_only_remakes_only_photos_without_a_complete_set():
    complete, emptied, damaged = make_photo(), make_photo(), make_photo()
    Photo.objects.filter(pk=emptied.pk).update(renditions={})
    default_storage.delete(renditions.rendition_names(damaged.renditions)[0])
    untouched = complete.renditions

    out = io.StringIO()
    call_command("rebuild_renditions", "--missing-only", stdout=out)

    for photo in (complete, emptied, damaged):
        photo.refresh_from_db()
    assert complete.renditions == untouched
    assert renditions.is_current(emptied) and not renditions.files_missing(emptied)
    assert not renditions.files_missing(damaged)
    assert "Made renditions for 2 of 2 photos." in out.getvalue()


def test_an_unreadable_photo_is_reported_keeps_its_renditions_and_fails_the_command():
    good, broken = make_photo(), make_photo()
    kept = broken.renditions
    with broken.image.storage.open(broken.image.name, "wb") as file:
        file.write(b"not a photo any more")
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="1 photo\\(s\\) could not be read"):
        call_command("rebuild_renditions", stdout=out, stderr=err)

    broken.refresh_from_db()
    assert broken.renditions == kept
    assert all(default_storage.exists(name) for name in renditions.rendition_names(kept))
    assert f"Photo {broken.pk} ({broken.image.name}) cannot be read: This file is not a photo" in (
        err.getvalue()
    )
    assert "Made renditions for 1 of 2 photos." in out.getvalue()
    good.refresh_from_db()
    assert renditions.is_current(good)


def test_a_missing_original_is_reported_too():
    photo = make_photo()
    photo.image.storage.delete(photo.image.name)
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("rebuild_renditions", stdout=io.StringIO(), stderr=err)

    assert f"Photo {photo.pk}" in err.getvalue()


def test_quiet_rebuild_prints_nothing():
    make_photo()
    out = io.StringIO()
    call_command("rebuild_renditions", verbosity=0, stdout=out)
    assert out.getvalue() == ""
