"""Every photo format the admin accepts, uploaded for real, gives readers renditions."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.messages import constants, get_messages
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image, ImageStat, features

from photos import renditions
from photos.models import Photo
from tests import photo_files as files

pytestmark = pytest.mark.django_db

WIDTH, HEIGHT = 400, 300
RED, BLUE = (255, 0, 0), (0, 0, 255)
# What a reader sees on a white page where the original is blue at alpha 128.
HALF_SEE_THROUGH_BLUE = (127, 127, 255)
PILLOW_NAMES = {"jpg": "JPEG", "webp": "WEBP", "avif": "AVIF"}


def _halves(left: str = "#ff0000", right: str = "#0000ff") -> Image.Image:
    return files.two_halves(WIDTH, HEIGHT, left, right)


def _grey_halves() -> Image.Image:
    return _halves("#282828", "#d2d2d2").convert("L")  # 40 | 210


@dataclass(frozen=True)
class Case:
    """One uploaded file, and what a reader should see in the middle of its left half's
    left half and of its right half's right half (on a white page)."""

    name: str
    content_type: str
    make: Callable[[], bytes]
    left: tuple[int, int, int]
    right: tuple[int, int, int]
    see_through: bool = False  # whether part of it is transparent
    has_gps: bool = True  # whether the file carries EXIF with GPS (GIF cannot)


def _png(image: Image.Image, **options) -> Callable[[], bytes]:
    return lambda: files.file_bytes(image, "PNG", exif=files.camera_exif(), **options)


def _jpeg(image: Image.Image, **options) -> Callable[[], bytes]:
    return lambda: files.file_bytes(image, "JPEG", quality=90, exif=files.camera_exif(), **options)


def _webp(image: Image.Image, **options) -> Callable[[], bytes]:
    return lambda: files.file_bytes(image, "WEBP", exif=files.camera_exif(), **options)


def _gif(image: Image.Image) -> Callable[[], bytes]:
    return lambda: files.file_bytes(image, "GIF")


def _avif() -> bytes:
    if features.check("avif"):
        return files.file_bytes(_halves(), "AVIF", quality=70, exif=files.camera_exif())
    return files.AVIF_64X48  # made elsewhere, to show that it is refused clearly


CASES = {
    "PNG-RGB": Case("photo.png", "image/png", _png(_halves()), RED, BLUE),
    "PNG-RGBA-transparent": Case(
        "logo.png",
        "image/png",
        _png(files.with_alpha(_halves(), 255, 128)),
        RED,
        HALF_SEE_THROUGH_BLUE,
        see_through=True,
    ),
    "PNG-palette": Case(
        "palette.png", "image/png", _png(files.palette_halves(WIDTH, HEIGHT)), RED, BLUE
    ),
    "PNG-palette-transparent": Case(
        "palette-transparent.png",
        "image/png",
        _png(files.palette_halves(WIDTH, HEIGHT), transparency=2),
        RED,
        BLUE,
        see_through=True,
    ),
    "PNG-16-bit-grey": Case(
        "scan-16bit.png",
        "image/png",
        _png(files.sixteen_bit_gradient(WIDTH, HEIGHT)),
        (64, 64, 64),
        (191, 191, 191),
    ),
    "PNG-grey": Case("grey.png", "image/png", _png(_grey_halves()), (40,) * 3, (210,) * 3),
    "PNG-grey-alpha": Case(
        "grey-alpha.png",
        "image/png",
        _png(files.with_alpha(_halves("#282828", "#282828").convert("L"), 255, 96)),
        (40,) * 3,
        (174,) * 3,  # 40 at alpha 96 on white
        see_through=True,
    ),
    "GIF-static": Case(
        "photo.gif", "image/gif", _gif(_halves().convert("P")), RED, BLUE, has_gps=False
    ),
    "GIF-animated": Case(
        "animation.gif",
        "image/gif",
        lambda: files.animated_gif(
            WIDTH, HEIGHT, [("#ff0000", "#0000ff"), ("#00ff00", "#ffff00"), ("#fff", "#000")]
        ),
        RED,  # the first frame is the photo
        BLUE,
        has_gps=False,
    ),
    "WebP-lossy": Case("photo.webp", "image/webp", _webp(_halves(), quality=85), RED, BLUE),
    "WebP-lossless-alpha": Case(
        "logo.webp",
        "image/webp",
        _webp(files.with_alpha(_halves(), 255, 128), lossless=True),
        RED,
        HALF_SEE_THROUGH_BLUE,
        see_through=True,
    ),
    "JPEG-RGB": Case("photo.jpg", "image/jpeg", _jpeg(_halves()), RED, BLUE),
    "JPEG-CMYK": Case("print.jpg", "image/jpeg", _jpeg(_halves().convert("CMYK")), RED, BLUE),
    "JPEG-progressive": Case(
        "progressive.jpg", "image/jpeg", _jpeg(_halves(), progressive=True), RED, BLUE
    ),
    "JPEG-grey": Case("grey.jpg", "image/jpeg", _jpeg(_grey_halves()), (40,) * 3, (210,) * 3),
}
AVIF_CASE = Case("photo.avif", "image/avif", _avif, RED, BLUE)


