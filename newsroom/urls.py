from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import include, path, re_path
from django.views.static import serve

from articles import api
from articles import views as article_views
from articles.sitemaps import SITEMAPS

from .health import healthz

# A database outage answers 503 with a friendly page rather than a 500 (newsroom/errors.py).
handler500 = "newsroom.errors.server_error"

urlpatterns = [
    path("", article_views.language_redirect, name="root"),
    path("language/<str:language>/", article_views.choose_language, name="choose_language"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS, "template_name": "articles/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", article_views.robots_txt, name="robots-txt"),
    path("api/v1/articles/", api.article_list, name="api-article-list"),
    path("api/v1/articles/<int:pk>/", api.article_detail, name="api-article-detail"),
]

urlpatterns += i18n_patterns(
    path("news/", include("articles.urls")),
)


def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    """Django's static file view, with a name the file system refuses (too long, say)
    answered as missing rather than as a server error. MEDIA_ROOT is read per request,
    so tests that point it elsewhere are served from there."""
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:
        raise Http404 from None


if settings.SERVE_MEDIA:
    # Media served by the app itself: the demo and single-container setups.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media),
    ]
