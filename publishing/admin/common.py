"""What the admin's pages share: photo thumbnails (with the hero photo's licence note) and
the admin's own styles and script."""

from __future__ import annotations

from django.utils.html import format_html

from articles.models import Article
from photos import renditions
from photos.models import Photo


def thumbnail(photo: Photo | None, size: int = 80) -> str:
    # A rendition, never the original: the original may carry location and camera data.
    url = renditions.smallest_url(photo) if photo is not None else None
    if url is None:
        return "—"
    return format_html(
        '<img class="newsroom-thumbnail" src="{}" alt="" width="{}" loading="lazy">',
        url,
        size,
    )


def hero_preview(article: Article) -> str:
    """The hero photo's thumbnail in the article form, with why readers miss it when its
    licence has ended (or when it will)."""
    picture = thumbnail(article.hero_photo, size=320)
    if note := article.hero_rights_note():
        return format_html('{}<p class="newsroom-rights-note">{}</p>', picture, note)
    return picture


class AdminMedia:
    css = {"all": ["css/admin.css"]}
    # Accessible names the admin's own markup lacks (split date-times, tabular inlines,
    # Select2); see the script's header.
    js = ["js/admin-a11y.js"]
