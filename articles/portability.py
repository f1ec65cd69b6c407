"""Newsroom's export format: everything the site shows, as JSON plus the photo files.

`export_news` writes and `import_news` reads a folder or a .zip holding

    manifest.json     {"format": "newsroom-export", "version": 1, "files": {name: sha256}}
    categories.json   categories with every translation, matched by slug
    tags.json         tags, matched by name
    photos.json       photo metadata and "file": "photos/<sha256>.<ext>"; matched by sha256
    articles.json     articles in every state, matched by (language, slug), with their
                      translation link, categories, tags, gallery, related links, contacts
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
import io
import json
import re
import shutil
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, models, transaction
from django.db.models import Q
from taggit.models import Tag

from . import images
from .caching import content_changed
from .models import Article, Category, GalleryPhoto, MediaContact, Photo, RelatedLink
from .validators import open_photo

FORMAT = "newsroom-export"
VERSION = 1
DATA_FILES = ("categories.json", "tags.json", "photos.json", "articles.json")
_PHOTO_FILE = re.compile(r"^photos/[0-9a-f]{64}\.[A-Za-z0-9]{1,5}$")
# Set by the database or by other fields, never copied from an export.
_NOT_COPIED = {"id", "translation_of", "hero_photo", "social_image", "author"}

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


# --------------------------------------------------------------------------- export


@dataclass
class ExportReport:
    categories: int = 0
    tags: int = 0
    photos: int = 0
    articles: int = 0

    def __str__(self) -> str:
        return (
            f"{self.articles} articles, {self.photos} photos, "
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
            digest = _stored_sha256(photo)
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

    articles = []
    queryset = (
        Article.objects.order_by("language", "slug")
        .select_related("translation_of", "author")
        .prefetch_related(
            "categories",
            "tags",
            "gallery",
            "contacts",
            models.Prefetch(
                "related_links",
                RelatedLink.objects.select_related("target").order_by("position", "pk"),
            ),
        )
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
                "contacts": [_scalars(c) for c in article.contacts.all()],
            }
        )
        progress("articles", number, total)
    report.articles = len(articles)

    data = {
        "categories.json": categories,
        "tags.json": tags,
        "photos.json": photos,
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


# --------------------------------------------------------------------------- import


class _Source:
    """Reads names from an export folder or .zip, refusing paths that leave it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.archive: zipfile.ZipFile | None = None
        if not path.exists():
            raise ExportError(f"{path} does not exist.")
        if path.is_file():
            if not zipfile.is_zipfile(path):
                raise ExportError(f"{path} is neither an export folder nor a .zip file.")
            self.archive = zipfile.ZipFile(path)

    def sha256(self, name: str) -> str:
        """The SHA-256 of a file in the export, read in chunks."""
        digest = hashlib.sha256()
        try:
            if self.archive is not None:
                handle = self.archive.open(name)
            else:
                handle = (self.path / name).open("rb")
            with handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except (KeyError, FileNotFoundError):
            raise ExportError(f"The export is incomplete: {name} is missing.") from None
        except (OSError, zipfile.BadZipFile) as error:
            raise ExportError(f"{name} cannot be read from the export: {error}.") from error
        return digest.hexdigest()

    def read(self, name: str) -> bytes:
        try:
            if self.archive is not None:
                return self.archive.read(name)
            return (self.path / name).read_bytes()
        except (KeyError, FileNotFoundError):
            raise ExportError(f"The export is incomplete: {name} is missing.") from None
        except (OSError, zipfile.BadZipFile) as error:
            raise ExportError(f"{name} cannot be read from the export: {error}.") from error

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, outcome: str) -> None:
        bucket = getattr(self, outcome)
        bucket[kind] = bucket.get(kind, 0) + 1

    @property
    def changed_anything(self) -> bool:
        return bool(self.created or self.updated)

    def __str__(self) -> str:
        def part(label: str, counts: dict[str, int]) -> str:
            inner = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
            return f"{label} {inner}" if inner else ""

        parts = [part("created", self.created), part("updated", self.updated)]
        return "; ".join(p for p in parts if p) or "nothing changed"


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_news(
    source_path: Path, *, dry_run: bool = False, progress: Progress = _no_progress
) -> ImportReport:
    """Bring an export into this site; see the module docstring for the guarantees."""
    source = _Source(source_path)
    report = ImportReport()
    stored: list[Photo] = []
    try:
        data = _read_and_check(source, progress)
        with transaction.atomic():
            _Importer(data, source, report, stored, progress).run()
            # Bulk inserts and update() send no signals: tell the page cache ourselves.
            content_changed()
            if dry_run:
                raise _DryRun
    except _DryRun:
        _remove(stored)
    except (DatabaseError, ValidationError, ValueError, TypeError, KeyError) as error:
        _remove(stored)
        raise ExportError(f"The export does not fit this site's data: {error}") from error
    except BaseException:
        _remove(stored)
        raise
    finally:
        source.close()
    return report


