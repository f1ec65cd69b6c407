"""The site's addresses: the admin, the health check, the root-level discovery routes,
and /<lang>/news/ composed from the apps (namespace "news"); media in the demo setup."""

import posixpath

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import include, path, re_path, reverse
from django.utils import timezone
from django.views.static import serve

import articles.urls
import discovery.urls
import feedback.urls
import publishing.urls
import siteidentity.urls
from articles import views as article_views
from photos.rights import rendition_of_ended_licence

from .health import healthz

handler500 = "newsroom.errors.server_error"


def moved_photo_admin(request: HttpRequest, rest: str) -> HttpResponsePermanentRedirect:
    """/admin/articles/photo/… → /admin/photos/photo/…, with the query string."""
    target = reverse("admin:photos_photo_changelist") + rest
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(target)


urlpatterns = [
    path("", article_views.language_redirect, name="root"),
    path("language/<str:language>/", article_views.choose_language, name="choose_language"),
    path("healthz", healthz, name="healthz"),
    # The photo library's admin moved with the photos app; editors' bookmarks follow.
    re_path(
        r"^admin/articles/photo/(?P<rest>(?:add/|\d+/(?:change/|delete/|history/|original/)?)?)$",
        moved_photo_admin,
    ),
    path("admin/", admin.site.urls),
    *discovery.urls.urlpatterns,
    *siteidentity.urls.brand_patterns,
]

# /<lang>/news/…, one namespace: the fixed routes first, the article pages' <slug>/ last.
news_patterns = [
    *discovery.urls.news_patterns,
    *publishing.urls.news_patterns,
    *articles.urls.urlpatterns,
]
urlpatterns += i18n_patterns(
    path("news/", include((news_patterns, "news"))),
    *siteidentity.urls.language_patterns,
    *feedback.urls.language_patterns,
)


def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    """Photo renditions, the only media readers are served. The originals are not in
    MEDIA_ROOT at all (photos/storage.py); the path is normalised here as serve() will
    normalise it, so no spelling reaches anything but the renditions' folder. A name the
    file system refuses (too long, say) is missing, not a server error; MEDIA_ROOT is
    read per request, so tests that point it elsewhere are served from there. From a
    photo's licence end its renditions are staff's only (photos.rights)."""
    normalised = posixpath.normpath(path).lstrip("/")
    if not normalised.startswith(f"{settings.PHOTO_RENDITIONS_DIR}/"):
        raise Http404("Only photo renditions are served here.")
    if rendition_of_ended_licence(normalised, timezone.now()) and not request.user.is_staff:
        raise Http404("This photo's licence has ended.")
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
