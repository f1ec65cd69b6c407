from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleIndexView.as_view(), name="index"),
    path("category/<slug:slug>/", views.CategoryArticlesView.as_view(), name="category"),
    path("tag/<slug:slug>/", views.TagArticlesView.as_view(), name="tag"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("preview/shared/<str:token>/", views.SharedPreviewView.as_view(), name="shared-preview"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
