"""Addresses of search, feeds, sitemaps and the API: `news_patterns` under
/<lang>/news/ (namespace "news"), `urlpatterns` at the site's root."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from articles import converters  # noqa: F401 (registers <id:…>)
from pagecache.caching import cache_public_page as cached

from . import api, feeds, views
from .sitemaps import SITEMAPS

news_patterns = [
    path("feed/", cached(feeds.LatestArticlesFeed()), name="feed"),
    path("atom/", cached(feeds.LatestArticlesAtomFeed()), name="atom"),
    path("search/", cached(views.search_view, reads=("q", "category", "page")), name="search"),
    path("category/<slug:slug>/feed/", cached(feeds.CategoryArticlesFeed()), name="category-feed"),
    path(
        "category/<slug:slug>/atom/", cached(feeds.CategoryArticlesAtomFeed()), name="category-atom"
    ),
    path("author/<slug:slug>/feed/", cached(feeds.AuthorArticlesFeed()), name="author-feed"),
    path("author/<slug:slug>/atom/", cached(feeds.AuthorArticlesAtomFeed()), name="author-atom"),
]

urlpatterns = [
    # An index of sections, each paginated at Sitemap.limit URLs: crawlers find every
    # page of a large archive through the index.
    path("sitemap.xml", cached(views.sitemap_index), name="sitemap"),
    path(
        "sitemap-<section>.xml",
        cached(sitemap, reads=["p"]),
        {"sitemaps": SITEMAPS, "template_name": "discovery/sitemap.xml"},
        name="sitemap-section",
    ),
    path("robots.txt", cached(views.robots_txt), name="robots-txt"),
    path(
        "api/v1/articles/",
        cached(api.article_list, reads=[*api.FILTERS, "page", "page_size"]),
        name="api-article-list",
    ),
    path("api/v1/articles/<id:pk>/", cached(api.article_detail), name="api-article-detail"),
]
