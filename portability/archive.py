"""Newsroom's export format: everything the site shows, as JSON plus the photo files.

`export_news` writes and `import_news` reads a folder or a .zip holding

    manifest.json     {"format": "newsroom-export", "version": 3, "files": {name: sha256}}
    categories.json   categories with every translation, matched by slug
    tags.json         tags, matched by name
    photos.json       photo metadata and rights, "file": "photos/<sha256>.<ext>"; matched
                      by sha256
    people.json       authors and media contacts, matched by slug, photo by its sha256
    articles.json     articles in every state, matched by (language, slug), with their
                      translation link, categories, tags, gallery, related links,
                      authors and contacts (people's slugs)
    photos/…          the photo files, byte for byte

The format is described for people in docs/export-format.md. Scalar model fields are
copied by introspection, so a plain field added to Category, Photo or Article travels
without a format change; relations are written as natural keys, never database ids.

Import checks the whole export before it writes anything (manifest, checksums, JSON
shape, references), then writes in one transaction; stored photo files are removed
again when anything fails, so a damaged export changes nothing. Objects already present
are updated only where they differ, so a second import of the same export changes
nothing.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from articles.models import Article
from photos.models import Photo

FORMAT = "newsroom-export"
# Version 2 added articles' corrections; version 3 photos' rights (holder, licence,
# terms, licence end), which a reader of version 2 would drop, showing a photo past its
# licence end, and people (authors and contacts) in place of bylines and contact rows.
# Older exports still import: without corrections, photos "all rights reserved" with no
# licence end, bylines and contacts made into people (legacy_people.py).
VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
DATA_FILES = ("categories.json", "tags.json", "photos.json", "people.json", "articles.json")
# Before version 3: no people.json.
DATA_FILES_BEFORE_3 = ("categories.json", "tags.json", "photos.json", "articles.json")
_PHOTO_FILE = re.compile(r"^photos/[0-9a-f]{64}\.[A-Za-z0-9]{1,5}$")
# Set by the database or by other fields, never copied from an export.
_NOT_COPIED = {
    "id",
    "translation_of",
    "hero_photo",
    "social_image",
    "author",
    # A photo's hash is its export key (`sha256`); its renditions (their files and
    # where they are) and their state are this site's, made again on import.
    "content_hash",
    "renditions",
    "rendition_status",
    "rendition_error",
}

Progress = Callable[[str, int, int], None]


class ExportError(Exception):
    """An export cannot be written or read; the message says why, in a sentence."""


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stored_sha256(photo: Photo) -> str:
    """The SHA-256 of a photo's stored file, read in chunks (photos can be large)."""
    digest = hashlib.sha256()
    with photo.image.open("rb") as handle:
        for chunk in handle.chunks():
            digest.update(chunk)
    return digest.hexdigest()


def _scalar_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields copied as plain values: concrete, not relations, not files, not the id."""
    return [
        f
        for f in model._meta.concrete_fields
        if not f.is_relation
        and not f.primary_key
        and not isinstance(f, models.FileField)
        and f.name not in _NOT_COPIED
    ]


def _scalars(instance: models.Model) -> dict[str, Any]:
    return {f.name: f.value_from_object(instance) for f in _scalar_fields(type(instance))}


class _Encoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (Django's drops them below a
    millisecond), so an exported time compares equal to the stored one on import."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


def _json(data: Any) -> bytes:
    return json.dumps(data, cls=_Encoder, ensure_ascii=False, indent=1).encode()


def _article_key(article: Article | None) -> list[str] | None:
    return [article.language, article.slug] if article else None
