"""Two states of an article side by side: a word-level diff per field, for the history's
compare page and the restore page.

A state is a `Snapshot` of raw values and ids, read from a revision (its stored versions)
or from the database (the article as it is now). `compare()` names the ids (photos,
categories, tags, articles, users, people: one query each, whatever the sizes) and
diffs each field on word tokens (diffing.py). The result is plain text in segments; templates
escape it and add the <ins>/<del> markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reversion.models import Version
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleContact,
    Category,
    GalleryPhoto,
    Language,
    Person,
    RelatedLink,
    Status,
    TaggedArticle,
)
from photos.models import Photo

from .diffing import (
    DELETE,
    EQUAL,
    INSERT,
    Block,
    Segment,
    body_blocks,
    diff_blocks,
    diff_items,
    diff_words,
)


@dataclass
class FieldDiff:
    """One field of the comparison: words (text and single values), blocks (the body)
    or items (lists such as categories and the gallery), each in segments."""

    name: str
    label: str
    kind: str
    segments: list[Segment] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        parts = self.segments or [s for block in self.blocks for s in block.segments]
        return any(segment.op != EQUAL for segment in parts)

    @property
    def old(self) -> list[Any]:
        """What the left-hand (older) side shows: all but the insertions."""
        return self._side(hidden=INSERT)

    @property
    def new(self) -> list[Any]:
        return self._side(hidden=DELETE)

    def _side(self, hidden: str) -> list[Any]:
        if self.kind == "blocks":
            return [
                Block(block.kind, kept)
                for block in self.blocks
                if (kept := [s for s in block.segments if s.op != hidden])
            ]
        kept = [segment for segment in self.segments if segment.op != hidden]
        # A list's items each on their own, as the body's blocks.
        return [Block("item", [s]) for s in kept] if self.kind == "items" else kept


@dataclass
class Snapshot:
    """An article's state as raw values: its own fields by attribute name, and its
    categories, tags, authors, gallery, related links and contacts in their order."""

    fields: dict[str, Any]
    categories: list[int] = field(default_factory=list)
    tags: list[int] = field(default_factory=list)
    gallery: list[tuple[int, str]] = field(default_factory=list)  # photo id, caption
    related: list[int] = field(default_factory=list)  # target article ids
    authors: list[int] = field(default_factory=list)  # person ids
    contacts: list[int] = field(default_factory=list)  # person ids


# Reading states.


def snapshot_of_article(article: Article) -> Snapshot:
    """The article as it is in the database now (seven queries)."""
    return Snapshot(
        fields={f.attname: f.value_from_object(article) for f in Article._meta.concrete_fields},
        categories=list(article.categories.values_list("pk", flat=True)),
        tags=list(
            TaggedArticle.objects.filter(content_object=article).values_list("tag_id", flat=True)
        ),
        gallery=list(article.gallery.values_list("photo_id", "caption")),
        related=list(article.related_links.values_list("target_id", flat=True)),
        authors=list(article.authors.values_list("person_id", flat=True)),
        contacts=list(article.contacts.values_list("person_id", flat=True)),
    )


def snapshot_of_revision(versions: Iterable[Version], article_id: int) -> Snapshot | None:
    """The article as one revision stored it, from that revision's versions (loaded with
    their content types); None when the revision does not hold this article. A revision
    may hold several articles (a list action): only this one's parts are taken."""
    own: dict[type, list[dict[str, Any]]] = {}
    article_fields = None
    for version in versions:
        model = version.content_type.model_class()
        if model is None:  # a part whose model is gone from the code
            continue
        if model is Article:
            if version.object_id == str(article_id):
                article_fields = version.field_dict
            continue
        values = version.field_dict
        owner = values.get("content_object_id", values.get("article_id"))
        if owner == article_id:
            own.setdefault(model, []).append(values)
    if article_fields is None:
        return None

    def ordered(model: type) -> list[dict[str, Any]]:
        return sorted(own.get(model, []), key=lambda v: (v.get("position", 0), v["id"]))

    return Snapshot(
        fields=article_fields,
        categories=list(article_fields.get("categories") or []),
        tags=[values["tag_id"] for values in ordered(TaggedArticle)],
        gallery=[(v["photo_id"], v["caption"]) for v in ordered(GalleryPhoto)],
        related=[v["target_id"] for v in ordered(RelatedLink)],
        authors=[v["person_id"] for v in ordered(ArticleAuthor)],
        contacts=[v["person_id"] for v in ordered(ArticleContact)],
    )


