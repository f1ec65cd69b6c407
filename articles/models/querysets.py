"""How articles are read: the public ones, the scheduled ones, and for which page."""

from __future__ import annotations

from datetime import datetime

from django.db import connection, models
from django.db.models import Exists, F, FilteredRelation, OuterRef, Prefetch, Q
from django.utils import timezone

from photos.models import Photo

from ..conditions import compared_with
from . import public_rule
from .parts import GalleryPhoto, TaggedArticle
from .people import ArticleAuthor, ArticleContact
from .public_rule import due_q, status_q

# What article cards, feeds and search results read of an article and its hero photo.
CARD_FIELDS = (
    "title",
    "slug",
    "language",
    "lead",
    "featured",
    "published_at",
    "updated_at",
    "hero_photo__image",
    "hero_photo__width",
    "hero_photo__height",
    "hero_photo__alt_text",
    "hero_photo__caption",
    "hero_photo__credit",
    "hero_photo__renditions",
    # Whether the card may show it (Article.shown_hero_photo).
    "hero_photo__licence_ends_at",
)


def source_changed_q() -> Q:
    """Translations whose original had a significant update (its updated_at) after the
    translation was last saved (its source_seen_at)."""
    return Q(translation_of__updated_at__gt=F("source_seen_at"))


class ArticleQuerySet(models.QuerySet):
    def published(self) -> ArticleQuerySet:
        """The public articles (public_q): what readers may see."""
        return self.filter(public_rule.public_q(timezone.now()))

    def scheduled(self) -> ArticleQuerySet:
        """Published by an editor, public only from a future publish time on: the status
        part of the public rule without the clock's part."""
        return self.filter(status_q() & ~due_q(timezone.now()))

    def source_changed(self) -> ArticleQuerySet:
        return self.filter(source_changed_q())

    def with_source_changed(self) -> ArticleQuerySet:
        """Each article with `source_changed`: whether source_changed() lists it."""
        return self.annotate(source_changed=source_changed_q())

    def ended(self) -> ArticleQuerySet:
        """Were public, and their end time has passed (public_rule.ended_q)."""
        return self.filter(public_rule.ended_q(timezone.now()))

    def next_changes(self, now: datetime) -> list[ArticleQuerySet]:
        """When the public rule's answer next changes for one of these articles: for
        each field public_q compares with the clock (the publish time), its first value
        after `now` among the articles an editor published, as a query of one value at
        most, to be united with others (articles.schedule.next_change). Each reads the
        first entry of an index (article_scheduled_idx for the publish time); the
        LIMIT sits in a subquery because SQLite allows none in a part of a UNION."""
        return [
            self.filter(
                pk__in=self.filter(status_q(), **{f"{field}__gt": now})
                .order_by(field)
                .values("pk")[:1]
            )
            .order_by()
            .values_list(field)
            for field in compared_with(public_rule.public_q(now), now)
        ]

    def in_language(self, language: str) -> ArticleQuerySet:
        return self.filter(language=language)

    def card_fields(self) -> ArticleQuerySet:
        """The columns a card shows (articles/includes/article_card.html), with its
        photo's: not the body, the longest column by far, nor the rest, which cost time
        to turn into model fields on every card of every listing."""
        return self.select_related("hero_photo").only(*CARD_FIELDS)

    def for_cards(self) -> ArticleQuerySet:
        """Cards with their categories: the card columns, then one query for the
        categories of all the cards, in the categories' order."""
        return self.card_fields().prefetch_related("categories")

    def for_article_page(self) -> ArticleQuerySet:
        """The article with what its page shows: the row with its hero and social photos,
        then one query each for its categories, tags, gallery (with the photos), authors
        and media contacts (with the people) and corrections. Its translations and "Read
        more news" are queries of their own (Article.public_translations,
        Article.related_articles)."""
        return (
            self.select_related("hero_photo", "social_image")
            .prefetch_related(
                "categories",
                "tags",
                Prefetch("gallery", queryset=GalleryPhoto.objects.select_related("photo")),
                "corrections",
            )
            .with_credits()
        )

    def with_authors(self) -> ArticleQuerySet:
        """The byline's authors with their people: one query, however many."""
        people = ArticleAuthor.objects.select_related("person")
        return self.prefetch_related(Prefetch("authors", queryset=people))

    def with_credits(self) -> ArticleQuerySet:
        """The authors and the media contacts with their people: one query each."""
        people = ArticleContact.objects.select_related("person")
        return self.with_authors().prefetch_related(Prefetch("contacts", queryset=people))

    def showing(self, photo: Photo | OuterRef) -> ArticleQuerySet:
        """The articles that show `photo` (or the photo an outer query names), in any role:
        hero, gallery or social image."""
        shown = Q(hero_photo=photo) | Q(gallery__photo=photo) | Q(social_image=photo)
        return self.filter(shown).distinct()

    def live(self) -> ArticleQuerySet:
        """Published and scheduled articles: what readers see, or will at their time."""
        return self.filter(status_q())

    def publish_time_between(self, start: datetime, end: datetime) -> ArticleQuerySet:
        """The articles whose publish time falls in [start, end): with live() the
        editors' calendar, with scheduled() what is coming up. After live() it reads a
        range of article_scheduled_idx."""
        return self.filter(published_at__gte=start, published_at__lt=end)

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def featured_first(self) -> ArticleQuerySet:
        return self.order_by("-featured", "-published_at", "-pk")

    def related_to(self, article: models.Model, limit: int = 4) -> list[models.Model]:
        """'Read more news': the editor's links first, in their order, then the newest
        articles that share a category or a tag with this one; all public, in this
        article's language, never the article itself and never twice.

        Two queries whatever the limit: the cards, then their categories. The cards
        are found in three parts: the links, and the newest sharing a category and the
        newest sharing a tag, each a walk of an index that stops after `limit` entries.
        The two fills are semi-joins of their own: one `EXISTS … OR EXISTS …` cannot
        be one, and PostgreSQL then hashed every article of a large category (25 to
        45 ms at 100,000 articles). This article's categories and tags are read from
        the page's prefetch (ArticleQuerySet.for_article_page), else one query each.
        """
        public = self.published().in_language(article.language).exclude(pk=article.pk)
        # The links are few: all of them, placed first by the order below.
        parts = [public.filter(incoming_links__article=article).order_by().values("pk")]
        if category_ids := [category.pk for category in article.categories.all()]:
            in_category = type(article).categories.through.objects.filter(
                article=OuterRef("pk"), category__in=category_ids
            )
            parts.append(public.filter(Exists(in_category)).newest_first().values("pk")[:limit])
        if tag_ids := [tag.pk for tag in article.tags.all()]:
            tagged = TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
            parts.append(public.filter(Exists(tagged)).newest_first().values("pk")[:limit])
        if not connection.features.supports_slicing_ordering_in_compound:
            # SQLite allows no LIMIT in a part of a UNION: there, each part is a subquery.
            parts = [self.filter(pk__in=part).order_by().values("pk") for part in parts]
        # An id in two parts is one card (IN), placed by its link if it has one.
        link = FilteredRelation("incoming_links", condition=Q(incoming_links__article=article))
        cards = (
            self.filter(pk__in=parts[0].union(*parts[1:], all=True))
            .annotate(link=link)
            .order_by(
                F("link__position").asc(nulls_last=True),
                F("link__id").asc(nulls_last=True),
                "-published_at",
                "-pk",
            )
            .for_cards()
        )
        return list(cards[:limit])


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    # The search vector is for the database's eyes only: never carry it to Python
    # (kilobytes per row on listing pages), and never write a stale copy back.
    DEFERRED = ("search_vector",)

    def get_queryset(self) -> ArticleQuerySet:
        return super().get_queryset().defer(*self.DEFERRED)
