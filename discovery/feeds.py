"""RSS 2.0 and Atom feeds of the public news, per language, per category and per author.

Every address in a feed is absolute from SITE_URL, not from the request's host, so a
feed fetched through a proxy or an internal name still links to the public site. Two
queries per feed: the articles with their hero photos, their categories and their
authors (with the people); a category feed finds its category in the list the pages
remember (articles.navigation), an author feed its person in one more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.addresses import absolute_url
from articles.models import Article, Category, Person
from articles.navigation import category_at
from photos import renditions
from siteidentity.current import current_identity

FEED_LENGTH = 30


@dataclass(frozen=True)
class FeedScope:
    """What one request's feed covers: a language, maybe one category or author."""

    language: str
    category: Category | None
    feed_url: str
    page_url: str
    author: Person | None = None


class LatestArticlesFeed(Feed):
    """`/<lang>/news/feed/`: the newest public articles of the language."""

    feed_type = Rss201rev2Feed
    url_name = "news:feed"

    def get_object(self, request: HttpRequest, *args: str, **kwargs: str) -> FeedScope:
        return FeedScope(
            language=translation.get_language(),
            category=None,
            feed_url=absolute_url(reverse(self.url_name)),
            page_url=absolute_url(reverse("news:index")),
        )

    def title(self, scope: FeedScope) -> str:
        return _("%(site)s: news") % {"site": settings.SITE_NAME}

    def description(self, scope: FeedScope) -> str:
        return _("News from %(organization)s.") % {"organization": current_identity().name}

    subtitle = description  # Atom's name for it

    def link(self, scope: FeedScope) -> str:
        return scope.page_url

    def feed_url(self, scope: FeedScope) -> str:
        return scope.feed_url

    def feed_guid(self, scope: FeedScope) -> str:
        return scope.feed_url

    def author_name(self, scope: FeedScope) -> str:
        return current_identity().name

    def items(self, scope: FeedScope) -> list[Article]:
        articles = Article.objects.published().in_language(scope.language)
        if scope.category is not None:
            articles = articles.filter(categories=scope.category)
        if scope.author is not None:
            articles = articles.filter(authors__person=scope.author)
        return list(articles.for_cards().with_authors().newest_first()[:FEED_LENGTH])

    def item_title(self, article: Article) -> str:
        return article.title

    def item_description(self, article: Article) -> str:
        # Readers take RSS descriptions and Atom summaries (type="html") as HTML; the
        # lead is plain text, so escape it: "<b>" in a lead is text, not markup.
        if article.was_updated:
            # A correction or significant update: the item says so, with its time.
            updated = date_format(timezone.localtime(article.updated_at), "DATETIME_FORMAT")
            return escape(_("Updated %(time)s.") % {"time": updated} + " " + article.lead)
        return escape(article.lead)

    def item_link(self, article: Article) -> str:
        return article.get_full_url()

    def item_guid(self, article: Article) -> str:
        # A tag URI that survives slug changes, so readers never show an article twice.
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"tag:{host},2026:article:{article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, article: Article) -> datetime | None:
        return article.published_at

    def item_updateddate(self, article: Article) -> datetime | None:
        return article.date_modified

    def item_author_name(self, article: Article) -> str | None:
        # Feeds have one author element per item: the byline's names, joined.
        return ", ".join(credit.person.name for credit in article.authors.all()) or None

    def item_categories(self, article: Article) -> list[str]:
        return [category.name for category in article.categories.all()]

    def item_enclosures(self, article: Article) -> list[Enclosure]:
        """The hero photo as a preview-sized JPEG rendition, with its length in bytes as
        enclosures require; none once the photo's licence has ended."""
        photo = article.shown_hero_photo
        enclosure = renditions.share_enclosure(photo) if photo is not None else None
        if enclosure is None:
            return []
        url, length = enclosure
        return [Enclosure(absolute_url(url), str(length), "image/jpeg")]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    """`/<lang>/news/atom/`: the same in Atom; the lead becomes the summary."""

    feed_type = Atom1Feed
    url_name = "news:atom"


class CategoryArticlesFeed(LatestArticlesFeed):
    """`/<lang>/news/category/<slug>/feed/`: one category's newest public articles."""

    url_name = "news:category-feed"

    def get_object(self, request: HttpRequest, *args: str, **kwargs: str) -> FeedScope:
        category = category_at(kwargs["slug"])
        return FeedScope(
            language=translation.get_language(),
            category=category,
            feed_url=absolute_url(reverse(self.url_name, kwargs={"slug": category.slug})),
            page_url=absolute_url(category.get_absolute_url()),
        )

    def title(self, scope: FeedScope) -> str:
        return _("%(site)s: %(category)s") % {
            "site": settings.SITE_NAME,
            "category": scope.category.name,
        }


class CategoryArticlesAtomFeed(CategoryArticlesFeed):
    feed_type = Atom1Feed
    url_name = "news:category-atom"


class AuthorArticlesFeed(LatestArticlesFeed):
    """`/<lang>/news/author/<slug>/feed/`: one person's newest public articles."""

    url_name = "news:author-feed"

    def get_object(self, request: HttpRequest, *args: str, **kwargs: str) -> FeedScope:
        person = get_object_or_404(Person.objects.visible(), slug=kwargs["slug"])
        return FeedScope(
            language=translation.get_language(),
            category=None,
            author=person,
            feed_url=absolute_url(reverse(self.url_name, kwargs={"slug": person.slug})),
            page_url=absolute_url(person.get_absolute_url()),
        )

    def title(self, scope: FeedScope) -> str:
        return _("%(site)s: %(author)s") % {"site": settings.SITE_NAME, "author": scope.author.name}


class AuthorArticlesAtomFeed(AuthorArticlesFeed):
    feed_type = Atom1Feed
    url_name = "news:author-atom"
