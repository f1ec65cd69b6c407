"""The article table's indexes, each named for the page or query it serves. Partial on
the status part of the public rule (status_q): drafts and articles in review are never
in them."""

from django.db import models
from django.db.models import Q

from .fields import SearchVectorIndex
from .public_rule import status_q

ARTICLE_INDEXES = [
    # The news index and its pages: published articles of one language,
    # featured first, newest next (ArticleQuerySet.published().featured_first()).
    models.Index(
        "language",
        models.F("featured").desc(),
        models.F("published_at").desc(),
        models.F("id").desc(),
        name="article_public_listing_idx",
        condition=status_q(),
    ),
    # Newest first without featured pinning: category and tag pages and the
    # automatic "Read more news" picks (published().newest_first()).
    models.Index(
        "language",
        models.F("published_at").desc(),
        models.F("id").desc(),
        name="article_public_newest_idx",
        condition=status_q(),
    ),
    # The next scheduled article to fall due (ArticleQuerySet.next_changes):
    # the first entry after now, whatever the language.
    models.Index(
        fields=["published_at"],
        name="article_scheduled_idx",
        condition=status_q(),
    ),
    # The next published article to reach its end time (next_changes too).
    models.Index(
        fields=["ends_at"],
        name="article_ending_idx",
        condition=status_q() & Q(ends_at__isnull=False),
    ),
    # Full-text search: search_vector @@ query (discovery.search).
    SearchVectorIndex(fields=["search_vector"], name="article_search_vector_idx"),
]
