"""The photo library's admin: upload, focal point, where a photo is used, the original."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import PurePosixPath
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article
from photos import renditions
from photos.models import Photo, RenditionStatus
from photos.tasks import queue_renditions

from .. import photo_library
from ..forms import can_publish
from ..photo_form import RIGHTS_FIELDS, PhotoForm, original_link
from .common import thumbnail
from .photo_views import CreditFilter, InUseFilter, PhotoLibraryMixin

logger = logging.getLogger(__name__)

PHOTO_NOT_STORED = _(
    "The photo could not be stored: the media storage is full or not writable. Nothing "
    "was saved. Please tell the site's administrator, and try again later."
)


@admin.register(Photo)
class PhotoAdmin(PhotoLibraryMixin, admin.ModelAdmin):
    form = PhotoForm
    # A grid of cards (css/photo-library.css), with the upload cards above it.
    list_display = ["thumbnail", "alt_text", "credit", "rights", "state", "uploaded_at"]
    # The alt text links to the photo (the thumbnail's own alt is empty: it would repeat).
    list_display_links = ["alt_text"]
    list_filter = ["rendition_status", "licence", CreditFilter, InUseFilter]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    list_per_page = 48
    readonly_fields = ["original", "state", "preview", "dimensions", "file_size", "used_in"]
    fields = [
        "image",
        "state",
        "preview",
        ("focal_x", "focal_y"),
        ("dimensions", "file_size"),
        "alt_text",
        "caption",
        "used_in",
        "credit",
        *RIGHTS_FIELDS,
    ]

    class Media:
        css = {"all": ["css/admin.css", "css/photo-library.css"]}
        js = ["js/focal-point.js", "js/photo-upload.js"]

    # A photo that published or scheduled articles show is theirs too: changing its file,
    # texts or focal point changes those articles, which is an Editor's decision.

    # Whether it is, is read with the photo itself (get_queryset), not asked again each
    # of the several times a page checks the permission.

    def get_queryset(self, request: HttpRequest) -> QuerySet[Photo]:
        live = Article.objects.showing(OuterRef("pk")).live()
        photos = super().get_queryset(request).annotate(shown_live=Exists(live))
        return photo_library.with_use(photos)

    def has_change_permission(self, request: HttpRequest, obj: Photo | None = None) -> bool:
        if obj is not None and not can_publish(request.user) and _shown_live(obj):
            return False
        return super().has_change_permission(request, obj)

    def get_fields(self, request: HttpRequest, obj: Photo | None = None) -> list:
        fields = list(super().get_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            # Read-only: the file as a link to the staff view, not to a storage address.
            fields[fields.index("image")] = "original"
        return fields

    def get_fieldsets(self, request: HttpRequest, obj: Photo | None = None) -> list:
        """The fields, then the credit and the rights in a group of their own."""
        rights = ["credit", *RIGHTS_FIELDS]
        fields = [name for name in self.get_fields(request, obj) if name not in rights]
        return [(None, {"fields": fields}), (_("Rights"), {"fields": rights})]

    @admin.display(description=_("image"))
    def original(self, photo: Photo) -> str:
        link = original_link(photo)
        return format_html('<a href="{}">{}</a>', link.url, link.name)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        photo = self.get_object(request, unquote(object_id))
        if photo is not None and not can_publish(request.user) and _shown_live(photo):
            live = Article.objects.showing(photo).live().values_list("title", flat=True)[:3]
            if live:
                message = _(
                    "This photo is shown in published or scheduled articles (%(titles)s), "
                    "so only editors can change it. Ask an editor, or upload a new photo "
                    "for your draft."
                ) % {"titles": ", ".join(f"“{title}”" for title in live)}
                if request.method == "POST":
                    # Nothing is saved; the editor reads why on the photo's page.
                    messages.error(request, message)
                    return HttpResponseRedirect(request.get_full_path())
                messages.warning(request, message)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self) -> list:
        original = path(
            "<path:object_id>/original/",
            self.admin_site.admin_view(self.original_view),
            name="photos_photo_original",
        )
        return [original, *super().get_urls()]

    def original_view(self, request: HttpRequest, object_id: str) -> FileResponse:
        """The uploaded original, to staff who may view this photo; never cached. The
        only way to it: the originals storage has no public address."""
        photo = self.get_object(request, unquote(object_id))
        if photo is None or not photo.image:
            raise Http404(_("There is no such photo."))
        if not self.has_view_or_change_permission(request, photo):
            raise PermissionDenied
        try:
            file = photo.image.open("rb")
        except OSError:
            raise Http404(_("The photo's file is missing from storage.")) from None
        name = PurePosixPath(photo.image.name).name
        response = FileResponse(file, filename=name, content_type=mimetypes.guess_type(name)[0])
        response["Cache-Control"] = "private, no-store"
        return response

    def save_model(self, request: HttpRequest, obj: Photo, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if "image" in form.changed_data or not renditions.is_current(obj):
            # A new file or a moved focal point: the worker makes the set readers will be
            # served (photos/tasks.py), queued in this transaction.
            queue_renditions(obj)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # A full disk or an unwritable media folder is an operations problem, not the
        # editor's: say so plainly instead of a server error. The admin's transaction has
        # rolled back with the exception, so no photo row points to a missing file.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError as error:
            logger.error("Storing an uploaded photo failed: %s", error)
            messages.error(request, PHOTO_NOT_STORED)
            return HttpResponseRedirect(request.get_full_path())

    @admin.display(description=_("photo"))
    def thumbnail(self, photo: Photo) -> str:
        return thumbnail(photo, size=240)

    @admin.display(description=_("licence"), ordering="licence")
    def rights(self, photo: Photo) -> str:
        """The licence, and its end: ended ones are marked, since readers miss them."""
        if photo.licence_ends_at is None:
            return photo.get_licence_display()
        ended = not photo.licence_running(timezone.now())
        return format_html(
            '{} <span class="photo-licence-end{}">{}</span>',
            photo.get_licence_display(),
            " photo-licence-end--ended" if ended else "",
            (_("ended %(date)s") if ended else _("ends %(date)s"))
            % {"date": date_format(timezone.localtime(photo.licence_ends_at), "DATE_FORMAT")},
        )

    @admin.display(description=_("renditions"), ordering="rendition_status")
    def state(self, photo: Photo) -> str:
        """Processing, ready or failed (with the reason): what readers can be shown."""
        if photo.pk is None:
            return "—"
        reason = (
            format_html('<span class="photo-state__error">{}</span>', photo.rendition_error)
            if photo.rendition_status == RenditionStatus.FAILED
            else ""
        )
        return format_html(
            '<span class="photo-state photo-state--{}">{}</span>{}',
            photo.rendition_status,
            photo.get_rendition_status_display(),
            reason,
        )

    @admin.display(description=_("preview and focal point"))
    def preview(self, photo: Photo) -> str:
        url = renditions.smallest_url(photo, "full")
        if photo.pk is None or url is None:
            return "—"
        picture = renditions.picture(photo, "full")
        fx, fy = renditions.focal_point(photo)
        return format_html(
            '<div class="focal-point" data-focal-x="{}" data-focal-y="{}">'
            '<img class="focal-point__image" src="{}" srcset="{}" sizes="480px" '
            'width="{}" height="{}" alt="">'
            '<span class="focal-point__marker" aria-hidden="true"></span></div>'
            '<p class="help">{}</p>',
            fx,
            fy,
            picture.src,
            picture.srcset,
            picture.width,
            picture.height,
            _(
                "Click the photo on what must stay in view when cards crop it, "
                "or type the focal point below (0–1 from the left and from the top)."
            ),
        )

    @admin.display(description=_("size in pixels"))
    def dimensions(self, photo: Photo) -> str:
        return f"{photo.width} × {photo.height}" if photo.width else "—"

    @admin.display(description=_("file size"))
    def file_size(self, photo: Photo) -> str:
        if not photo.image:
            return "—"
        try:
            return filesizeformat(photo.image.size)
        except OSError:
            return _("the file is missing from storage")

    @admin.display(description=_("used in"))
    def used_in(self, photo: Photo) -> str:
        if photo.pk is None:
            return "—"
        roles = {
            "hero": _("hero photo"),
            "gallery": _("gallery"),
            "social": _("social image"),
        }
        rows = [
            (
                reverse("admin:articles_article_change", args=[article.pk]),
                article.title,
                roles[role],
            )
            for role, articles in _uses(photo).items()
            for article in articles.only("pk", "title")
        ]
        if not rows:
            return _("Not used in any article.")
        return format_html(
            '<ul class="photo-uses">{}</ul>',
            format_html_join("", '<li><a href="{}">{}</a> ({})</li>', rows),
        )

    # Deleting: a photo that an article shows is refused, one at a time or in bulk.

    def _refuse_deleting(self, request: HttpRequest, photos: list[Photo]) -> None:
        names = ", ".join(f"“{photo}”" for photo in photos)
        messages.error(
            request,
            ngettext(
                "The photo %(names)s is used in articles and was not deleted. Replace it "
                "in those articles first (see “Used in” on the photo's page).",
                "The photos %(names)s are used in articles and were not deleted. Replace "
                "them in those articles first (see “Used in” on each photo's page).",
                len(photos),
            )
            % {"names": names},
        )

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict | None = None
    ) -> HttpResponse:
        photo = self.get_object(request, object_id)
        if photo is not None and _is_used(photo):
            self._refuse_deleting(request, [photo])
            return HttpResponseRedirect(reverse("admin:photos_photo_change", args=[photo.pk]))
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                PhotoAdmin.delete_unused,
                "delete_selected",
                delete_selected.short_description,
            )
        return actions

    @admin.action(permissions=["delete"])
    def delete_unused(self, request: HttpRequest, queryset: QuerySet[Photo]) -> HttpResponse | None:
        used = [photo for photo in queryset if _is_used(photo)]
        if used:
            self._refuse_deleting(request, used)
            return None
        return delete_selected(self, request, queryset)

    def delete_model(self, request: HttpRequest, obj: Photo) -> None:
        manifest = obj.renditions
        super().delete_model(request, obj)
        transaction.on_commit(lambda: renditions.delete_renditions(manifest))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Photo]) -> None:
        manifests = [photo.renditions for photo in queryset]
        super().delete_queryset(request, queryset)
        for manifest in manifests:
            transaction.on_commit(lambda manifest=manifest: renditions.delete_renditions(manifest))


def _shown_live(photo: Photo) -> bool:
    """Whether published or scheduled articles show `photo`: then a change to it changes
    them. Read with the photo (PhotoAdmin.get_queryset), else asked."""
    if hasattr(photo, "shown_live"):
        return photo.shown_live
    return Article.objects.showing(photo).live().exists()


def _uses(photo: Photo) -> dict[str, QuerySet[Article]]:
    """The articles that show `photo`, by role: hero, gallery, social image."""
    return {
        "hero": Article.objects.filter(hero_photo=photo),
        "gallery": Article.objects.filter(gallery__photo=photo).distinct(),
        "social": Article.objects.filter(social_image=photo),
    }


def _is_used(photo: Photo) -> bool:
    return Article.objects.showing(photo).exists()
