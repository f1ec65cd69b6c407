"""The people admin: the authors and media contacts articles credit.

Writers may add people (a new co-author) and correct those no live article credits;
hiding a person from author pages (former staff) is an Editor's call, as is deleting
one (a person an article credits cannot be deleted: hide them instead).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles.models import Article, ArticleAuthor, ArticleContact, Person

from ..forms import can_publish
from .common import AdminMedia


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    Media = AdminMedia
    list_display = ["name", "shown_title", "shown_unit", "hidden", "article_count"]
    list_filter = ["hidden"]
    search_fields = ["name", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "email", "phone", "photo"]}),
        (
            _("Title and unit"),
            {"fields": ["title_en", "title_fi", "title_sv", "unit_en", "unit_fi", "unit_sv"]},
        ),
        (_("Short bio"), {"fields": ["bio_en", "bio_fi", "bio_sv"]}),
        (_("Author page"), {"fields": ["hidden"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Person]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                articles=Count("authored", distinct=True),
                credited_live=_live_credits(ArticleAuthor, OuterRef("pk"))
                | _live_credits(ArticleContact, OuterRef("pk")),
            )
            # A count's GROUP BY drops Meta.ordering: the autocomplete pages by this.
            .order_by(*Person._meta.ordering)
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Person | None = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("articles.hide_person"):
            fields.append("hidden")
        return fields

    def has_change_permission(self, request: HttpRequest, obj: Person | None = None) -> bool:
        # A change to a person credited on a published or scheduled article changes that
        # article's page: an Editor's to make, as for photos.
        if obj is not None and not can_publish(request.user) and _credited_live(obj):
            return False
        return super().has_change_permission(request, obj)

    @admin.display(description=pgettext_lazy("job title", "title"))
    def shown_title(self, person: Person) -> str:
        return person.shown_title

    @admin.display(description=_("unit"))
    def shown_unit(self, person: Person) -> str:
        return person.shown_unit

    @admin.display(description=_("articles"), ordering="articles")
    def article_count(self, person: Person) -> int:
        return person.articles


def _credited_live(person: Person) -> bool:
    """Whether a published or scheduled article credits `person` (read with the person
    by PersonAdmin.get_queryset, else asked)."""
    if hasattr(person, "credited_live"):
        return person.credited_live
    return Person.objects.filter(
        _live_credits(ArticleAuthor, person.pk) | _live_credits(ArticleContact, person.pk)
    ).exists()


def _live_credits(model: type, person: Any) -> Exists:
    return Exists(model.objects.filter(person=person, article__in=Article.objects.live()))
