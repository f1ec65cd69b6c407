"""Previews: an article in any state, as readers will see it, for staff or by a signed
link."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

from articles.models import Article
from articles.views import ArticleDetailView

from .previews import PREVIEW_SALT


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """An article in any state, rendered by the public article template.

    Staff with the view permission open it from the change form; it is never cached,
    and search engines are told not to index it.
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not (request.user.is_staff and request.user.has_perm("articles.view_article")):
            return _preview_refused(
                request,
                403,
                _("You are not allowed to preview articles."),
            )
        return super().dispatch(request, *args, **kwargs)

    public = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        # Render now, in the article's own language, whatever the URL prefix said.
        with translation.override(self.object.language):
            response = super().render_to_response(context, **kwargs)
            response.render()
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


@method_decorator(never_cache, name="dispatch")
class SharedPreviewView(ArticlePreviewView):
    """The same preview for a reviewer without an account, by a signed link that
    expires after settings.PREVIEW_LINK_MAX_AGE seconds."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            payload = signing.loads(
                kwargs["token"], salt=PREVIEW_SALT, max_age=settings.PREVIEW_LINK_MAX_AGE
            )
        except signing.SignatureExpired:
            return _preview_refused(
                request,
                403,
                _("This preview link has expired. Ask the editor for a new one."),
            )
        except signing.BadSignature:
            return _preview_refused(
                request,
                404,
                _("This preview link is not valid. Check that you copied all of it."),
            )
        self.kwargs["pk"] = payload.get("article") if isinstance(payload, dict) else None
        if not isinstance(self.kwargs["pk"], int):
            return _preview_refused(request, 404, _("This preview link is not valid."))
        return DetailView.dispatch(self, request, *args, **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not Article.objects.filter(pk=self.kwargs["pk"]).exists():
            return _preview_refused(
                request, 404, _("The article of this preview link no longer exists.")
            )
        return super().get(request, *args, **kwargs)


@never_cache
def _preview_refused(request: HttpRequest, status: int, message: Any) -> HttpResponse:
    return render(
        request,
        "publishing/preview_refused.html",
        {"message": message, "status": status},
        status=status,
    )
