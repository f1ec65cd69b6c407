"""The photo library's pages beyond Django's: upload cards, the status the cards wait
for, the picker the article form opens, the licences ending soon; and the library's
filters (credit, in use, renditions)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from photos.models import Photo
from photos.rights import ENDING_SOON

from .. import photo_library
from ..licence_ends import ending_licences


class CreditFilter(admin.SimpleListFilter):
    title = _("credit")
    parameter_name = "credit"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> Any:
        credits = Photo.objects.exclude(credit="").order_by("credit").values_list("credit")
        return [(credit, credit) for (credit,) in credits.distinct()[:100]]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Photo]) -> QuerySet[Photo]:
        return queryset.filter(credit=self.value()) if self.value() else queryset


class InUseFilter(admin.SimpleListFilter):
    title = _("use")
    parameter_name = "in_use"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> Any:
        return [("yes", _("In use")), ("no", _("Not in use"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Photo]) -> QuerySet[Photo]:
        if self.value() in ("yes", "no"):
            return queryset.filter(in_use=self.value() == "yes")
        return queryset


class PhotoLibraryMixin:
    """Adds the upload, status and picker addresses to the photo admin."""

    def get_urls(self) -> list:
        view = self.admin_site.admin_view  # type: ignore[attr-defined]
        return [
            path("upload/", view(self.upload_view), name="photos_photo_upload"),
            path("status/", view(self.status_view), name="photos_photo_status"),
            path("picker/", view(self.picker_view), name="photos_photo_picker"),
            path("licences/", view(self.licences_view), name="photos_photo_licences"),
            *super().get_urls(),  # type: ignore[misc]
        ]

    @method_decorator(require_POST)
    def upload_view(self, request: HttpRequest) -> JsonResponse:
        if not self.has_add_permission(request):  # type: ignore[attr-defined]
            raise PermissionDenied
        return photo_library.upload(request, self.log_addition)  # type: ignore[attr-defined]

    @method_decorator(require_GET)
    def status_view(self, request: HttpRequest) -> JsonResponse:
        if not self.has_view_or_change_permission(request):  # type: ignore[attr-defined]
            raise PermissionDenied
        return photo_library.statuses(request)

    @method_decorator(require_GET)
    def picker_view(self, request: HttpRequest) -> HttpResponse:
        """The picker's content (a fragment the article form's dialog shows): the upload
        cards and the searchable grid; ?grid=1 for the grid alone, after a search."""
        if not self.has_view_or_change_permission(request):  # type: ignore[attr-defined]
            raise PermissionDenied
        context = photo_library.picker_context(request)
        context["can_upload"] = self.has_add_permission(request)  # type: ignore[attr-defined]
        template = "publishing/photo_grid.html" if request.GET.get("grid") else None
        response = TemplateResponse(request, template or "publishing/photo_picker.html", context)
        response["Cache-Control"] = "private, no-store"
        return response

    @method_decorator(require_GET)
    def licences_view(self, request: HttpRequest) -> HttpResponse:
        """The licences ending soon: photos whose licence ends within 30 days, or has
        ended while public articles have them, with those articles
        (publishing/licence_ends.py)."""
        if not self.has_view_or_change_permission(request):  # type: ignore[attr-defined]
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),  # type: ignore[attr-defined]
            "title": _("Licences ending soon"),
            "opts": Photo._meta,
            "licences": ending_licences(timezone.now()),
            "days": ENDING_SOON.days,
        }
        return TemplateResponse(request, "publishing/licences_ending.html", context)
