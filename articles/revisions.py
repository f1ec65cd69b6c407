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

from .models import (
    Article,
    ArticleAuthor,
    ArticleContact,
    GalleryPhoto,
    RelatedLink,
    TaggedArticle,
)

# An article's versions carry its gallery, related links, authors, contacts and tags.
# `version` is left out, so restoring an old revision can never move the optimistic lock
# back.
for _part in (GalleryPhoto, RelatedLink, ArticleAuthor, ArticleContact, TaggedArticle):
    if not reversion.is_registered(_part):
        reversion.register(_part)
if not reversion.is_registered(Article):
    reversion.register(
        Article,
        exclude=["version"],
        follow=["gallery", "related_links", "authors", "contacts", "tagged_items"],
    )


def record_revisions(articles: Iterable[Article], *, comment: str) -> None:
    """Give each article a revision of its own, as stored now, saying where it came from.

    One revision per article, so restoring one article never touches another: what an
    admin save writes (the article and the parts it follows), through django-reversion
    itself. Call it inside the transaction that wrote the articles, after their parts:
    the revisions are kept or rolled back with them. About ten queries an article,
    which an import of thousands of articles feels (bench/export_import.py).
    """
    for article in articles:
        with reversion.create_revision(atomic=False):
            reversion.set_comment(comment)
            reversion.add_to_revision(article)
