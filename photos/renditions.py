"""Photo renditions: the resized, cropped, metadata-free files that readers are served.

Each photo gets, once, when it is uploaded (or by `manage.py rebuild_renditions`):

- "full" renditions at the configured widths (never wider than the original), with the
  photo's own aspect ratio, for the hero photo;
- "card" renditions: a fixed 3:2 crop around the photo's focal point, for cards and
  gallery thumbnails;

each as JPEG and WebP, and AVIF when this Pillow can write it. EXIF orientation is
applied, colours are converted to sRGB, and no metadata (EXIF, XMP, GPS, ICC) is written.

What exists is recorded in `Photo.renditions` (a small JSON manifest), so a page builds
every `srcset` from the photo row it has already loaded: no file is opened, no storage
is asked whether a file exists and no query is made per image while a page renders.
Files live in `default_storage`, so an S3-compatible storage works the same.

A rebuild writes a complete new set under a fresh folder, then points the row at it, and
only after the transaction commits deletes the old set: when anything fails on the way,
the photo keeps the renditions it had.
"""

from __future__ import annotations

import io
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, ImageCms, ImageOps, features

from pagecache.caching import content_changed

from .models import Photo, RenditionStatus
from .validators import open_photo

logger = logging.getLogger(__name__)

# Bump when the way renditions are made changes: `rebuild_renditions --missing-only`
# then remakes every photo's set.
RENDITIONS_VERSION = 1
CARD_RATIO = (3, 2)


@dataclass(frozen=True)
class Format:
    extension: str
    mime_type: str
    pillow_name: str
    options: dict[str, Any]


JPEG = Format("jpg", "image/jpeg", "JPEG", {"quality": 82, "progressive": True, "optimize": True})
WEBP = Format("webp", "image/webp", "WEBP", {"quality": 80, "method": 4})
AVIF = Format("avif", "image/avif", "AVIF", {"quality": 60, "speed": 8})
_FORMATS = {f.extension: f for f in (AVIF, WEBP, JPEG)}


def output_formats() -> list[Format]:
    """The formats to write, best first; JPEG is always last, as the fallback."""
    formats = [WEBP, JPEG]
    if settings.PHOTO_AVIF and features.check("avif"):
        formats.insert(0, AVIF)
    return formats


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


# ---------------------------------------------------------------------------------------
# Making renditions
# ---------------------------------------------------------------------------------------


def prepare(image: Image.Image) -> Image.Image:
    """The photo as readers should see it: upright, in sRGB, RGB or RGBA, no metadata."""
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)  # Animated GIF or WebP: the first frame is the photo.
    image = ImageOps.exif_transpose(image)
    # An alpha channel, or a palette entry or colour key marked transparent.
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    icc_profile = image.info.get("icc_profile")
    if image.mode.startswith(("I", "F")):  # I, I;16, I;16B, F
        # 16-bit (and 32-bit) grey: converting straight to RGB would clip every value
        # above 255 to white; scale the range down to 8 bits first.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert("RGBA" if has_alpha else "RGB")
    mode = "RGBA" if has_alpha else "RGB"
    converted = None
    if icc_profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            # A broken or unusual profile: the plain conversion is the best we can do.
            logger.warning("Could not convert a colour profile to sRGB; converting plainly.")
    image = converted if converted is not None else image.convert(mode)
    image.info = {}
    return image


