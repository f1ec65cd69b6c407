"""The article page's reading, in one statement: the article row, its hero and social
photos, categories, tags, gallery (with its photos), media contacts and public
translations.

Everything but the row comes from correlated subqueries as JSON (articles.sql_json), and
the model objects are made here as the ORM makes them. As the ORM's queries (the row
with select_related, then a query per part) this cost about 3.5 ms a page, most of it
building querysets and objects; as one statement, under 1 ms, and PostgreSQL plans it
once per connection (articles.prepared). The lists are sorted here as the models order
them. The public rule restates ArticleQuerySet.published(), as articles.related does;
tests/test_article_page_parts.py holds it to the same drafts and schedules. Only table
and column names from the models are formatted into the SQL; every value is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone
from taggit.models import Tag

from . import prepared, sql_json
from .models import (
    Article,
    Category,
    GalleryPhoto,
    MediaContact,
    Photo,
    Status,
    TaggedArticle,
    _show,
    attach_categories,
    category_ids_sql,
)

# The fields the page shows; the others stay deferred.
PHOTO_FIELDS = (
    *("id", "image", "width", "height", "alt_text", "caption", "credit"),
    *("focal_x", "focal_y", "renditions"),
)
TAG_FIELDS = ("id", "name", "slug")
GALLERY_FIELDS = ("id", "photo", "caption", "position")
CONTACT_FIELDS = ("id", "name", "title", "email", "phone", "position")
TRANSLATION_FIELDS = ("id", "title", "slug", "language")
PART_COLUMNS = (
    *("hero_photo_row", "social_image_row", "tag_rows"),
    *("gallery_rows", "contact_rows", "translation_rows"),
)


def article_page(
    categories: Iterable[Category], *, public: bool = True, **lookup: Any
) -> tuple[Article, dict[str, Article]] | None:
    """The article whose fields equal `lookup` (`id`, or `language` and `slug`), only
    a public one if `public`, and its public translations by language (in the order of
    settings.LANGUAGES, this article excluded); None when there is no such article.

    The article's photos, categories (taken from `categories`, the remembered category
    rows), tags, gallery and contacts are where `article.tags.all()` and the rest find
    them."""
    now = timezone.now()
    params = [Status.PUBLISHED, now, *lookup.values()]  # the translations', the lookup's
    if public:
        params += [Status.PUBLISHED, now]
    sql = _sql(connection.vendor, tuple(lookup), public)
    found = list(Article.objects.raw(*prepared.statement(sql, params)))
    if not found:
        return None
    article = found[0]
    # The subqueries' columns, taken off the article again.
    parts = {name: vars(article).pop(name) for name in PART_COLUMNS}
    for field in ("hero_photo", "social_image"):
        photo = sql_json.one(Photo, PHOTO_FIELDS, parts[f"{field}_row"])
        if photo is not None:
            setattr(article, field, photo)

    attach_categories([article], categories)
    tags = sorted(
        sql_json.listed(parts["tag_rows"]),
        key=lambda tag: (tag["name"].casefold(), tag["name"], tag["id"]),
    )
    _show(article, "tags", Tag, sql_json.made(Tag, TAG_FIELDS, tags))
    gallery = sorted(sql_json.listed(parts["gallery_rows"]), key=_position)
    items = sql_json.made(GalleryPhoto, GALLERY_FIELDS, gallery)
    photos = sql_json.made(Photo, PHOTO_FIELDS, [item["photo"] for item in gallery])
    for item, photo in zip(items, photos, strict=True):
        item.photo = photo
    _show(article, "gallery", GalleryPhoto, items)
    contacts = sorted(sql_json.listed(parts["contact_rows"]), key=_position)
    _show(article, "contacts", MediaContact, sql_json.made(MediaContact, CONTACT_FIELDS, contacts))
    order = [code for code, _ in settings.LANGUAGES]
    translations = sorted(
        sql_json.listed(parts["translation_rows"]),
        key=lambda translation: order.index(translation["language"]),
    )
    translated = sql_json.made(Article, TRANSLATION_FIELDS, translations)
    return article, {translation.language: translation for translation in translated}


@lru_cache(maxsize=8)
def _sql(vendor: str, lookup: tuple[str, ...], public: bool) -> str:
    """The statement for `vendor` that finds the article by the fields `lookup`."""
    row, listing = sql_json.row, sql_json.aggregate
    quote = connection.ops.quote_name
    columns = ", ".join(
        f"a.{quote(field.column)}"
        for field in Article._meta.concrete_fields
        if field.name not in Article.objects.DEFERRED
    )
    photo = f"SELECT {row('p', Photo, PHOTO_FIELDS)} FROM {Photo._meta.db_table} p"  # noqa: S608
    gallery_row = row("g", GalleryPhoto, GALLERY_FIELDS, photo=row("p", Photo, PHOTO_FIELDS))
    root = "COALESCE(a.translation_of_id, a.id)"
    where = [f"a.{quote(Article._meta.get_field(name).column)} = %s" for name in lookup]
    if public:
        where += ["a.status = %s AND a.published_at <= %s"]
    return (
        f"SELECT {columns},"  # noqa: S608
        f" ({photo} WHERE p.id = a.hero_photo_id) AS hero_photo_row,"
        f" ({photo} WHERE p.id = a.social_image_id) AS social_image_row,"
        f" ({category_ids_sql('a')}) AS category_ids,"
        f" (SELECT {listing(row('t', Tag, TAG_FIELDS))} FROM {TaggedArticle._meta.db_table} x"
        f" JOIN {Tag._meta.db_table} t ON t.id = x.tag_id WHERE x.content_object_id = a.id)"
        " AS tag_rows,"
        f" (SELECT {listing(gallery_row)} FROM {GalleryPhoto._meta.db_table} g"
        f" JOIN {Photo._meta.db_table} p ON p.id = g.photo_id WHERE g.article_id = a.id)"
        " AS gallery_rows,"
        f" (SELECT {listing(row('m', MediaContact, CONTACT_FIELDS))}"
        f" FROM {MediaContact._meta.db_table} m WHERE m.article_id = a.id) AS contact_rows,"
        f" (SELECT {listing(row('t', Article, TRANSLATION_FIELDS))}"
        f" FROM {Article._meta.db_table} t WHERE (t.id = {root} OR t.translation_of_id = {root})"
        " AND t.id <> a.id AND t.status = %s AND t.published_at <= %s) AS translation_rows"
        f" FROM {Article._meta.db_table} a WHERE {' AND '.join(where)}"
    )


def _position(row: dict) -> tuple[int, int]:
    return row["position"], row["id"]