def _remove(photos: Iterable[Photo]) -> None:
    for photo in photos:
        images.delete_files(photo)


def _load(source: _Source, name: str, checksum: str | None) -> Any:
    raw = source.read(name)
    if checksum is not None and _sha256(raw) != checksum:
        raise ExportError(f"The export is damaged: {name} does not match its checksum.")
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ExportError(f"The export is damaged: {name} is not valid JSON ({error}).") from None


def _rows(data: Any, name: str, required: Iterable[str]) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise ExportError(f"The export is damaged: {name} must be a list of objects.")
    for number, row in enumerate(data, 1):
        missing = [key for key in required if key not in row]
        if missing:
            raise ExportError(
                f"The export is damaged: entry {number} in {name} lacks {', '.join(missing)}."
            )
    return data


def _read_and_check(source: _Source, progress: Progress) -> dict[str, list[dict[str, Any]]]:
    manifest = _load(source, "manifest.json", None)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ExportError("manifest.json does not describe a Newsroom export.")
    version = manifest.get("version")
    if version != VERSION:
        raise ExportError(
            f"This export has format version {version!r}; this Newsroom reads version {VERSION}."
        )
    checksums = manifest.get("files")
    if not isinstance(checksums, dict) or set(checksums) != set(DATA_FILES):
        raise ExportError("manifest.json does not list the export's data files.")
    data = {
        "categories": _rows(_load(source, "categories.json", checksums["categories.json"]),
                            "categories.json", ["slug", "name_en"]),
        "tags": _rows(_load(source, "tags.json", checksums["tags.json"]), "tags.json", ["name"]),
        "photos": _rows(_load(source, "photos.json", checksums["photos.json"]), "photos.json",
                        ["sha256", "file", "alt_text"]),
        "articles": _rows(_load(source, "articles.json", checksums["articles.json"]),
                          "articles.json", ["language", "slug", "title"]),
    }  # fmt: skip

    for number, photo in enumerate(data["photos"], 1):
        name = photo["file"]
        if not isinstance(name, str) or not _PHOTO_FILE.match(name):
            raise ExportError(f"The export is damaged: {name!r} is not a photo file name.")
        if source.sha256(name) != photo["sha256"]:
            raise ExportError(f"The export is damaged: {name} does not match its checksum.")
        progress("checking photos", number, len(data["photos"]))

    _check_references(data)
    return data


def _check_references(data: dict[str, list[dict[str, Any]]]) -> None:
    """Every natural key an article mentions is in the export (or this is refused)."""
    categories = {row["slug"] for row in data["categories"]}
    photos = {row["sha256"] for row in data["photos"]}
    articles = {(row["language"], row["slug"]) for row in data["articles"]}
    for row in data["articles"]:
        where = f"article {row['language']}/{row['slug']}"
        for slug in row.get("categories", []):
            if slug not in categories:
                raise ExportError(f"The export is damaged: {where} names unknown category {slug}.")
        wanted = [row.get("hero_photo"), row.get("social_image")]
        wanted += [item.get("photo") for item in row.get("gallery", [])]
        for digest in filter(None, wanted):
            if digest not in photos:
                raise ExportError(f"The export is damaged: {where} names a missing photo.")
        keys = [row.get("translation_of")] + [
            item.get("article") for item in row.get("related", [])
        ]
        for key in filter(None, keys):
            if tuple(key) not in articles:
                raise ExportError(
                    f"The export is damaged: {where} links to {'/'.join(key)}, "
                    "which is not in the export."
                )


