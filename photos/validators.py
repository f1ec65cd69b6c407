"""The one check every photo passes before Newsroom stores or renders it.

Used by the admin's upload field, by `seed_demo` and by `rebuild_renditions` (through
`photos.renditions`), so a file that fails here is never written to storage and never
rendered. The checks run cheapest first and the pixel count is checked from the header,
before the image is decoded: a small file that claims to be 30000 × 30000 pixels costs
nothing to refuse.
"""

from __future__ import annotations

import io
import warnings
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError, features

# Pillow's format names for what we accept. AVIF only when this Pillow can decode it.
ALLOWED_FORMATS: tuple[str, ...] = ("JPEG", "PNG", "WEBP", "GIF") + (
    ("AVIF",) if features.check("avif") else ()
)

# No image format starts with "<": what does is SVG, HTML or XML, which can carry scripts.
_MARKUP_START = b"<"

NOT_AN_IMAGE = _(
    "This file is not a photo Newsroom can read. Upload a JPEG, PNG, WebP or GIF file%(avif)s."
)


def allowed_formats_text() -> str:
    return ", ".join(ALLOWED_FORMATS)


def max_bytes() -> int:
    return settings.PHOTO_MAX_BYTES


def max_pixels() -> int:
    return settings.PHOTO_MAX_PIXELS


def _size_of(file: IO[bytes]) -> int:
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        file.seek(0, 2)
        size = file.tell()
        file.seek(position)
    return size


def _not_an_image() -> ValidationError:
    avif = _(" or AVIF") if "AVIF" in ALLOWED_FORMATS else ""
    return ValidationError(NOT_AN_IMAGE, code="not_an_image", params={"avif": avif})


def open_photo(file: IO[bytes]) -> Image.Image:
    """The photo in `file`, decoded, or a ValidationError that says what is wrong.

    The order matters: size in bytes, then the first bytes (markup), then the header
    (format and pixel count), and only then the full decode.
    """
    size = _size_of(file)
    if size == 0:
        raise ValidationError(_("The file is empty (0 bytes)."), code="empty")
    if size > max_bytes():
        raise ValidationError(
            _("The file is %(size)s; photos may be at most %(limit)s."),
            code="too_many_bytes",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes())},
        )
    file.seek(0)
    # Pillow gets a copy of its own (at most PHOTO_MAX_BYTES): closing a PNG or GIF
    # image closes the file it was opened from, and the caller's file must stay open.
    data = io.BytesIO(file.read())
    file.seek(0)
    if data.getvalue()[:256].lstrip().lower().startswith(_MARKUP_START):
        raise ValidationError(
            _(
                "SVG drawings, web pages and other text files are not accepted. "
                "Upload the photo itself as a JPEG, PNG, WebP or GIF file."
            ),
            code="markup",
        )
    try:
        with warnings.catch_warnings():
            # Pillow warns past its own pixel limit and refuses at twice that; both
            # mean "far too large" here.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(data, formats=ALLOWED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _not_an_image() from None
    width, height = image.size
    if width * height > max_pixels():
        raise _too_many_pixels((width, height))
    if width == 0 or height == 0:
        raise _not_an_image()
    try:
        image.load()
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(
            _(
                "The photo is damaged or incomplete (the file ends too early or its data "
                "is broken). Export it again and upload the new file."
            ),
            code="truncated",
        ) from None
    return image


def _too_many_pixels(size: tuple[int, int] | None) -> ValidationError:
    limit = f"{max_pixels() / 1_000_000:g}"
    if size is None:
        return ValidationError(
            _("The photo has far too many pixels; photos may have at most %(limit)s megapixels."),
            code="too_many_pixels",
            params={"limit": limit},
        )
    width, height = size
    return ValidationError(
        _(
            "The photo is %(width)s × %(height)s pixels (%(mp)s megapixels); photos may "
            "have at most %(limit)s megapixels. Resize it and upload it again."
        ),
        code="too_many_pixels",
        params={
            "width": width,
            "height": height,
            "mp": f"{width * height / 1e6:.1f}",
            "limit": limit,
        },
    )


def validate_photo_file(file: IO[bytes]) -> None:
    """A validator for forms: raises ValidationError unless `file` is an acceptable photo."""
    image = open_photo(file)
    image.close()
    file.seek(0)
