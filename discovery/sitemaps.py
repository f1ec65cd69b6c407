"""`/sitemap.xml`: the public articles with their last change, hero photo and the
addresses of their public translations, the news and category pages in each language,
and the author pages of visible people in the languages they have public articles in.
Addresses are absolute from SITE_URL, whatever host the crawler used.

Queries do not grow with the number of articles: the page of articles with their hero
photos, and one query for the language versions of the stories on that page; one
query for the author pages.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from articles.addresses import absolute_url
from articles.models import Article, ArticleAuthor, ArticleQuerySet, Category
from photos import renditions


class _SiteUrlSitemap(Sitemap):
    """Protocol and host from SITE_URL rather than from the request."""

    limit = 10_000  # well under the protocol's 50,000 and 50 MB per file

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site: Any = None) -> str:
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc + parts.path


class ArticleSitemap(_SiteUrlSitemap):
    def items(self) -> ArticleQuerySet:
        # By id: a stable order, so sitemap pages do not shift as news is published.
        return Article.objects.published().select_related("hero_photo").order_by("pk")

    def location(self, article: Article) -> str:
        return article.get_absolute_url()

    def lastmod(self, article: Article) -> datetime | None:
        return article.last_modified

    def get_urls(
        self, page: int | str = 1, site: Any = None, protocol: str | None = None
    ) -> list[dict[str, Any]]:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        stories = _stories_of([url["item"] for url in urls])
        for url in urls:
            article: Article = url["item"]
            story = stories.get(article.translation_of_id or article.pk, [])
            if len(story) > 1:
                # hreflang lists every language version, this one included.
                url["alternates"] = [
                    {"lang_code": other.language, "location": other.get_full_url()}
                    for other in sorted(story, key=lambda other: other.language)
                ]
            hero = article.shown_hero_photo  # none once its licence has ended
            image = renditions.share_image(hero) if hero else None
            url["images"] = (
                [{"location": absolute_url(image[0]), "caption": article.caption}] if image else []
            )
        return urls


def _stories_of(articles: list[Article]) -> dict[int, list[Article]]:
    """The public language versions of the stories these articles (a sitemap page, in
    id order) belong to, by the story's original. One query that reads two indexes and
    no more rows than it returns, however large the archive: the translations of the
    page's originals (a range of translation_of), and the originals and other versions
    of the page's translations."""
    if not articles:
        return {}
    roots = {article.translation_of_id for article in articles if article.translation_of_id}
    first, last = articles[0].pk, articles[-1].pk
    linked = (
        Article.objects.published()
        .filter(
            Q(translation_of_id__gte=first, translation_of_id__lte=last)
            | Q(pk__in=roots)
            | Q(translation_of_id__in=roots)
        )
        .only("pk", "slug", "language", "translation_of_id")
        .order_by()
    )
    stories: dict[int, dict[int, Article]] = defaultdict(dict)
    for article in [*linked, *articles]:
        stories[article.translation_of_id or article.pk][article.pk] = article
    return {root: list(story.values()) for root, story in stories.items()}


class NewsPageSitemap(_SiteUrlSitemap):
    """The news index and each category page, in every language, as alternates of each
    other. One query, for the categories."""

    changefreq = "daily"

    def items(self) -> list[tuple[str, str | None]]:
        slugs: list[str | None] = [None, *Category.objects.values_list("slug", flat=True)]
        return [(code, slug) for slug in slugs for code, _name in settings.LANGUAGES]

    def location(self, item: tuple[str, str | None]) -> str:
        return _page_path(*item)

    def get_urls(
        self, page: int | str = 1, site: Any = None, protocol: str | None = None
    ) -> list[dict[str, Any]]:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            _language, slug = url["item"]
            url["alternates"] = [
                {"lang_code": code, "location": absolute_url(_page_path(code, slug))}
                for code, _name in settings.LANGUAGES
            ]
        return urls


def _page_path(language: str, category_slug: str | None) -> str:
    with translation.override(language):
        if category_slug is None:
            return reverse("news:index")
        return reverse("news:category", kwargs={"slug": category_slug})


class AuthorSitemap(_SiteUrlSitemap):
    """Author pages: each visible person in each language they have public articles in,
    those pages alternates of each other. One query."""

    def items(self) -> list[tuple[str, str]]:
        return self._pairs

    @cached_property
    def _pairs(self) -> list[tuple[str, str]]:
        """(slug, language) of each author page, read once per sitemap request."""
        pairs = (
            ArticleAuthor.objects.filter(
                person__hidden=False, article__in=Article.objects.published()
            )
            .values_list("person__slug", "article__language")
            .distinct()
            .order_by("person__slug", "article__language")
        )
        return list(pairs)

    def location(self, item: tuple[str, str]) -> str:
        slug, language = item
        with translation.override(language):
            return reverse("news:author", kwargs={"slug": slug})

    def get_urls(
        self, page: int | str = 1, site: Any = None, protocol: str | None = None
    ) -> list[dict[str, Any]]:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        languages: dict[str, list[str]] = defaultdict(list)
        for slug, language in self._pairs:
            languages[slug].append(language)
        for url in urls:
            slug, _language = url["item"]
            if len(languages[slug]) > 1:
                url["alternates"] = [
                    {"lang_code": code, "location": absolute_url(self.location((slug, code)))}
                    for code in languages[slug]
                ]
        return urls


SITEMAPS = {"pages": NewsPageSitemap, "articles": ArticleSitemap, "authors": AuthorSitemap}
