"""`{% picture %}`: a photo's renditions as a responsive `<picture>` element."""

from __future__ import annotations

from typing import Any

from django import template

from ..images import picture as picture_for
from ..models import Photo

register = template.Library()

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


@register.inclusion_tag("articles/includes/picture.html")
def picture(
    photo: Photo | None,
    kind: str = "full",
    *,
    sizes: str = "hero",
    css_class: str = "",
    hero: bool = False,
    alt: str | None = None,
) -> dict[str, Any]:
    """Everything comes from the photo row already loaded: no file or query per image.

    `kind` is "full" (the photo's own shape) or "card" (the 3:2 focal-point crop);
    `hero` loads the image eagerly with high priority, everything else lazily.
    """
    return {
        "picture": picture_for(photo, kind) if photo is not None else None,
        "alt": photo.alt_text if alt is None and photo is not None else (alt or ""),
        "sizes": SIZES.get(sizes, sizes),
        "css_class": css_class,
        "hero": hero,
    }
