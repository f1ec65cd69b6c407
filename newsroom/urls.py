import posixpath

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import include, path, re_path
from django.views.static import serve

from articles import api, converters  # noqa: F401 (registers <id:…>)
from articles import views as article_views
from articles.caching import cache_public_page as cached
from articles.sitemaps import SITEMAPS

from .health import healthz

# A database outage answers 503 with a friendly page rather than a 500 (newsroom/errors.py).
handler500 = "newsroom.errors.server_error"

urlpatterns = [
    path("", article_views.language_redirect, name="root"),
    path("language/<str:language>/", article_views.choose_language, name="choose_language"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # An index of sections, each paginated at Sitemap.limit URLs: crawlers find every
    # page of a large archive through the index.
    path("sitemap.xml", cached(article_views.sitemap_index), name="sitemap"),
    path(
        "sitemap-<section>.xml",
        cached(sitemap, reads=["p"]),
        {"sitemaps": SITEMAPS, "template_name": "articles/sitemap.xml"},
        name="sitemap-section",
    ),
    path("robots.txt", cached(article_views.robots_txt), name="robots-txt"),
    path(
        "api/v1/articles/",
        cached(api.article_list, reads=[*api.FILTERS, "page", "page_size"]),
        name="api-article-list",
    ),
    path("api/v1/articles/<id:pk>/", cached(api.article_detail), name="api-article-detail"),
]

urlpatterns += i18n_patterns(
    path("news/", include("articles.urls")),
)


def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    """Photo renditions, the only media readers are served. The originals are not in
    MEDIA_ROOT at all (articles/storage.py); the path is normalised here as serve() will
    normalise it, so no spelling reaches anything but the renditions' folder. A name the
    file system refuses (too long, say) is missing, not a server error; MEDIA_ROOT is
    read per request, so tests that point it elsewhere are served from there."""
    normalised = posixpath.normpath(path).lstrip("/")
    if not normalised.startswith(f"{settings.PHOTO_RENDITIONS_DIR}/"):
        raise Http404("Only photo renditions are served here.")
    try:
        return serve(request, normalised, document_root=settings.MEDIA_ROOT)
    except OSError:
        raise Http404 from None


if settings.SERVE_MEDIA:
    # Media served by the app itself: the demo and single-container setups.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media)]

if settings.BENCHMARK_VIEW:
    # bench/load.py's yardstick: a bare view returning a static string of a page's size.
    from .bench import bare_page

    urlpatterns += [path("bench/bare/", bare_page)]