def _upload(client, case: Case, data: bytes):
    return client.post(
        reverse("admin:photos_photo_add"),
        {
            "image": SimpleUploadedFile(case.name, data, content_type=case.content_type),
            "alt_text": "Two coloured halves, side by side",
            "caption": "A test photo",
            "credit": "Test Photographer",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )


def _form_errors(response) -> str:
    found = re.findall(r'<ul class="errorlist"[^>]*>(.*?)</ul>', response.text, re.S)
    return " ".join(found).replace("&#x27;", "'")


def _assert_saved(response) -> Photo:
    """The upload was taken: a redirect, no error message, one photo row."""
    assert response.status_code == 302, _form_errors(response) or response.status_code
    assert response["Location"] == reverse("admin:photos_photo_changelist")
    errors = [str(m) for m in get_messages(response.wsgi_request) if m.level == constants.ERROR]
    assert errors == []
    return Photo.objects.get()


def _has_gps(image: Image.Image) -> bool:
    return bool(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def _renditions(photo: Photo) -> dict[str, Image.Image]:
    """Every file the manifest lists, read back from storage and decoded."""
    names = renditions.rendition_names(photo.renditions)
    assert names, "the manifest lists rendition files"
    opened = {}
    for name in names:
        assert default_storage.exists(name), name
        with default_storage.open(name, "rb") as file:
            data = file.read()
        extension = name.rsplit(".", 1)[1]
        image = Image.open(io.BytesIO(data), formats=[PILLOW_NAMES[extension]])
        image.load()
        opened[name] = image
    return opened


def _seen(image: Image.Image, x: float) -> tuple[int, ...]:
    """The mean colour around (x × width, middle height), as a reader sees it on white."""
    flat = Image.alpha_composite(
        Image.new("RGBA", image.size, "white"), image.convert("RGBA")
    ).convert("RGB")
    centre_x, centre_y, radius = round(x * image.width), image.height // 2, image.width // 40
    box = (centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius)
    return tuple(round(value) for value in ImageStat.Stat(flat.crop(box)).mean)


def _difference(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def _assert_readers_get_renditions(photo: Photo, case: Case, formats: list[str]) -> None:
    assert (photo.width, photo.height) == (WIDTH, HEIGHT)
    assert photo.renditions["formats"] == formats
    assert photo.renditions["full"][-1] == [WIDTH, HEIGHT]
    sizes = {
        f"{kind}-{width}": (width, height)
        for kind in ("full", "card")
        for width, height in photo.renditions[kind]
    }
    files = _renditions(photo)
    assert {name.rsplit(".", 1)[1] for name in files} == set(formats)
    for name, image in files.items():
        stem, extension = name.rsplit("/", 1)[1].rsplit(".", 1)
        assert image.format == PILLOW_NAMES[extension], name
        assert image.size == sizes[stem], name
        assert not image.getexif(), f"{name} carries EXIF"
        assert not _has_gps(image), f"{name} carries GPS"
        assert not {"exif", "xmp", "XML:com.adobe.xmp"} & set(image.info), name
        left, right = _seen(image, 0.25), _seen(image, 0.75)
        assert _difference(left, right) > 60, f"{name} is blank: {left} on the left, {right}"
        if case.see_through and extension != "jpg":
            assert image.mode in ("RGBA", "LA"), f"{name} lost its transparency"
            assert image.getchannel("A").getextrema()[0] < 255, f"{name} lost its transparency"


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_an_uploaded_photo_in_every_accepted_format_gets_clean_visible_renditions(
    writer_client, case
):
    data = case.make()
    if case.has_gps:
        assert _has_gps(Image.open(io.BytesIO(data))), "the original carries GPS"

    photo = _assert_saved(_upload(writer_client, case, data))

    _assert_readers_get_renditions(photo, case, ["webp", "jpg"])


def test_an_avif_photo_gets_renditions_or_where_pillow_cannot_read_avif_a_clear_refusal(
    writer_client, settings
):
    settings.PHOTO_AVIF = True

    response = _upload(writer_client, AVIF_CASE, AVIF_CASE.make())

    if features.check("avif"):
        photo = _assert_saved(response)
        _assert_readers_get_renditions(photo, AVIF_CASE, ["avif", "webp", "jpg"])
    else:
        assert response.status_code == 200
        assert (
            "This file is not a photo Newsroom can read. Upload a JPEG, PNG, WebP or GIF file."
            in _form_errors(response)
        )
        assert not Photo.objects.exists()


FOLLOWED = [
    "PNG-RGBA-transparent",
    "PNG-palette-transparent",
    "PNG-16-bit-grey",
    "GIF-static",
    "GIF-animated",
    "WebP-lossless-alpha",
    "JPEG-CMYK",
]


@pytest.mark.parametrize("name", FOLLOWED)
def test_the_renditions_show_the_original_colours_in_the_same_places(writer_client, settings, name):
    settings.PHOTO_AVIF = True  # AVIF renditions too, where this Pillow writes them
    case = CASES[name]

    photo = _assert_saved(_upload(writer_client, case, case.make()))

    files = _renditions(photo)
    assert len({n.rsplit(".", 1)[1] for n in files}) == len(renditions.output_formats())
    for rendition_name, image in files.items():
        left, right = _seen(image, 0.25), _seen(image, 0.75)
        assert _difference(left, case.left) <= 40, f"{rendition_name}: left is {left}"
        assert _difference(right, case.right) <= 40, f"{rendition_name}: right is {right}"
