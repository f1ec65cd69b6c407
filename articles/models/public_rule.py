"""The public rule: the one statement of which articles readers may see, and when."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q

from .choices import Status


def status_q() -> Q:
    """The editor's part of the public rule: the article is published, not a draft or
    in review. Published and scheduled articles both have it."""
    return Q(status=Status.PUBLISHED)


def due_q(now: datetime) -> Q:
    """The clock's part of the public rule: the publish time has come."""
    return Q(published_at__lte=now)


def running_q(now: datetime) -> Q:
    """The end of the public rule: the article has no end time, or it has not come."""
    return Q(ends_at__isnull=True) | Q(ends_at__gt=now)


def ended_q(now: datetime) -> Q:
    """Published articles that were public and whose end time has passed: their
    address answers "gone" rather than "not found"."""
    return status_q() & due_q(now) & ~running_q(now)


def public_q(now: datetime) -> Q:
    """The public rule, the only statement of what readers may see at `now`.

    Every public page, feed, sitemap, search, the API, "Read more news" and the language
    alternates start from ArticleQuerySet.published(), which filters by it;
    Article.is_published() answers it for one article without a query
    (articles.conditions.matches); the page cache expires pages when the clock passes a
    time it compares with `now` (ArticleQuerySet.next_changes): the publish time and the
    end time. A condition added here is followed by all of them. Compare times with
    `now` itself: that is how the page cache finds them.
    """
    return status_q() & due_q(now) & running_q(now)
