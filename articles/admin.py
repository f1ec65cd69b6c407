"""The editor: Django admin arranged for communications staff."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import images
from .forms import PhotoForm
from .models import (
    Article,
    Category,
    GalleryPhoto,
    MediaContact,
    Photo,
    RelatedLink,
    SiteNotice,
)


def _thumbnail(photo: Photo | None, size: int = 80) -> str:
    # A rendition, never the original: the original may carry location and camera data.
    url = images.smallest_url(photo) if photo is not None else None
    if url is None:
        return "—"
    return format_html(
        '<img class="newsroom-thumbnail" src="{}" alt="" width="{}" loading="lazy">',
        url,
        size,
    )


class _ThumbnailMedia:
    css = {"all": ["css/admin.css"]}


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fi", "name_sv", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_fi", "name_sv", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [
        (None, {"fields": ["name_en", "name_fi", "name_sv", "slug", "order"]}),
        (_("Descriptions"), {"fields": ["description_en", "description_fi", "description_sv"]}),
    ]


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "alt_text", "caption", "credit", "dimensions", "uploaded_at"]
    list_display_links = ["thumbnail", "alt_text"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["preview", "dimensions", "file_size", "used_in"]
    fields = [
        "image",
        "preview",
        ("focal_x", "focal_y"),
        ("dimensions", "file_size"),
        "alt_text",
        "caption",
        "credit",
        "used_in",
    ]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/focal-point.js"]

    def save_model(self, request: HttpRequest, obj: Photo, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if "image" in form.changed_data or not images.is_current(obj):
            # A new file or a moved focal point: make the set readers will be served.
            try:
                images.build_renditions(obj)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))

    @admin.display(description=_("photo"))
    def thumbnail(self, photo: Photo) -> str:
        return _thumbnail(photo)

    @admin.display(description=_("preview and focal point"))
    def preview(self, photo: Photo) -> str:
        url = images.smallest_url(photo, "full")
        if photo.pk is None or url is None:
            return "—"
        picture = images.picture(photo, "full")
        fx, fy = images.focal_point(photo)
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
            for role, articles in photo.uses().items()
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
        if photo is not None and photo.is_used():
            self._refuse_deleting(request, [photo])
            return HttpResponseRedirect(reverse("admin:articles_photo_change", args=[photo.pk]))
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
        used = [photo for photo in queryset if photo.is_used()]
        if used:
            self._refuse_deleting(request, used)
            return None
        return delete_selected(self, request, queryset)

    def delete_model(self, request: HttpRequest, obj: Photo) -> None:
        manifest = obj.renditions
        super().delete_model(request, obj)
        transaction.on_commit(lambda: images.delete_renditions(manifest))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Photo]) -> None:
        manifests = [photo.renditions for photo in queryset]
        super().delete_queryset(request, queryset)
        for manifest in manifests:
            transaction.on_commit(lambda manifest=manifest: images.delete_renditions(manifest))


class GalleryPhotoInline(admin.TabularInline):
    model = GalleryPhoto
    extra = 0
    autocomplete_fields = ["photo"]
    fields = ["position", "photo", "caption"]


class RelatedLinkInline(admin.TabularInline):
    model = RelatedLink
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["target"]
    fields = ["position", "target"]
    verbose_name = _("related news link")
    verbose_name_plural = _("Read more news: chosen links (shown before automatic picks)")


class MediaContactInline(admin.StackedInline):
    model = MediaContact
    extra = 0
    fields = ["position", ("name", "title"), ("email", "phone")]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    Media = _ThumbnailMedia
    list_display = [
        "thumbnail",
        "title",
        "status",
        "language",
        "published_at",
        "category_list",
        "featured",
        "author",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["status", "language", "featured", "categories", "published_at"]
    list_select_related = ["hero_photo", "author"]
    search_fields = ["title", "lead", "slug", "byline"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["hero_photo", "social_image", "categories", "translation_of"]
    readonly_fields = ["hero_preview", "created_at", "modified_at"]
    inlines = [GalleryPhotoInline, RelatedLinkInline, MediaContactInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "language", "lead", "body"]}),
        (_("Hero photo"), {"fields": ["hero_photo", "hero_preview", "hero_caption"]}),
        (_("Topics"), {"fields": ["categories", "tags"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "updated_at", "featured", "byline", "author"]},
        ),
        (
            _("Translations, search engines and social media"),
            {
                "classes": ["collapse"],
                "fields": [
                    "translation_of",
                    "seo_title",
                    "seo_description",
                    "social_image",
                    "created_at",
                    "modified_at",
                ],
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).prefetch_related("categories")

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("photo"))
    def thumbnail(self, article: Article) -> str:
        return _thumbnail(article.hero_photo, size=64)

    @admin.display(description=_("preview"))
    def hero_preview(self, article: Article) -> str:
        return _thumbnail(article.hero_photo, size=320)

    @admin.display(description=_("categories"))
    def category_list(self, article: Article) -> str:
        return format_html_join(", ", "{}", ((c.name,) for c in article.categories.all()))


@admin.register(SiteNotice)
class SiteNoticeAdmin(admin.ModelAdmin):
    list_display = ["message", "is_active", "ends_at"]
    list_filter = ["is_active"]
