"""Live preview: the article as its form holds it now, unsaved, rendered by the public
templates beside the form.

The form posts what the editor has typed (static/js/live-preview.js), which writes the
answer's page into a frame beside the form and its pre-publish panel above it: one
request, one validation of the form. The article and its categories and tags are
written in a transaction that is always rolled back, so the page is built by the same
view and templates as the public one, from real rows, and nothing is kept: no row, no
revision, no cache entry (the page cache's memos are only used while a public page
renders). The authors, gallery, related links and contacts are written as the form
holds them (a formset that does not validate yet keeps its saved rows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path
from django.views.decorators.http import require_POST

from articles.models import Status
from photos import renditions

from .prepublish import review
from .views import ArticlePreviewView


class _Rollback(Exception):
    """Raised to leave the preview's transaction: nothing it wrote is kept."""


def editable_article(model_admin: ModelAdmin, request: HttpRequest, object_id: str | None):
    """The article of an article form's address (None for the add form), when the user
    may change it (or add one): else 404 or 403. The autosave uses it too."""
    article = None
    if object_id is not None:
        article = model_admin.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
    may = (
        model_admin.has_change_permission(request, article)
        if article is not None
        else model_admin.has_add_permission(request)
    )
    if not may:
        raise PermissionDenied
    return article


def _bound_form(model_admin: ModelAdmin, request: HttpRequest, object_id: str | None) -> Any:
    """The article form bound to the posted data, for a user who may change the article
    (or add one, when `object_id` is None)."""
    article = editable_article(model_admin, request, object_id)
    form_class = model_admin.get_form(request, article, change=article is not None)
    return form_class(request.POST, instance=article)


def live_preview(
    model_admin: ModelAdmin, request: HttpRequest, object_id: str | None = None
) -> JsonResponse:
    """The form's current data (the add form's when `object_id` is None), validated
    once, as {"page": the article page, or what is missing before it can be shown,
    "panel": the pre-publish panel}."""
    form = _bound_form(model_admin, request, object_id)
    valid = form.is_valid()  # fills form.instance with what validates, valid or not
    panel = _prepublish_panel(request, form)
    if valid:
        page = _rendered_unsaved(model_admin, request, form)
    else:
        page = render(request, "publishing/live_preview_errors.html", {"form": form})
    response = JsonResponse({"page": page.content.decode(), "panel": panel})
    response["Cache-Control"] = "private, no-store"
    return response


def _prepublish_panel(request: HttpRequest, form: Any) -> str:
    """The pre-publish panel (publishing/prepublish.py) for the form's data; fields that
    do not validate yet count as empty. Read before the preview writes the article."""
    article = form.instance
    share = renditions.share_image(article.share_photo) if article.share_photo else None
    context = {
        "report": review(
            article,
            list(form.cleaned_data.get("categories") or []),
            # The stored status, from before the form's data was applied.
            already_published=form.initial.get("status") == Status.PUBLISHED,
        ),
        # The address it will have (none yet without a slug).
        "address": article.get_full_url() if article.slug else "",
        "share_image": share[0] if share else None,
    }
    return render_to_string("publishing/prepublish_panel.html", context, request)


def _rendered_unsaved(model_admin: ModelAdmin, request: HttpRequest, form: Any) -> HttpResponse:
    try:
        with transaction.atomic():
            unsaved = form.save(commit=False)
            if unsaved.author_id is None:
                unsaved.author = request.user
            unsaved.save()
            form.save_m2m()
            _save_inlines(model_admin, request, unsaved)
            response = _article_page(request, unsaved.pk)
            raise _Rollback
    except _Rollback:
        return response


def _save_inlines(model_admin: ModelAdmin, request: HttpRequest, article: Any) -> None:
    """Write the authors, gallery, related links and contacts as the form holds them
    (inside the preview's transaction); a formset that does not validate yet keeps its
    saved rows."""
    for formset_class, _inline in model_admin.get_formsets_with_inlines(request, article):
        formset = formset_class(
            request.POST, instance=article, prefix=formset_class.get_default_prefix()
        )
        if formset.is_valid():
            formset.save()


def _article_page(request: HttpRequest, pk: int) -> HttpResponse:
    """ArticlePreviewView's page (the public template, marked as a preview) for an
    article written in the caller's transaction; the caller checked the permissions."""
    view = ArticlePreviewView()
    view.setup(request, pk=pk)
    view.object = view.get_queryset().get(pk=pk)
    return view.render_to_response(view.get_context_data(object=view.object))


def preview_urls(model_admin: ModelAdmin) -> list:
    """The admin addresses of the live preview: of the add form and of a change form."""

    def wrap(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        return model_admin.admin_site.admin_view(require_POST(view))

    def for_add(request: HttpRequest) -> HttpResponse:
        return live_preview(model_admin, request)

    def for_change(request: HttpRequest, object_id: str) -> HttpResponse:
        return live_preview(model_admin, request, object_id)

    return [
        path("live-preview/", wrap(for_add), name="articles_article_live_preview_add"),
        path(
            "<path:object_id>/live-preview/",
            wrap(for_change),
            name="articles_article_live_preview",
        ),
    ]
