"""Reading an export back: checked whole before anything is written, then written in
one transaction; a second import of the same export changes nothing."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction
from django.db.models import Q
from django.utils.translation import gettext
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleContact,
    Category,
    Correction,
    GalleryPhoto,
    Person,
    RelatedLink,
)
from articles.revisions import record_revisions
from pagecache.caching import content_changed
from photos import renditions
from photos.models import Photo
from photos.validators import open_photo

from .archive import (
    ExportError,
    Progress,
    _no_progress,
    _scalar_fields,
)
from .reading import Source, read_and_check


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
    source = Source(source_path)
    report = ImportReport()
    stored: list[Photo] = []
    try:
        data = read_and_check(source, progress)
        with transaction.atomic():
            importer = _Importer(data, source, report, stored, progress)
            importer.run()
            # In the same transaction: each new or changed article's history starts
            # with the text it was imported with.
            record_revisions(
                importer.revised,
                comment=gettext("Imported from %(source)s") % {"source": source_path.name},
            )
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
        renditions.delete_files(photo)


class _Importer:
    def __init__(
        self,
        data: dict[str, list[dict[str, Any]]],
        source: Source,
        report: ImportReport,
        stored: list[Photo],
        progress: Progress,
    ) -> None:
        self.data = data
        self.source = source
        self.report = report
        self.stored = stored
        self.progress = progress
        # The articles created or changed, in the export's order, parts and all.
        self.revised: list[Article] = []
        self.people: dict[str, Person] = {}  # by slug

    def run(self) -> None:
        categories = self._categories()
        self._tags()
        photos = self._photos()
        self.people = self._people(photos)
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
        # By the stored content hash: no file is read. The oldest photo of a duplicate.
        for photo in Photo.objects.exclude(content_hash="").order_by("pk"):
            by_digest.setdefault(photo.content_hash, photo)
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
                photo = Photo(
                    image=ContentFile(data, name=PurePosixPath(wanted).name),
                    content_hash=row["sha256"],  # checked against the file by read_and_check
                )
                self.stored.append(photo)
                self._apply(photo, row)
                self._save("photos", photo, row, True)
                renditions.build_renditions(photo)
            else:
                self._save("photos", photo, row, self._apply(photo, row))
            by_digest[row["sha256"]] = photo
            self.progress("photos", number, total)
        return by_digest

    def _people(self, photos: dict[str, Photo]) -> dict[str, Person]:
        """People by slug; an older export's are made from its bylines and contacts
        (legacy_people.py) and only fill in what they know."""
        existing = {person.slug: person for person in Person.objects.all()}
        for row in self.data["people"]:
            person = existing.get(row["slug"]) or Person()
            changed = self._apply(person, row)
            if "photo" in row:
                photo = photos[row["photo"]] if row["photo"] else None
                if person.photo_id != (photo.pk if photo else None):
                    person.photo, changed = photo, True
            self._save("people", person, row, changed)
            existing[person.slug] = person
        return existing

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
                "categories",
                "tags",
                "gallery",
                "related_links",
                "authors",
                "contacts",
                "corrections",
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
            if changed or touched[key]:
                self.revised.append(article)

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

        for name, model in (("authors", ArticleAuthor), ("contacts", ArticleContact)):
            # In the export's order; positions are numbered afresh.
            people = [self.people[slug].pk for slug in row.get(name, [])]
            if current(getattr(article, name), lambda credit: credit.person_id) != people:
                if not new:
                    getattr(article, name).all().delete()
                model.objects.bulk_create(
                    model(article=article, person_id=pk, position=n)
                    for n, pk in enumerate(people, 1)
                )
                changed = True

        notes = _plain_rows(Correction, row.get("corrections", []))
        if notes != current(article.corrections, _plain_values(Correction)):
            if not new:
                article.corrections.all().delete()
            fields = _plain_fields(Correction)
            Correction.objects.bulk_create(
                Correction(article=article, **dict(zip(fields, values, strict=True)))
                for values in notes
            )
            changed = True
        return changed


def _plain_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in _scalar_fields(model)]


def _plain_rows(model: type[models.Model], items: list[dict[str, Any]]) -> list[tuple]:
    """An article's corrections as exported, as tuples of field values."""
    fields = _plain_fields(model)
    return [
        tuple(model._meta.get_field(f).to_python(item.get(f, "")) for f in fields) for item in items
    ]


def _plain_values(model: type[models.Model]) -> Callable[[Any], tuple]:
    fields = _plain_fields(model)
    return lambda row: tuple(getattr(row, f) for f in fields)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
