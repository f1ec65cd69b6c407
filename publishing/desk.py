"""The news desk: what the admin's home page lists for a writer or an editor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import OuterRef, Subquery

from articles.models import Article, ArticleQuerySet, Status

from .models import ReviewAction, ReviewNote

# How many stories each list of the desk shows; the lists link to the full article list.
DESK_LENGTH = 10
# How far ahead "Scheduled" looks.
SCHEDULE_DAYS = 14
# What a desk item shows: its title and language, and its state and time (the state is
# worked out from the status and the publish time, without a query).
DESK_FIELDS = ("title", "language", "status", "published_at", "ends_at", "modified_at")


@dataclass(frozen=True)
class Desk:
    my_drafts: list[Article]
    in_review: list[Article]
    in_review_count: int
    scheduled: list[Article]
    recently_published: list[Article]
    schedule_days: int = SCHEDULE_DAYS


def with_last_move(articles: ArticleQuerySet) -> ArticleQuerySet:
    """Each article with the last review move and its note (`review_action`,
    `review_text`): what came back to a writer, or what a reviewer is asked to look at."""
    moves = ReviewNote.objects.filter(article=OuterRef("pk")).exclude(action=ReviewAction.COMMENTED)
    last = moves.order_by("-created_at", "-pk")[:1]
    return articles.annotate(
        review_action=Subquery(last.values("action")), review_text=Subquery(last.values("text"))
    )


def news_desk(user: AbstractBaseUser, *, now: datetime) -> Desk:
    """The desk of `user` at `now`: five queries whatever the numbers, one per list and
    one counting the articles in review."""
    articles: ArticleQuerySet = Article.objects.only(*DESK_FIELDS)
    in_review = articles.filter(status=Status.REVIEW)
    return Desk(
        my_drafts=list(
            with_last_move(articles.filter(author=user, status=Status.DRAFT)).order_by(
                "-modified_at", "-pk"
            )[:DESK_LENGTH]
        ),
        in_review=list(with_last_move(in_review).order_by("-modified_at", "-pk")[:DESK_LENGTH]),
        in_review_count=in_review.count(),
        scheduled=list(
            articles.scheduled()
            .publish_time_between(now, now + timedelta(days=SCHEDULE_DAYS))
            .order_by("published_at", "pk")[:DESK_LENGTH]
        ),
        recently_published=list(articles.published().newest_first()[:DESK_LENGTH]),
    )