# The comparison.


class _Names:
    """The names of everything two snapshots refer to by id: one query per model."""

    def __init__(self, *snapshots: Snapshot) -> None:
        def ids(*groups: Iterable[Any]) -> set[Any]:
            return {value for group in groups for value in group if value is not None}

        def own(name: str) -> list[Any]:
            return [snapshot.fields.get(name) for snapshot in snapshots]

        gallery = [photo for snapshot in snapshots for photo, _caption in snapshot.gallery]
        self.photos = Photo.objects.in_bulk(
            ids(own("hero_photo_id"), own("social_image_id"), gallery)
        )
        self.categories = Category.objects.in_bulk(ids(*[s.categories for s in snapshots]))
        self.tags = Tag.objects.in_bulk(ids(*[s.tags for s in snapshots]))
        self.articles = Article.objects.only("title").in_bulk(
            ids(own("translation_of_id"), *[s.related for s in snapshots])
        )
        self.users = get_user_model().objects.in_bulk(ids(own("author_id")))
        self.people = Person.objects.only("name").in_bulk(
            ids(*[s.authors for s in snapshots], *[s.contacts for s in snapshots])
        )

    @staticmethod
    def of(found: dict[Any, Any], key: Any) -> str:
        if key is None:
            return ""
        # A revision may name something deleted since: say so rather than fail.
        return str(found[key]) if key in found else _("(deleted, id %(id)s)") % {"id": key}


def _when(value: datetime | None) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""


def _choice(choices: type, value: str) -> str:
    return str(choices(value).label) if value in choices.values else (value or "")


def _values(snapshot: Snapshot, names: _Names) -> dict[str, Any]:
    """Each compared field's value as text (or a list of texts), by field name."""
    f = snapshot.fields
    return {
        "title": f.get("title", ""),
        "slug": f.get("slug", ""),
        "language": _choice(Language, f.get("language", "")),
        "lead": f.get("lead", ""),
        "body": body_blocks(f.get("body", "")),
        "hero_photo": names.of(names.photos, f.get("hero_photo_id")),
        "hero_caption": f.get("hero_caption", ""),
        "categories": sorted(names.of(names.categories, pk) for pk in snapshot.categories),
        "tags": sorted((names.of(names.tags, pk) for pk in snapshot.tags), key=str.lower),
        "status": _choice(Status, f.get("status", "")),
        "published_at": _when(f.get("published_at")),
        "ends_at": _when(f.get("ends_at")),
        "updated_at": _when(f.get("updated_at")),
        "featured": _("Yes") if f.get("featured") else _("No"),
        "authors": [names.of(names.people, pk) for pk in snapshot.authors],
        "author": names.of(names.users, f.get("author_id")),
        "translation_of": names.of(names.articles, f.get("translation_of_id")),
        "seo_title": f.get("seo_title", ""),
        "seo_description": f.get("seo_description", ""),
        "social_image": names.of(names.photos, f.get("social_image_id")),
        "gallery": [
            " — ".join(filter(None, [names.of(names.photos, photo), caption]))
            for photo, caption in snapshot.gallery
        ],
        "related_links": [names.of(names.articles, pk) for pk in snapshot.related],
        "contacts": [names.of(names.people, pk) for pk in snapshot.contacts],
    }


def _label(name: str) -> str:
    plural = {
        "authors": ArticleAuthor,
        "gallery": GalleryPhoto,
        "related_links": RelatedLink,
        "contacts": ArticleContact,
    }
    if name in plural:
        return capfirst(plural[name]._meta.verbose_name_plural)
    return capfirst(Article._meta.get_field(name).verbose_name)


def compare(old: Snapshot, new: Snapshot) -> list[FieldDiff]:
    """Every compared field of the two states, in the article form's order."""
    names = _Names(old, new)
    before, after = _values(old, names), _values(new, names)
    diffs = []
    for name, value in after.items():
        if name == "body":
            diff = FieldDiff(name, _label(name), "blocks", blocks=diff_blocks(before[name], value))
        elif isinstance(value, list):
            diff = FieldDiff(name, _label(name), "items", segments=diff_items(before[name], value))
        else:
            diff = FieldDiff(name, _label(name), "words", segments=diff_words(before[name], value))
        diffs.append(diff)
    return diffs
