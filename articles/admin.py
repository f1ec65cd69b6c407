"""The editor: Django admin arranged for communications staff."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import PurePosixPath
from typing import Any

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from js_asset import Media
from reversion.admin import VersionAdmin

from . import images
from .caching import content_changed
from .forms import STALE_MESSAGE, ArticleAdminForm, PhotoForm, StaleArticleError, can_publish
from .models import (
    Article,
    Category,
    GalleryPhoto,
    Language,
    MediaContact,
    Photo,
    PublicationState,
    RelatedLink,
    SiteNotice,
    Status,
    TaggedArticle,
)
from .previews import preview_url, shared_preview_url

logger = logging.getLogger(__name__)

PHOTO_NOT_STORED = _(
    "The photo could not be stored: the media storage is full or not writable. Nothing "
    "was saved. Please tell the site's administrator, and try again later."
)

# Revision history: an article's versions carry its gallery, links, contacts and tags.
# `version` is left out, so restoring an old revision can never move the optimistic
# lock backwards.
for _inline_model in (GalleryPhoto, RelatedLink, MediaContact, TaggedArticle):
    reversion.register(_inline_model)
reversion.register(
    Article, exclude=["version"], follow=["gallery", "related_links", "contacts", "tagged_items"]
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
    form = PhotoForm
    list_display = ["thumbnail", "alt_text", "caption", "credit", "dimensions", "uploaded_at"]
    list_display_links = ["thumbnail", "alt_text"]
    search_fields = ["alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["original", "preview", "dimensions", "file_size", "used_in"]
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

    # A photo that published or scheduled articles show is theirs too: changing its file,
    # texts or focal point changes those articles, which is an Editor's decision.

    def has_change_permission(self, request: HttpRequest, obj: Photo | None = None) -> bool:
        if obj is not None and not can_publish(request.user) and obj.live_articles().exists():
            return False
        return super().has_change_permission(request, obj)

    def get_fields(self, request: HttpRequest, obj: Photo | None = None) -> list:
        fields = list(super().get_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            # Read-only: the file as a link to the staff view, not to a storage address.
            fields[fields.index("image")] = "original"
        return fields

    @admin.display(description=_("image"))
    def original(self, photo: Photo) -> str:
        url = reverse("admin:articles_photo_original", args=[photo.pk])
        return format_html('<a href="{}">{}</a>', url, PurePosixPath(photo.image.name).name)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        photo = self.get_object(request, unquote(object_id))
        if photo is not None and not can_publish(request.user):
            live = list(photo.live_articles().values_list("title", flat=True)[:3])
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
            name="articles_photo_original",
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
        if "image" in form.changed_data or not images.is_current(obj):
            # A new file or a moved focal point: make the set readers will be served.
            try:
                images.build_renditions(obj)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            except BaseException:
                # The admin's transaction rolls the row back; the new original, already
                # in its storage, must not stay behind without a row.
                if "image" in form.changed_data:
                    obj.image.storage.delete(obj.image.name)
                raise

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


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> Any:
        return PublicationState.choices

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        match self.value():
            case PublicationState.DRAFT | PublicationState.REVIEW as status:
                return queryset.filter(status=status)
            case PublicationState.SCHEDULED:
                return queryset.scheduled()
            case PublicationState.PUBLISHED:
                return queryset.published()
        return queryset


@admin.register(Article)
class ArticleAdmin(ArticleTranslationsMixin, VersionAdmin):
    Media = _ThumbnailMedia
    form = ArticleAdminForm
    list_display = [
        "thumbnail",
        "title",
        "state",
        "language",
        "published_at",
        "category_list",
        "featured",
        "author",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = [PublicationStateFilter, "language", "featured", "categories", "published_at"]
    list_select_related = ["hero_photo", "author"]
    search_fields = ["title", "lead", "slug", "byline"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["hero_photo", "social_image", "categories", "translation_of"]
    readonly_fields = [
        "hero_preview",
        "preview_links",
        "translations_overview",
        "created_at",
        "modified_at",
    ]
    inlines = [GalleryPhotoInline, RelatedLinkInline, MediaContactInline]
    actions = ["submit_for_review", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "language", "lead", "body"]}),
        (_("Hero photo"), {"fields": ["hero_photo", "hero_preview", "hero_caption"]}),
        (_("Topics"), {"fields": ["categories", "tags"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "preview_links",
                    "updated_at",
                    "featured",
                    "byline",
                    "author",
                    "loaded_version",
                ]
            },
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

    # Permissions: who may publish, and who may touch a published article.

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return can_publish(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        # A Writer's edit of a published (or scheduled) article would go live at once,
        # which is publishing: Writers see such articles read-only.
        if obj is not None and obj.status == Status.PUBLISHED and not can_publish(request.user):
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            fields.append("published_at")
        return fields

    def get_form(self, request: HttpRequest, obj: Article | None = None, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, **kwargs)
        # modelform_factory made this class for this request: the user belongs to it.
        form.user = request.user
        return form

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> HttpResponse:
        # The rich-text editor loads through an inline <script type="importmap">; the
        # Content-Security-Policy admits it by this response's nonce.
        context["media"] = Media.from_media(context["media"]).with_nonce(request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).prefetch_related("categories")

    # Saving: optimistic locking, compare and increment in one UPDATE.

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        if obj.author_id is None:
            obj.author = request.user
        if change:
            loaded = form.cleaned_data.get("loaded_version")
            claimed = Article.objects.filter(pk=obj.pk, version=loaded).update(
                version=F("version") + 1
            )
            if not claimed:
                # Someone saved between the form's check and now: undo everything.
                raise StaleArticleError
            obj.version = loaded + 1
        super().save_model(request, obj, form, change)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except StaleArticleError:
            # The admin's transaction (and the revision) rolled back with the exception.
            messages.error(request, STALE_MESSAGE)
            return HttpResponseRedirect(request.path)

    def revision_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        current = Article.objects.filter(pk=object_id).values_list("status", "version").first()
        if current is None:
            raise Http404
        status, version = current
        # Restoring an old revision of a published article would unpublish or change it.
        if status == Status.PUBLISHED and not can_publish(request.user):
            raise PermissionDenied
        # django-reversion writes the old revision to the database before the form is
        # built; get_object() puts the current lock version back (see there).
        request._article_version_before_revert = version  # type: ignore[attr-defined]
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # A deleted article may have been published: bringing it back is an editor's call.
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(
        self, request: HttpRequest, version_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # django-reversion's list template shows "Recover deleted articles" when this is
        # true; only editors may recover, so writers are not offered the button.
        context = {"has_change_permission": can_publish(request.user)} | (extra_context or {})
        return super().changelist_view(request, context)

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Article | None:
        article = super().get_object(request, object_id, from_field)
        kept = getattr(request, "_article_version_before_revert", None)
        if article is not None and kept is not None and article.version != kept:
            # The restored revision does not carry `version` (it is excluded from the
            # history), so it came back as the default: keep the lock moving forwards,
            # or forms opened before the restore would be accepted afterwards.
            Article.objects.filter(pk=article.pk).update(version=kept)
            article.version = kept
        return article

    def view_on_site(self, obj: Article) -> str:
        return obj.get_absolute_url() if obj.is_published() else preview_url(obj)

    # List actions: each checks its permission (Django refuses a forged POST too).

    @admin.action(description=_("Submit selected drafts for review"), permissions=["change"])
    def submit_for_review(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        drafts = list(queryset.filter(status=Status.DRAFT))
        self._set_status(request, drafts, Status.REVIEW, _("Submitted for review."))
        self.message_user(
            request,
            ngettext(
                "%(count)d article submitted for review.",
                "%(count)d articles submitted for review.",
                len(drafts),
            )
            % {"count": len(drafts)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        ready, refused = [], []
        candidates = queryset.exclude(status=Status.PUBLISHED).select_related("hero_photo")
        for article in candidates.prefetch_related("categories"):
            problems = article.publishing_problems(categories=list(article.categories.all()))
            (refused if problems else ready).append((article, problems))
        self._set_status(
            request, [article for article, _p in ready], Status.PUBLISHED, _("Published.")
        )
        if ready:
            self.message_user(
                request,
                ngettext(
                    "%(count)d article published.", "%(count)d articles published.", len(ready)
                )
                % {"count": len(ready)},
                messages.SUCCESS,
            )
        for article, problems in refused:
            self.message_user(
                request,
                _("“%(title)s” was not published: %(problems)s")
                % {"title": article.title, "problems": " ".join(map(str, problems.values()))},
                messages.ERROR,
            )

    @admin.action(
        description=_("Unpublish selected articles (back to draft)"), permissions=["publish"]
    )
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        published = list(queryset.filter(status=Status.PUBLISHED))
        self._set_status(request, published, Status.DRAFT, _("Unpublished."))
        self.message_user(
            request,
            ngettext(
                "%(count)d article unpublished.", "%(count)d articles unpublished.", len(published)
            )
            % {"count": len(published)},
            messages.SUCCESS,
        )

    def _set_status(
        self, request: HttpRequest, articles: list[Article], status: Status, comment: Any
    ) -> None:
        """Change the status of each article in one UPDATE that also bumps its version
        (forms opened before become stale), with a revision saying who did it."""
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(str(comment))
            for article in articles:
                changes: dict[str, Any] = {"status": status, "version": F("version") + 1}
                if status == Status.PUBLISHED and article.published_at is None:
                    changes["published_at"] = timezone.now()
                Article.objects.filter(pk=article.pk).update(**changes)
                article.refresh_from_db()
                reversion.add_to_revision(article)
                self.log_change(request, article, str(comment))
            # update() sends no signals: tell the page cache that public content changed.
            content_changed()

    # Columns and read-only fields.

    @admin.display(description=_("photo"))
    def thumbnail(self, article: Article) -> str:
        return _thumbnail(article.hero_photo, size=64)

    @admin.display(description=_("status"), ordering="status")
    def state(self, article: Article) -> str:
        state = article.publication_state
        return format_html(
            '<span class="newsroom-state newsroom-state--{}">{}</span>', state.value, state.label
        )

    @admin.display(description=_("preview"))
    def hero_preview(self, article: Article) -> str:
        return _thumbnail(article.hero_photo, size=320)

    @admin.display(description=_("preview"))
    def preview_links(self, article: Article) -> str:
        if article.pk is None:
            return _("Save the article to preview it.")
        return format_html(
            '<a class="button newsroom-preview" href="{}" target="_blank" rel="noopener">{}</a>'
            '<p class="newsroom-preview__help">{}</p>'
            '<input class="vTextField newsroom-share-preview" type="text" readonly value="{}" '
            'aria-label="{}">',
            preview_url(article),
            _("Preview"),
            _(
                "A link for a reviewer without an account; it works for %(days)d days. "
                "Copy it from the box below."
            )
            % {"days": settings.PREVIEW_LINK_MAX_AGE // (24 * 60 * 60)},
            settings.SITE_URL + shared_preview_url(article),
            _("Shareable preview link"),
        )

    @admin.display(description=_("categories"))
    def category_list(self, article: Article) -> str:
        return format_html_join(", ", "{}", ((c.name,) for c in article.categories.all()))


@admin.register(SiteNotice)
class SiteNoticeAdmin(admin.ModelAdmin):
    list_display = ["message", "is_active", "ends_at"]
    list_filter = ["is_active"]
    fields = ["message", "ends_at", "is_active"]
