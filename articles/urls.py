from django.urls import path, register_converter

from . import feeds, views


class UnicodeSlugConverter:
    """Tag slugs keep their letters ('hållbarhet', 'yhteistyö'): taggit slugifies with
    Unicode allowed, which the built-in `slug` converter would refuse."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(UnicodeSlugConverter, "unicode_slug")

app_name = "articles"

urlpatterns = [
    path("", views.ArticleIndexView.as_view(), name="index"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    path("search/", views.search_view, name="search"),
    path("category/<slug:slug>/", views.CategoryArticlesView.as_view(), name="category"),
    path("category/<slug:slug>/feed/", feeds.CategoryArticlesFeed(), name="category-feed"),
    path("category/<slug:slug>/atom/", feeds.CategoryArticlesAtomFeed(), name="category-atom"),
    path("tag/<unicode_slug:slug>/", views.TagArticlesView.as_view(), name="tag"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("preview/shared/<str:token>/", views.SharedPreviewView.as_view(), name="shared-preview"),
    # Last: every fixed route above is a reserved slug (models.RESERVED_SLUGS).
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
