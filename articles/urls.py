"""The public news pages' addresses under /<lang>/news/ (namespace "news", composed in
newsroom/urls.py with the feeds, search and previews)."""

from django.urls import path

from pagecache.caching import cache_public_page as cached

from . import converters, views  # noqa: F401 (converters registers <id:…>, <unicode_slug:…>)

LISTING = ("page",)

urlpatterns = [
    path("", cached(views.ArticleIndexView.as_view(), reads=LISTING), name="index"),
    path(
        "category/<slug:slug>/",
        cached(views.CategoryArticlesView.as_view(), reads=LISTING),
        name="category",
    ),
    path(
        "tag/<unicode_slug:slug>/",
        cached(views.TagArticlesView.as_view(), reads=LISTING),
        name="tag",
    ),
    path(
        "author/<slug:slug>/",
        cached(views.AuthorArticlesView.as_view(), reads=LISTING),
        name="author",
    ),
    # Last: every fixed route of /<lang>/news/ is a reserved slug (models.RESERVED_SLUGS).
    path("<slug:slug>/", cached(views.ArticleDetailView.as_view()), name="detail"),
]
