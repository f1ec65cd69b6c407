"""The article admin: the news desk's list, the article form, its inlines and history."""

from __future__ import annotations

from typing import Any

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from js_asset import Media
from reversion.admin import VersionAdmin

from articles import revisions  # noqa: F401  (registers the history before VersionAdmin)
from articles.models import Article, Status
from pagecache.caching import content_changed

from ..autosave import autosave_urls
from ..forms import STALE_MESSAGE, ArticleAdminForm, StaleArticleError, can_publish
from ..live_preview import preview_urls
from ..previews import preview_url, shared_preview_url
from ..translating import source_change, translation_source, usable_initial
from .article_parts import (
    ARTICLE_INLINES,
    ArticleTranslationsMixin,
    PublicationStateFilter,
    TranslationStateFilter,
)
from .autosave import ArticleAutosaveMixin
from .common import AdminMedia, hero_preview, thumbnail
from .history import ArticleHistoryMixin
from .photo_picker import PhotoPickerMixin
from .review import ArticleReviewMixin


@admin.register(Article)
class ArticleAdmin(
    PhotoPickerMixin,
    ArticleReviewMixin,
    ArticleAutosaveMixin,
    ArticleTranslationsMixin,
    ArticleHistoryMixin,
    VersionAdmin,
):
    Media = AdminMedia
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
    list_filter = [
        PublicationStateFilter,
        TranslationStateFilter,
        "language",
        "featured",
        "categories",
        "published_at",
    ]
    list_select_related = ["hero_photo", "author"]
    search_fields = ["title", "lead", "slug", "authors__person__name"]
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
    inlines = ARTICLE_INLINES
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
                    "ends_at",
                    "preview_links",
                    "significant_update",
                    "updated_at",
                    "featured",
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
            fields += ["published_at", "ends_at"]
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
        context["translation_source"] = translation_source(request, context.get("original"))
        context["source_change"] = source_change(context.get("original"))
        context["review"] = self.review_context(request, context.get("original"))
        original = context.get("original")
        if original is not None and original.pk and self.has_add_permission(request):
            # "Translate into …" beside History, for the languages the story lacks.
            context["translate_into"] = [
                (name, url)
                for name, url, _t, _s, exists in self.translation_rows(original)
                if not exists
            ]
        context["autosave"] = self.autosave_context(
            request, context.get("original"), context["adminform"].form
        )
        return super().render_change_form(request, context, *args, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).with_source_changed().prefetch_related("categories")

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return usable_initial(super().get_changeform_initial_data(request))

    def get_urls(self) -> list:
        return [*preview_urls(self), *autosave_urls(self), *super().get_urls()]

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
        if obj.translation_of_id is not None:
            # Saved by someone who had the original beside it: no longer behind it.
            obj.source_seen_at = timezone.now()
        super().save_model(request, obj, form, change)
        self.forget_autosave(request, obj, added=not change)

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
        return thumbnail(article.hero_photo, size=64)

    @admin.display(description=_("status"), ordering="status")
    def state(self, article: Article) -> str:
        state = article.publication_state
        badge = format_html(
            '<span class="newsroom-state newsroom-state--{}">{}</span>', state.value, state.label
        )
        if getattr(article, "source_changed", False):
            badge += format_html(
                ' <span class="newsroom-state newsroom-state--source-changed">{}</span>',
                _("Source changed"),
            )
        return badge

    @admin.display(description=_("preview"))
    def hero_preview(self, article: Article) -> str:
        return hero_preview(article)

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
