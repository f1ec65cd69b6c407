from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleIndexView.as_view(), name="index"),
    path("category/<slug:slug>/", views.CategoryArticlesView.as_view(), name="category"),
    path("tag/<slug:slug>/", views.TagArticlesView.as_view(), name="tag"),
    path("search/", views.search_view, name="search"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
