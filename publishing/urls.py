"""Preview addresses under /<lang>/news/ (namespace "news"): never cached, staff only or
by a signed link."""

from django.urls import path

from articles import converters  # noqa: F401 (registers <id:…>)

from . import views

news_patterns = [
    path("preview/<id:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("preview/shared/<str:token>/", views.SharedPreviewView.as_view(), name="shared-preview"),
]
