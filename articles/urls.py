from django.urls import path

from . import converters, feeds, views  # noqa: F401 (converters registers <id:…>, <unicode_slug:…>)
from .caching import cache_public_page as cached

app_name = "articles"

# The query parameters each public view reads: the page cache keys on these alone.
LISTING = ("page",)

urlpatterns = [
    path("", cached(views.ArticleIndexView.as_view(), reads=LISTING), name="index"),
    path("feed/", cached(feeds.LatestArticlesFeed()), name="feed"),
    path("atom/", cached(feeds.LatestArticlesAtomFeed()), name="atom"),
    path("search/", cached(views.search_view, reads=("q", "category", "page")), name="search"),
    path(
        "category/<slug:slug>/",
        cached(views.CategoryArticlesView.as_view(), reads=LISTING),
        name="category",
    ),
    path("category/<slug:slug>/feed/", cached(feeds.CategoryArticlesFeed()), name="category-feed"),
    path(
        "category/<slug:slug>/atom/", cached(feeds.CategoryArticlesAtomFeed()), name="category-atom"
    ),
    path(
        "tag/<unicode_slug:slug>/",
        cached(views.TagArticlesView.as_view(), reads=LISTING),
        name="tag",
    ),
    # Previews are never cached: staff only or by a signed link, always fresh.
    path("preview/<id:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("preview/shared/<str:token>/", views.SharedPreviewView.as_view(), name="shared-preview"),
    # Last: every fixed route above is a reserved slug (models.RESERVED_SLUGS).
    path("<slug:slug>/", cached(views.ArticleDetailView.as_view()), name="detail"),
]
