"""Writing an export: every category, tag, photo, person and article to a folder or a .zip
(the format: portability/archive.py and docs/export-format.md)."""

from __future__ import annotations

import shutil
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.db import models
from taggit.models import Tag

from articles.models import Article, Category, Person, RelatedLink
from photos.models import Photo

from .archive import (
    FORMAT,
    VERSION,
    ExportError,
    Progress,
    _article_key,
    _json,
    _no_progress,
    _scalars,
    _sha256,
    _stored_sha256,
)


@dataclass
class ExportReport:
    categories: int = 0
    tags: int = 0
    photos: int = 0
    people: int = 0
    articles: int = 0

    def __str__(self) -> str:
        return (
            f"{self.articles} articles, {self.photos} photos, {self.people} people, "
            f"{self.categories} categories and {self.tags} tags"
        )


def export_news(destination: Path, progress: Progress = _no_progress) -> ExportReport:
    """Write everything to `destination`: a .zip file, or else a new or empty folder."""
    as_zip = destination.suffix.lower() == ".zip"
    if destination.exists() and (as_zip or any(destination.iterdir())):
        raise ExportError(f"{destination} already exists; export into a new path.")
    report = ExportReport()
    writer = _Writer(destination, as_zip)
    try:
        _export_into(writer, report, progress)
    except BaseException:
        writer.abort()
        raise
    writer.finish()
    return report


def _export_into(writer: _Writer, report: ExportReport, progress: Progress) -> None:
    photos = []
    photo_keys: dict[int, str] = {}
    written: set[str] = set()
    all_photos = list(Photo.objects.order_by("pk"))
    for number, photo in enumerate(all_photos, 1):
        try:
            # Stored with the photo; read from the file only for a photo without one.
            digest = photo.content_hash or _stored_sha256(photo)
            suffix = (PurePosixPath(photo.image.name).suffix or ".bin").lower()
            file_name = f"photos/{digest}{suffix}"
            if digest not in written:
                written.add(digest)
                with photo.image.open("rb") as handle:
                    writer.add_file(file_name, handle.chunks())
                photos.append(
                    {"sha256": digest, "file": file_name, "path": photo.image.name}
                    | _scalars(photo)
                )
        except OSError as error:
            raise ExportError(
                f"The file of photo {photo.pk} ({photo.image.name}) cannot be read: {error}."
            ) from error
        photo_keys[photo.pk] = digest
        progress("photos", number, len(all_photos))
    report.photos = len(photos)

    categories = [_scalars(c) for c in Category.objects.order_by("slug")]
    # In creation order: pages list an article's tags in the order of the tags' ids,
    # which the import reproduces by creating them in this order.
    tags = [{"name": t.name, "slug": t.slug} for t in Tag.objects.order_by("pk")]
    report.categories, report.tags = len(categories), len(tags)
    people = [
        _scalars(person) | {"photo": photo_keys.get(person.photo_id)}
        for person in Person.objects.order_by("slug")
    ]
    report.people = len(people)

    articles = []
    queryset = (
        Article.objects.order_by("language", "slug")
        .select_related("translation_of", "author")
        .prefetch_related(
            "categories",
            "tags",
            "gallery",
            "corrections",
            models.Prefetch(
                "related_links",
                RelatedLink.objects.select_related("target").order_by("position", "pk"),
            ),
        )
        .with_credits()
    )
    total = queryset.count()
    for number, article in enumerate(queryset.iterator(chunk_size=500), 1):
        articles.append(
            {
                **_scalars(article),
                "translation_of": _article_key(article.translation_of),
                "hero_photo": photo_keys.get(article.hero_photo_id),
                "social_image": photo_keys.get(article.social_image_id),
                "author": article.author.get_username() if article.author else None,
                "categories": sorted(c.slug for c in article.categories.all()),
                "tags": [t.name for t in article.tags.all()],
                "gallery": [
                    {"photo": photo_keys[g.photo_id], "caption": g.caption, "position": g.position}
                    for g in article.gallery.all()
                ],
                "related": [
                    {"article": _article_key(link.target), "position": link.position}
                    for link in article.related_links.all()
                ],
                "authors": [credit.person.slug for credit in article.authors.all()],
                "contacts": [credit.person.slug for credit in article.contacts.all()],
                "corrections": [_scalars(c) for c in article.corrections.all()],
            }
        )
        progress("articles", number, total)
    report.articles = len(articles)

    data = {
        "categories.json": categories,
        "tags.json": tags,
        "photos.json": photos,
        "people.json": people,
        "articles.json": articles,
    }
    checksums = {}
    for name, rows in data.items():
        raw = _json(rows)
        writer.add_bytes(name, raw)
        checksums[name] = _sha256(raw)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "counts": {name.removesuffix(".json"): len(rows) for name, rows in data.items()},
        "files": checksums,
    }
    # The manifest last: an export without one is never mistaken for a complete one.
    writer.add_bytes("manifest.json", _json(manifest))


class _Writer:
    """Writes an export into a temporary sibling (`<name>.partial`) and renames it into
    place when complete, so an interrupted export never looks like a finished one."""

    def __init__(self, destination: Path, as_zip: bool) -> None:
        self.destination = destination
        self.partial = destination.with_name(destination.name + ".partial")
        self.archive: zipfile.ZipFile | None = None
        try:
            self._clear_partial()
            if as_zip:
                self.archive = zipfile.ZipFile(self.partial, "w", zipfile.ZIP_DEFLATED)
            else:
                (self.partial / "photos").mkdir(parents=True)
        except OSError as error:
            raise self._error(error) from error

    def _error(self, error: OSError) -> ExportError:
        return ExportError(f"The export cannot be written to {self.destination}: {error}.")

    def _clear_partial(self) -> None:
        if self.partial.is_dir():
            shutil.rmtree(self.partial)
        elif self.partial.exists():
            self.partial.unlink()

    def add_bytes(self, name: str, data: bytes) -> None:
        self.add_file(name, [data], compress=True)

    def add_file(self, name: str, chunks: Iterable[bytes], compress: bool = False) -> None:
        try:
            if self.archive is not None:
                info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
                # Photos are compressed already; JSON shrinks well.
                info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
                with self.archive.open(info, "w", force_zip64=True) as out:
                    for chunk in chunks:
                        out.write(chunk)
            else:
                with (self.partial / name).open("wb") as out:
                    for chunk in chunks:
                        out.write(chunk)
        except OSError as error:
            raise self._error(error) from error

    def finish(self) -> None:
        try:
            if self.archive is not None:
                self.archive.close()
            if self.destination.exists():
                self.destination.rmdir()  # the empty folder we were given
            self.partial.rename(self.destination)
        except OSError as error:
            self.abort()
            raise self._error(error) from error

    def abort(self) -> None:
        if self.archive is not None:
            self.archive.close()
        self._clear_partial()