class _Importer:
    def __init__(
        self,
        data: dict[str, list[dict[str, Any]]],
        source: _Source,
        report: ImportReport,
        stored: list[Photo],
        progress: Progress,
    ) -> None:
        self.data = data
        self.source = source
        self.report = report
        self.stored = stored
        self.progress = progress

    def run(self) -> None:
        categories = self._categories()
        self._tags()
        photos = self._photos()
        self._articles(categories, photos)

    def _apply(self, instance: models.Model, row: dict[str, Any]) -> bool:
        """Set the scalar fields the row has; True when anything differs."""
        changed = False
        for f in _scalar_fields(type(instance)):
            if f.name not in row:
                continue
            value = f.to_python(row[f.name])
            if f.value_from_object(instance) != value:
                setattr(instance, f.attname, value)
                changed = True
        return changed

    def _save(self, kind: str, instance: models.Model, row: dict[str, Any], changed: bool) -> None:
        """Save a new or changed object, then put back the times the export recorded,
        which auto_now and auto_now_add would otherwise replace."""
        created = instance.pk is None
        if created or changed:
            instance.save()
            stamps = {
                f.name: f.to_python(row[f.name])
                for f in _scalar_fields(type(instance))
                if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                if row.get(f.name) is not None
            }
            if stamps:
                type(instance).objects.filter(pk=instance.pk).update(**stamps)
                for name, value in stamps.items():
                    setattr(instance, name, value)
        self.report.count(kind, "created" if created else "updated" if changed else "unchanged")

    def _categories(self) -> dict[str, Category]:
        existing = {c.slug: c for c in Category.objects.all()}
        for row in self.data["categories"]:
            category = existing.get(row["slug"]) or Category()
            self._save("categories", category, row, self._apply(category, row))
            existing[category.slug] = category
        return existing

    def _tags(self) -> None:
        for row in self.data["tags"]:
            if Tag.objects.filter(name__iexact=row["name"]).exists():
                self.report.count("tags", "unchanged")
                continue
            fields = {"name": row["name"]}
            if row.get("slug") and not Tag.objects.filter(slug=row["slug"]).exists():
                fields["slug"] = row["slug"]
            Tag.objects.create(**fields)
            self.report.count("tags", "created")

    def _photos(self) -> dict[str, Photo]:
        by_digest: dict[str, Photo] = {}
        for photo in Photo.objects.all():
            try:
                by_digest.setdefault(_stored_sha256(photo), photo)
            except OSError:
                continue  # a photo whose file is lost cannot match anything
        total = len(self.data["photos"])
        for number, row in enumerate(self.data["photos"], 1):
            photo = by_digest.get(row["sha256"])
            if photo is None:
                wanted = row.get("path") or row["file"]
                data = self.source.read(row["file"])
                try:
                    # The same checks as an upload: a damaged export stops here.
                    open_photo(io.BytesIO(data)).close()
                except ValidationError as error:
                    raise ExportError(
                        f"The photo {row['file']} is not usable: {' '.join(error.messages)}"
                    ) from None
                photo = Photo(image=ContentFile(data, name=PurePosixPath(wanted).name))
                self.stored.append(photo)
                self._apply(photo, row)
                self._save("photos", photo, row, True)
                images.build_renditions(photo)
            else:
                self._save("photos", photo, row, self._apply(photo, row))
            by_digest[row["sha256"]] = photo
            self.progress("photos", number, total)
        return by_digest

    def _articles(self, categories: dict[str, Category], photos: dict[str, Photo]) -> None:
        rows = self.data["articles"]
        keys = [Q(language=row["language"], slug=row["slug"]) for row in rows]
        existing: dict[tuple[str, str], Article] = {}
        for chunk in _chunks(keys, 500):
            query = Q()
            for key in chunk:
                query |= key
            # What _links compares comes prefetched: a handful of queries per 500
            # articles rather than several per article.
            for article in Article.objects.filter(query).prefetch_related(
                "categories", "tags", "gallery", "related_links", "contacts"
            ):
                existing[(article.language, article.slug)] = article
        users = {u.get_username(): u for u in get_user_model().objects.all()}

        # First every article itself, then the links between them.
        touched: dict[tuple[str, str], bool] = {}
        fresh: set[tuple[str, str]] = set()  # created just now: no links to compare
        for number, row in enumerate(rows, 1):
            key = (row["language"], row["slug"])
            article = existing.get(key) or Article()
            changed = self._apply(article, row)
            for name in ("hero_photo", "social_image"):
                photo = photos[row[name]] if row.get(name) else None
                if getattr(article, f"{name}_id") != (photo.pk if photo else None):
                    setattr(article, name, photo)
                    changed = True
            author = users.get(row.get("author") or "")
            if row.get("author") and author and article.author_id != author.pk:
                article.author = author
                changed = True
            created = article.pk is None
            self._save("articles", article, row, changed)
            existing[key] = article
            touched[key] = created or changed
            if created:
                fresh.add(key)
            self.progress("articles", number, len(rows))

        for row in rows:
            key = (row["language"], row["slug"])
            article = existing[key]
            changed = self._links(article, row, existing, categories, photos, new=key in fresh)
            if changed and not touched[key]:
                # Counted as unchanged in the first pass; its links changed after all.
                self.report.unchanged["articles"] -= 1
                self.report.count("articles", "updated")

    def _links(
        self,
        article: Article,
        row: dict[str, Any],
        articles: dict[tuple[str, str], Article],
        categories: dict[str, Category],
        photos: dict[str, Photo],
        *,
        new: bool,
    ) -> bool:
        """Make the article's links match the row; True when anything changed. A new
        article has none yet, so nothing is read back for it."""

        def current(manager: Any, values: Callable[[Any], Any]) -> list[Any]:
            return [] if new else [values(item) for item in manager.all()]

        changed = False
        original = articles[tuple(row["translation_of"])] if row.get("translation_of") else None
        if article.translation_of_id != (original.pk if original else None):
            Article.objects.filter(pk=article.pk).update(translation_of=original)
            changed = True

        wanted_categories = {categories[slug].pk for slug in row.get("categories", [])}
        if set(current(article.categories, lambda c: c.pk)) != wanted_categories:
            if new:
                article.categories.add(*wanted_categories)
            else:
                article.categories.set(wanted_categories)
            changed = True

        wanted_tags = sorted(row.get("tags", []), key=str.lower)
        if sorted(current(article.tags, lambda t: t.name), key=str.lower) != wanted_tags:
            if new:
                article.tags.add(*wanted_tags)
            else:
                article.tags.set(wanted_tags)
            changed = True

        gallery = [
            (photos[item["photo"]].pk, item.get("caption", ""), item.get("position", 0))
            for item in row.get("gallery", [])
        ]
        if current(article.gallery, lambda g: (g.photo_id, g.caption, g.position)) != gallery:
            if not new:
                article.gallery.all().delete()
            GalleryPhoto.objects.bulk_create(
                GalleryPhoto(article=article, photo_id=p, caption=c, position=n)
                for p, c, n in gallery
            )
            changed = True

        related = [
            (articles[tuple(item["article"])].pk, item.get("position", 0))
            for item in row.get("related", [])
        ]
        if current(article.related_links, lambda r: (r.target_id, r.position)) != related:
            if not new:
                article.related_links.all().delete()
            RelatedLink.objects.bulk_create(
                RelatedLink(article=article, target_id=t, position=n) for t, n in related
            )
            changed = True

        contact_fields = [f.name for f in _scalar_fields(MediaContact)]
        contacts = [
            tuple(
                MediaContact._meta.get_field(f).to_python(item.get(f, "")) for f in contact_fields
            )
            for item in row.get("contacts", [])
        ]
        as_tuple = lambda c: tuple(getattr(c, f) for f in contact_fields)  # noqa: E731
        if current(article.contacts, as_tuple) != contacts:
            if not new:
                article.contacts.all().delete()
            MediaContact.objects.bulk_create(
                MediaContact(article=article, **dict(zip(contact_fields, values, strict=True)))
                for values in contacts
            )
            changed = True
        return changed


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
