from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import include, path, re_path
from django.views.static import serve

from articles import views as article_views

urlpatterns = [
    path("", article_views.language_redirect, name="root"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("news/", include("articles.urls")),
)


def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded media; the photo originals (which may carry GPS and camera details) only
    to staff, for the admin. Readers are served the stripped renditions."""
    if path.startswith("photos/") and not request.user.is_staff:
        raise Http404("Photo originals are not public.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    # Media served by the app itself: the demo and single-container setups.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media)]
