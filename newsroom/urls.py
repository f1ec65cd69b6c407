from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from articles import views as article_views

from .health import healthz

urlpatterns = [
    path("", article_views.language_redirect, name="root"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("news/", include("articles.urls")),
)

if settings.SERVE_MEDIA:
    # Media served by the app itself: the demo and single-container setups.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
