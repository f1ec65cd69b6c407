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
from django.db import transaction

from .models import Article, GalleryPhoto, MediaContact, RelatedLink, TaggedArticle

_FOLLOW = ["gallery", "related_links", "contacts", "tagged_items"]
_CHUNK = 500

# An article's versions carry its gallery, links, contacts and tags. `version` is left
# out, so restoring an old revision can never move the optimistic lock backwards.
for _part in (GalleryPhoto, RelatedLink, MediaContact, TaggedArticle):
    if not reversion.is_registered(_part):
        reversion.register(_part)
if not reversion.is_registered(Article):
    reversion.register(
        Article,
        exclude=["version"],
        follow=_FOLLOW,
    )


def record_revisions(articles: Iterable[Article], *, comment: str) -> None:
    """Give each article a revision of its own, as stored now, saying where it came from.

    One revision per article, so restoring one article never touches another. Call it
    inside the transaction that wrote the articles, after their parts are written: the
    revisions are then kept or rolled back with them. The articles are read back with
    their parts (five queries per 500), so what is recorded is what was stored; then
    about four queries an article write its revision.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record_revisions() belongs inside the writing transaction.")
    ids = [article.pk for article in articles]
    for start in range(0, len(ids), _CHUNK):
        chunk = Article.objects.filter(pk__in=ids[start : start + _CHUNK])
        for article in chunk.order_by("pk").prefetch_related(*_FOLLOW):
            # No savepoint of its own: the caller's transaction is the unit.
            with reversion.create_revision(atomic=False):
                reversion.set_comment(comment)
                reversion.add_to_revision(article)
