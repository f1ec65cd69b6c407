"""`{% photo_uploader "library" %}`: the upload cards, with the licences their rights
group offers. Used in the photo library and the article form's picker."""

from __future__ import annotations

from typing import Any

from django import template

from photos.licences import Licence

from ..site_time import zone_description

register = template.Library()


@register.inclusion_tag("publishing/photo_uploader.html")
def photo_uploader(uploader_id: str) -> dict[str, Any]:
    """The cards (templates/publishing/photo_uploader.html); `uploader_id` keeps the ids
    of two uploaders apart."""
    return {
        "uploader_id": uploader_id,
        "licences": Licence.choices,
        # A photo is "all rights reserved" until the editor says otherwise (Photo.licence).
        "default_licence": Licence.ALL_RIGHTS_RESERVED,
        "other_licence": Licence.OTHER,
        "zone": zone_description(),
    }
