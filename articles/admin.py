"""The editor: Django admin arranged for communications staff."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .models import (
    Article,
    Category,
    GalleryPhoto,
    Language,
    MediaContact,
    Photo,
    RelatedLink,
    SiteNotice,
)


def _thumbnail(photo: Photo | None, size: int = 80) -> str:
    if photo is None or not photo.image:
        return "—"
    return format_html(
        '<img class="newsroom-thumbnail" src="{}" alt="" width="{}" loading="lazy">',
        photo.image.url,
        size,
    )


class _ThumbnailMedia:
    css = {"all": ["css/admin.css"]}
    # Accessible names the admin's own markup lacks (split date-times, tabular inlines,
    # Select2); see the script's header.
    js = ["js/admin-a11y.js"]


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
    Media = _ThumbnailMedia
    list_display = ["thumbnail", "alt_text", "caption", "credit", "dimensions", "uploaded_at"]
    list_display_links = ["thumbnail", "alt_text"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["preview", "dimensions"]
    fields = [
        "image",
        "preview",
        "dimensions",
        "alt_text",
        "caption",
        "credit",
        ("focal_x", "focal_y"),
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, photo: Photo) -> str:
        return _thumbnail(photo)

    @admin.display(description=_("preview"))
    def preview(self, photo: Photo) -> str:
        return _thumbnail(photo, size=480)

    @admin.display(description=_("size in pixels"))
    def dimensions(self, photo: Photo) -> str:
        return f"{photo.width} × {photo.height}" if photo.width else "—"


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


class ArticleTranslationsMixin:
    """A read-only 'translations' field: the story's version in each other language,
    linked to its change page, or an "Add translation" link when there is none yet.

    The link opens the add form pre-filled through GET parameters, which the admin's
    add view reads for plain, foreign-key and many-to-many fields: the original
    article (translations link to the original, never to another translation), the
    language, the categories and the hero photo.
    """

    @admin.display(description=_("translations"))
    def translations_overview(self, article: Article) -> str:
        if article.pk is None:
            return _("Save the article first; then you can add its translations.")
        original = article.translation_of or article
        versions = {a.language: a for a in article.story_articles().exclude(pk=article.pk)}
        add_url = reverse("admin:articles_article_add")
        rows = []
        for code, name in Language.choices:
            if code == article.language:
                continue
            version = versions.get(code)
            if version is not None:
                url = reverse("admin:articles_article_change", args=[version.pk])
                rows.append((name, url, version.title, f" ({version.get_status_display()})"))
                continue
            query = {"translation_of": original.pk, "language": code}
            categories = ",".join(str(c.pk) for c in original.categories.all())
            if categories:
                query["categories"] = categories
            if original.hero_photo_id:
                query["hero_photo"] = original.hero_photo_id
            rows.append((name, f"{add_url}?{urlencode(query)}", _("Add translation"), ""))
        return format_html(
            '<ul class="newsroom-translations">{}</ul>',
            format_html_join("", '<li>{}: <a href="{}">{}</a>{}</li>', rows),
        )


@admin.register(Article)
class ArticleAdmin(ArticleTranslationsMixin, admin.ModelAdmin):
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
    readonly_fields = ["hero_preview", "translations_overview", "created_at", "modified_at"]
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
                    "translations_overview",
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