def focal_crop_box(
    size: tuple[int, int], ratio: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of `ratio` inside `size`, centred on `focal` as far as it fits."""
    width, height = size
    crop_width = min(width, round(height * ratio[0] / ratio[1]))
    crop_height = min(height, round(crop_width * ratio[1] / ratio[0]))
    left = round(focal[0] * width - crop_width / 2)
    top = round(focal[1] * height - crop_height / 2)
    left = max(0, min(left, width - crop_width))
    top = max(0, min(top, height - crop_height))
    return (left, top, left + crop_width, top + crop_height)


def widths_for(available: int, wanted: Iterable[int]) -> list[int]:
    """The wanted widths up to `available`, plus `available` itself when it falls between
    them: never upscaled, and the largest rendition uses all the pixels there are."""
    wanted = sorted(set(wanted))
    widths = [w for w in wanted if w < available]
    if available <= wanted[-1] or not widths:
        widths.append(min(available, wanted[-1]))
    return widths


def encode(image: Image.Image, fmt: Format) -> bytes:
    if fmt is JPEG and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    buffer = io.BytesIO()
    # No exif=, xmp= or icc_profile= arguments: nothing but pixels is written.
    image.save(buffer, fmt.pillow_name, **fmt.options)
    return buffer.getvalue()


def _resized(image: Image.Image, width: int, height: int) -> Image.Image:
    if (width, height) == image.size:
        return image
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def render(image: Image.Image, focal: tuple[float, float]) -> tuple[dict[str, Any], dict]:
    """Every rendition of a prepared photo, in memory: (manifest without folder, files)."""
    formats = output_formats()
    kinds = {
        "full": (image, settings.PHOTO_RENDITION_WIDTHS),
        "card": (
            image.crop(focal_crop_box(image.size, CARD_RATIO, focal)),
            settings.PHOTO_CARD_WIDTHS,
        ),
    }
    manifest: dict[str, Any] = {
        "version": RENDITIONS_VERSION,
        "formats": [f.extension for f in formats],
        "focal": list(focal),
    }
    files: dict[str, bytes] = {}
    for kind, (source, wanted) in kinds.items():
        sizes = []
        # Largest first, each from the previous: cheaper than resizing the original each time.
        current = source
        for width in reversed(widths_for(source.width, wanted)):
            # The height from the source's shape, not the previous step's rounded one.
            height = max(1, round(source.height * width / source.width))
            current = _resized(current, width, height)
            sizes.append([current.width, current.height])
            for fmt in formats:
                files[f"{kind}-{current.width}.{fmt.extension}"] = encode(current, fmt)
        manifest[kind] = sorted(sizes)
    # Byte sizes, for feed enclosures, which must state a length without a file stat.
    manifest["bytes"] = {name: len(data) for name, data in files.items()}
    return manifest, files


def focal_point(photo: Photo) -> tuple[float, float]:
    return (
        0.5 if photo.focal_x is None else photo.focal_x,
        0.5 if photo.focal_y is None else photo.focal_y,
    )


def build_renditions(photo: Photo) -> dict[str, Any]:
    """Make and store every rendition of `photo` and record them on its row.

    Raises django.core.exceptions.ValidationError when the stored original cannot be
    read as an acceptable photo; its existing renditions are then left as they were.
    """
    with photo.image.open("rb") as file:
        image = open_photo(file)
        prepared = prepare(image)
    manifest, files = render(prepared, focal_point(photo))
    folder = f"{settings.PHOTO_RENDITIONS_DIR}/{photo.pk}/{secrets.token_hex(4)}/"
    manifest["dir"] = folder
    written: list[str] = []
    try:
        for name, data in files.items():
            saved = default_storage.save(folder + name, ContentFile(data))
            written.append(saved)
            if saved != folder + name:
                raise RuntimeError(f"The storage renamed {folder + name} to {saved}.")
        with transaction.atomic():
            old = (
                Photo.objects.select_for_update()
                .filter(pk=photo.pk)
                .values_list("renditions", flat=True)
            )
            previous = old.first() or {}
            Photo.objects.filter(pk=photo.pk).update(
                renditions=manifest, rendition_status=RenditionStatus.READY, rendition_error=""
            )
            # update() sends no signals: pages that left the photo out must be rebuilt.
            content_changed()
            transaction.on_commit(lambda: delete_renditions(previous))
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    photo.renditions = manifest
    photo.rendition_status, photo.rendition_error = RenditionStatus.READY, ""
    return manifest


def delete_files(photo: Photo) -> None:
    """Remove a photo's original and renditions from storage: for undoing the files of
    an import or a seed whose rows were rolled back."""
    photo.image.storage.delete(photo.image.name)
    delete_renditions(photo.renditions)


def rendition_names(manifest: dict[str, Any]) -> list[str]:
    """The storage names of every file a manifest lists."""
    if not manifest.get("dir"):
        return []
    return [
        f"{manifest['dir']}{kind}-{width}.{_FORMATS[ext].extension}"
        for kind in ("full", "card")
        for width, _height in manifest.get(kind, [])
        for ext in manifest.get("formats", [])
        if ext in _FORMATS
    ]


def delete_renditions(manifest: dict[str, Any]) -> None:
    for name in rendition_names(manifest):
        default_storage.delete(name)


def is_current(photo: Photo) -> bool:
    """Whether the row lists a set made the current way for the current focal point.

    Looks at the row only; `files_missing` asks the storage."""
    manifest = photo.renditions or {}
    return (
        manifest.get("version") == RENDITIONS_VERSION
        and manifest.get("focal") == list(focal_point(photo))
        and manifest.get("formats") == [f.extension for f in output_formats()]
        and bool(manifest.get("full"))
    )


def files_missing(photo: Photo) -> bool:
    return any(not default_storage.exists(name) for name in rendition_names(photo.renditions))


# ---------------------------------------------------------------------------------------
# Using renditions in pages
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    mime_type: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    """What `<picture>` needs, built from the manifest alone."""

    sources: list[Source]
    src: str
    srcset: str
    width: int
    height: int


def picture(photo: Photo, kind: str = "full") -> Picture | None:
    """The `<picture>` for `photo`, or None when it has no renditions yet."""
    manifest = photo.renditions or {}
    sizes = manifest.get(kind)
    if not sizes or not manifest.get("dir"):
        logger.warning(
            "Photo %s has no renditions; run 'manage.py rebuild_renditions --missing-only'.",
            photo.pk,
        )
        return None
    folder = manifest["dir"]

    def srcset(fmt: Format) -> str:
        return ", ".join(
            f"{default_storage.url(f'{folder}{kind}-{width}.{fmt.extension}')} {width}w"
            for width, _height in sizes
        )

    formats = [_FORMATS[ext] for ext in manifest["formats"] if ext in _FORMATS]
    fallback_width = max(
        (w for w, _h in sizes if w <= settings.PHOTO_FALLBACK_WIDTH), default=sizes[0][0]
    )
    width, height = sizes[-1]
    return Picture(
        sources=[Source(f.mime_type, srcset(f)) for f in formats if f is not JPEG],
        src=default_storage.url(f"{folder}{kind}-{fallback_width}.{JPEG.extension}"),
        srcset=srcset(JPEG),
        width=width,
        height=height,
    )


def smallest_url(photo: Photo, kind: str = "card") -> str | None:
    """The smallest JPEG rendition, for admin thumbnails; None when there is none."""
    manifest = photo.renditions or {}
    if not manifest.get(kind) or not manifest.get("dir"):
        return None
    width = manifest[kind][0][0]
    return default_storage.url(f"{manifest['dir']}{kind}-{width}.{JPEG.extension}")


def share_image(photo: Photo, at_most: int = 1280) -> tuple[str, int, int] | None:
    """(url, width, height) of the widest full JPEG up to `at_most` pixels: for link
    previews (og:image), feed enclosures and the like, which want one plain JPEG."""
    manifest = photo.renditions or {}
    sizes = manifest.get("full")
    if not sizes or not manifest.get("dir"):
        return None
    width, height = max((s for s in sizes if s[0] <= at_most), default=sizes[0])
    return default_storage.url(f"{manifest['dir']}full-{width}.{JPEG.extension}"), width, height


def share_enclosure(photo: Photo) -> tuple[str, int] | None:
    """(url, length in bytes) of the share JPEG, for a feed enclosure."""
    image = share_image(photo)
    if image is None:
        return None
    url, width, _height = image
    name = f"full-{width}.{JPEG.extension}"
    length = (photo.renditions.get("bytes") or {}).get(name)
    if length is None:  # renditions made before byte sizes were recorded
        length = default_storage.size(f"{photo.renditions['dir']}{name}")
    return url, length


def rendition_list(photo: Photo) -> list[dict[str, Any]]:
    """Every rendition as {"kind", "width", "height", "format", "url"}, e.g. for an API."""
    manifest = photo.renditions or {}
    if not manifest.get("dir"):
        return []
    return [
        {
            "kind": kind,
            "width": width,
            "height": height,
            "format": _FORMATS[ext].mime_type,
            "url": default_storage.url(f"{manifest['dir']}{kind}-{width}.{ext}"),
        }
        for kind in ("full", "card")
        for width, height in manifest.get(kind, [])
        for ext in manifest.get("formats", [])
        if ext in _FORMATS
    ]
