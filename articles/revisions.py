"""Revision history of articles: what a version holds, and first revisions for articles
written outside the admin (demo content, imports).

Importing this module registers the models with django-reversion, once: the articles
app does so when it is ready, and the admin imports it too, because the admin registers
its models before this app is ready and django-reversion would otherwise register the
article on its own terms.
"""

from __future__ import annotations

from collections.abc import Iterable

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, router, transaction
from django.db.models import Prefetch
from django.utils import timezone
from reversion.models import Revision, Version

from .models import Article, GalleryPhoto, MediaContact, RelatedLink, TaggedArticle

_CHUNK = 500
# An article's versions carry its gallery, links, contacts and tags, read with what
# their names (object_repr) show.
_FOLLOW = [
    Prefetch("gallery", queryset=GalleryPhoto.objects.select_related("photo")),
    Prefetch("related_links", queryset=RelatedLink.objects.select_related("target")),
    "contacts",
    Prefetch("tagged_items", queryset=TaggedArticle.objects.select_related("tag")),
]
_FOLLOW_NAMES = [getattr(follow, "prefetch_to", follow) for follow in _FOLLOW]


def _fields(model: type[models.Model], exclude: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """What a version of `model` stores: django-reversion's default, less `exclude`."""
    opts = model._meta
    return tuple(
        f.name for f in opts.local_fields + opts.local_many_to_many if f.name not in exclude
    )


# `version` is left out, so restoring an old revision can never move the optimistic
# lock backwards.
_FIELDS = {
    Article: _fields(Article, exclude=frozenset({"version"})),
    **{part: _fields(part) for part in (GalleryPhoto, RelatedLink, MediaContact, TaggedArticle)},
}
for _model, _model_fields in _FIELDS.items():
    if not reversion.is_registered(_model):
        follow = _FOLLOW_NAMES if _model is Article else ()
        reversion.register(_model, fields=_model_fields, follow=follow)


def record_revisions(articles: Iterable[Article], *, comment: str) -> None:
    """Give each article a revision of its own, as stored now, saying where it came from.

    One revision per article, so restoring one article never touches another; its
    versions are what django-reversion writes for an admin save (the article and the
    parts it follows). Call it inside the transaction that wrote the articles, after
    their parts: the revisions are kept or rolled back with them.

    Written in bulk, about ten queries per 500 articles, because
    reversion.create_revision() for each article (some ten queries each) made
    import_news of 2,016 articles (bench/export_import.py) several times slower; in
    bulk the revisions take 2.3 s of its 25 s.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_revisions() belongs inside the writing transaction.")
    db = router.db_for_write(Article)
    now = timezone.now()
    ids = [article.pk for article in articles]
    for start in range(0, len(ids), _CHUNK):
        stored = list(
            Article.objects.filter(pk__in=ids[start : start + _CHUNK])
            .order_by("pk")
            # Every field a version stores, the search vector the manager defers too.
            .defer(None)
            .prefetch_related("categories", *_FOLLOW)
        )
        revisions = [Revision(date_created=now, comment=comment) for _article in stored]
        if transaction.get_connection(db).features.can_return_rows_from_bulk_insert:
            Revision.objects.using(db).bulk_create(revisions)
        else:
            for revision in revisions:
                revision.save(using=db)
        Version.objects.using(db).bulk_create(
            _version(revision, item, db)
            for revision, article in zip(revisions, stored, strict=True)
            for item in _with_parts(article)
        )


def _with_parts(article: Article) -> list[models.Model]:
    parts = [getattr(article, name).all() for name in _FOLLOW_NAMES]
    return [article, *(item for items in parts for item in items)]


def _version(revision: Revision, item: models.Model, db: str) -> Version:
    return Version(
        revision=revision,
        content_type=ContentType.objects.db_manager(db).get_for_model(type(item)),
        object_id=str(item.pk),
        db=db,
        format="json",
        serialized_data=serializers.serialize("json", [item], fields=_FIELDS[type(item)]),
        object_repr=str(item),
    )
