"""`picture()`: a photo's renditions as a responsive `<picture>` element."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from ..images import picture as picture_for
from ..models import Photo

# How wide the image is drawn, for the browser to pick a file before layout is known.
SIZES = {
    # The hero spans the article column (60rem) or the whole screen below that.
    "hero": "(min-width: 60rem) 60rem, 100vw",
    # Cards: one column on phones, two from 40em, three from 60em, in an 80rem page.
    "card": "(min-width: 80rem) 26rem, (min-width: 60em) 33vw, (min-width: 40em) 50vw, 100vw",
    # A featured card spans two of those columns.
    "featured_card": "(min-width: 80rem) 53rem, (min-width: 60em) 66vw, 100vw",
    # Gallery thumbnails: columns of at least 12rem in the 42rem measure.
    "gallery": "(min-width: 42rem) 20rem, 50vw",
}


def picture(
    photo: Photo | None,
    kind: str = "full",
    *,
    sizes: str = "hero",
    css_class: str = "",
    hero: bool = False,
    alt: str | None = None,
) -> SafeString:
    """Everything comes from the photo row already loaded: no file or query per image.

    `kind` is "full" (the photo's own shape) or "card" (the 3:2 focal-point crop);
    `hero` loads the image eagerly with high priority, everything else lazily.
    """
    if photo is None:
        return SafeString()
    arguments = (kind, SIZES.get(sizes, sizes), css_class, bool(hero))
    alt = photo.alt_text if alt is None else alt
    folder = (photo.renditions or {}).get("dir")
    if folder and photo.pk is not None and media_urls_last():
        return _remembered_html(photo, folder, *arguments, alt)
    return _html(photo, *arguments, alt)


def media_urls_last() -> bool:
    """Whether a media file's address stays the same: not with signed S3 addresses
    (AWS_QUERYSTRING_AUTH), which expire, so markup holding them is not remembered."""
    return not getattr(default_storage, "querystring_auth", False)


def _html(photo: Photo, kind: str, sizes: str, css_class: str, hero: bool, alt: str) -> SafeString:
    context = {
        "picture": picture_for(photo, kind),
        "alt": alt,
        "sizes": sizes,
        "css_class": css_class,
        "hero": hero,
    }
    markup = render_to_string("articles/includes/picture.html", context)
    return mark_safe(markup)  # noqa: S308 – the template escapes every value


@lru_cache(maxsize=4096)
def _remembered_html(photo: Photo, folder: str, *arguments: Any) -> SafeString:
    """The same photo drawn the same way gives the same markup until its renditions are
    rebuilt, which puts them in a new folder: made once per worker, not on every card
    of every page (a twelfth of a listing page's rendering otherwise)."""
    return _html(photo, *arguments)
