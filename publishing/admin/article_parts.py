"""The article form's parts: its inlines (gallery, related links, authors, media
contacts, corrections), the translations overview, and the list's filters."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleContact,
    Correction,
    GalleryPhoto,
    Language,
    Person,
    PublicationState,
    RelatedLink,
)

from ..site_time import SiteDateTimeField, SiteDateTimeInput


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


class CorrectionInline(admin.TabularInline):
    """Dated notes on a published story: an Editor's to add, change or remove
    (publishing/roles.py)."""

    model = Correction
    extra = 0
    fields = ["kind", "text", "noted_at"]
    # The time in the site's time zone, one input, as the article's own times.
    formfield_overrides = {
        models.DateTimeField: {"form_class": SiteDateTimeField, "widget": SiteDateTimeInput}
    }

    # Writers see them (the Writer group's view permission); the Editor group's
    # permissions on the model give Editors the rest.


class ArticleAuthorInline(admin.TabularInline):
    """The byline's people in order (form prefix "authors"); a new person is added with
    the autocomplete's "+" (publishing/admin/people.py). A new article's form offers
    the person whose email is the editor's own as its first author."""

    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["position", "person"]

    def get_extra(self, request: HttpRequest, obj: Article | None = None, **kwargs: Any) -> int:
        return 1 if _own_person(request, obj) else 0

    def get_formset(self, request: HttpRequest, obj: Article | None = None, **kwargs: Any):
        formset = super().get_formset(request, obj, **kwargs)
        if (person := _own_person(request, obj)) is None:
            return formset

        class WithTheEditor(formset):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                kwargs.setdefault("initial", [{"person": person.pk, "position": 1}])
                super().__init__(*args, **kwargs)

        return WithTheEditor


def _own_person(request: HttpRequest, article: Article | None) -> Person | None:
    """The person with the editor's email, for an empty add form only: on a POST the
    row is what was sent (a row equal to its initial data would count as unchanged and
    not be saved)."""
    if request.method != "GET" or (article is not None and article.pk) or not request.user.email:
        return None
    return Person.objects.filter(email__iexact=request.user.email).order_by("pk").first()


class ArticleContactInline(admin.TabularInline):
    """'Further information' (form prefix "contacts"): the people readers may call."""

    model = ArticleContact
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["position", "person"]


# In the form's order: the byline's people first, "Further information" after the links.
ARTICLE_INLINES = [
    ArticleAuthorInline,
    GalleryPhotoInline,
    RelatedLinkInline,
    ArticleContactInline,
    CorrectionInline,
]


class ArticleTranslationsMixin:
    """A read-only 'translations' field: the story's version in each other language,
    linked to its change page, or an "Add translation" link when there is none yet.

    The link opens the add form pre-filled through GET parameters, which the admin's
    add view reads for plain, foreign-key and many-to-many fields: the original
    article (translations link to the original, never to another translation), the
    language, the categories and the hero photo.
    """

    def translation_rows(self, article: Article) -> list[tuple[str, str, str, str, bool]]:
        """(language name, address, link text, status, exists) for each other language:
        the translation's form, or an add form pre-filled from the original."""
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
                rows.append((name, url, version.title, version.get_status_display(), True))
                continue
            query = {"translation_of": original.pk, "language": code}
            categories = ",".join(str(c.pk) for c in original.categories.all())
            if categories:
                query["categories"] = categories
            if original.hero_photo_id:
                query["hero_photo"] = original.hero_photo_id
            rows.append((name, f"{add_url}?{urlencode(query)}", _("Add translation"), "", False))
        return rows

    @admin.display(description=_("translations"))
    def translations_overview(self, article: Article) -> str:
        if article.pk is None:
            return _("Save the article first; then you can add its translations.")
        return format_html(
            '<ul class="newsroom-translations">{}</ul>',
            format_html_join(
                "",
                '<li>{}: <a href="{}">{}</a>{}</li>',
                (
                    (name, url, text, f" ({status})" if status else "")
                    for name, url, text, status, _exists in self.translation_rows(article)
                ),
            ),
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
            case PublicationState.ENDED:
                return queryset.ended()
        return queryset


class TranslationStateFilter(admin.SimpleListFilter):
    """Translations whose original changed significantly since they were last saved."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> Any:
        return [("source_changed", _("Source changed")), ("current", _("Up to date"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        match self.value():
            case "source_changed":
                return queryset.source_changed()
            case "current":
                return queryset.filter(translation_of__isnull=False).exclude(
                    pk__in=queryset.source_changed().values("pk")
                )
        return queryset
