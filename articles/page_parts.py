"""What the article page shows beside the article row, read in one statement.

The article's categories, tags, gallery (with its photos), media contacts and public
translations are five correlated subqueries of one SELECT, each a JSON list
(articles.sql_json). As five ORM queries they cost about 3 ms a page, most of it building
the querysets and their objects; as one statement, under 1 ms. The lists are sorted here
as the models order them. The public rule for translations restates
ArticleQuerySet.published(), as articles.related does; tests/test_article_page_parts.py
holds it to the same drafts and schedules. Only table and column names from the models
are formatted into the SQL; every value is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import connection
from django.utils import timezone
from taggit.models import Tag

from . import sql_json
from .models import (
    Article,
    Category,
    GalleryPhoto,
    MediaContact,
    Photo,
    Status,
    TaggedArticle,
    _show,
    show_categories,
)

# The fields the page shows; the others stay deferred.
TAG_FIELDS = ("id", "name", "slug")
GALLERY_FIELDS = ("id", "photo", "caption", "position")
PHOTO_FIELDS = (
    *("id", "image", "width", "height", "alt_text", "caption", "credit"),
    *("focal_x", "focal_y", "renditions"),
)
CONTACT_FIELDS = ("id", "name", "title", "email", "phone", "position")
TRANSLATION_FIELDS = ("id", "title", "slug", "language")


def load(article: Article, categories: Iterable[Category]) -> dict[str, Article]:
    """Leave `article`'s categories (taken from `categories`, the remembered category
    rows), tags, gallery and contacts where `article.tags.all()` and the rest find
    them, and return its public translations by language (in the order of
    settings.LANGUAGES), this article excluded."""
    row, listing = sql_json.row, sql_json.aggregate
    gallery_row = row("g", GalleryPhoto, GALLERY_FIELDS, photo=row("p", Photo, PHOTO_FIELDS))
    sql = (
        "SELECT"  # noqa: S608
        f" (SELECT {listing('c.category_id')}"
        f" FROM {Article.categories.through._meta.db_table} c WHERE c.article_id = %s),"
        f" (SELECT {listing(row('t', Tag, TAG_FIELDS))} FROM {TaggedArticle._meta.db_table} x"
        f" JOIN {Tag._meta.db_table} t ON t.id = x.tag_id WHERE x.content_object_id = %s),"
        f" (SELECT {listing(gallery_row)} FROM {GalleryPhoto._meta.db_table} g"
        f" JOIN {Photo._meta.db_table} p ON p.id = g.photo_id WHERE g.article_id = %s),"
        f" (SELECT {listing(row('m', MediaContact, CONTACT_FIELDS))}"
        f" FROM {MediaContact._meta.db_table} m WHERE m.article_id = %s),"
        f" (SELECT {listing(row('a', Article, TRANSLATION_FIELDS))}"
        f" FROM {Article._meta.db_table} a WHERE (a.id = %s OR a.translation_of_id = %s)"
        " AND a.id <> %s AND a.status = %s AND a.published_at <= %s)"
    )
    root = article.translation_of_id or article.pk
    params = [article.pk] * 4 + [root, root, article.pk, Status.PUBLISHED, timezone.now()]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        category_ids, tags, gallery, contacts, translations = map(
            sql_json.listed, cursor.fetchone()
        )

    show_categories([(article, category_ids)], categories)
    tags.sort(key=lambda tag: (tag["name"].casefold(), tag["name"], tag["id"]))
    _show(article, "tags", Tag, sql_json.made(Tag, TAG_FIELDS, tags))
    gallery.sort(key=lambda item: (item["position"], item["id"]))
    items = sql_json.made(GalleryPhoto, GALLERY_FIELDS, gallery)
    photos = sql_json.made(Photo, PHOTO_FIELDS, [item["photo"] for item in gallery])
    for item, photo in zip(items, photos, strict=True):
        item.photo = photo
    _show(article, "gallery", GalleryPhoto, items)
    contacts.sort(key=lambda contact: (contact["position"], contact["id"]))
    _show(article, "contacts", MediaContact, sql_json.made(MediaContact, CONTACT_FIELDS, contacts))
    order = [code for code, _ in settings.LANGUAGES]
    translations.sort(key=lambda translation: order.index(translation["language"]))
    translated = sql_json.made(Article, TRANSLATION_FIELDS, translations)
    return {translation.language: translation for translation in translated}
