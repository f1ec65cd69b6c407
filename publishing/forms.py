"""The article form: who may publish, what publishing needs, and stale saves refused."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Status

from . import review
from .site_time import SiteDateTimeField, SiteDateTimeInput, zone_description

PUBLISH_PERMISSION = "articles.publish_article"

STALE_MESSAGE = _(
    "Someone else changed this article while you were editing it, so your changes were "
    "not saved and nothing was overwritten. Open the article again to see the current "
    "version, then make your changes there."
)


def can_publish(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Editors (and superusers) may publish, schedule and unpublish."""
    return user is not None and user.has_perm(PUBLISH_PERMISSION)


class StaleArticleError(Exception):
    """The article changed in the database after the form was opened."""


class ArticleAdminForm(forms.ModelForm):
    # The version the form was opened at; compared with the database on save.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # A save that changes what the story says, not a typo fix: it moves the public
    # "Updated" time and marks the story's translations "source changed".
    significant_update = forms.BooleanField(
        label=_("Significant update"),
        required=False,
        help_text=_(
            "Tick when the story's content changed: the page shows 'Updated' with this "
            "time and its translations are marked for review. Leave it for a typo fix."
        ),
    )
    # The review buttons and their note (publishing/review.py), under the form.
    review_action = review.ReviewFields.base_fields["review_action"]
    review_note = review.ReviewFields.base_fields["review_note"]

    # The admin sets the user of the request on the form class it builds for it.
    user: AbstractBaseUser | AnonymousUser | None = None

    class Meta:
        model = Article
        # The admin passes its own field list from the fieldsets; this is the default.
        fields = [
            "title",
            "slug",
            "language",
            "lead",
            "body",
            "hero_photo",
            "hero_caption",
            "categories",
            "tags",
            "status",
            "published_at",
            "ends_at",
            "updated_at",
            "featured",
            "author",
            "translation_of",
            "seo_title",
            "seo_description",
            "social_image",
        ]
        # One datetime-local input in the site's time zone rather than the admin's split
        # date and time (and its "You are N hours behind server time" note).
        field_classes = {
            "published_at": SiteDateTimeField,
            "ends_at": SiteDateTimeField,
            "updated_at": SiteDateTimeField,
        }
        widgets = {
            "published_at": SiteDateTimeInput(quick_choices=True),
            "ends_at": SiteDateTimeInput(),
            "updated_at": SiteDateTimeInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("published_at", "ends_at", "updated_at"):
            field = self.fields.get(name)
            if field is not None:
                # Which zone the times mean, with its offset today ("Helsinki time (UTC+2)").
                field.help_text = f"{zone_description()}. {field.help_text}".strip()
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
        status = self.fields.get("status")
        if status is not None and not can_publish(self.user):
            # Writers are offered only what they may choose; a forged "published" still
            # reaches clean() (the field accepts every status) and gets a clear error.
            status.widget.choices = [
                choice for choice in status.choices if choice[0] != Status.PUBLISHED
            ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self._refuse_stale_form(cleaned)
        review.apply(cleaned, self.instance, may_publish=can_publish(self.user))
        if cleaned.get("significant_update"):
            cleaned["updated_at"] = timezone.now()
        self._check_permission(cleaned)
        self._check_slug(cleaned)
        if cleaned.get("status", self.instance.status) == Status.PUBLISHED:
            self._check_ready_to_publish(cleaned)
        return cleaned

    def _refuse_stale_form(self, cleaned: dict[str, Any]) -> None:
        if not self.instance.pk:
            return
        current = (
            Article.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
        )
        if cleaned.get("loaded_version") != current:
            raise ValidationError(STALE_MESSAGE, code="stale")

    def _check_permission(self, cleaned: dict[str, Any]) -> None:
        if can_publish(self.user):
            return
        was_published = self.instance.pk is not None and self.instance.status == Status.PUBLISHED
        status = cleaned.get("status")
        if status == Status.PUBLISHED and not was_published:
            self.add_error(
                "status",
                _("Only editors can publish articles. Choose 'In review' to ask an editor."),
            )
        elif was_published and status is not None and status != Status.PUBLISHED:
            self.add_error("status", _("Only editors can unpublish articles."))
        if "published_at" in cleaned and cleaned["published_at"] != self.instance.published_at:
            self.add_error("published_at", _("Only editors can set the publish time."))
        if "ends_at" in cleaned and cleaned["ends_at"] != self.instance.ends_at:
            self.add_error("ends_at", _("Only editors can set the end time."))

    def _check_slug(self, cleaned: dict[str, Any]) -> None:
        slug, language = cleaned.get("slug"), cleaned.get("language")
        if not slug or not language:
            return
        taken = Article.objects.filter(slug=slug, language=language).exclude(pk=self.instance.pk)
        if taken.exists():
            # A field error also keeps the database constraint's general message away.
            self.add_error(
                "slug",
                _("Another article in this language already has the address '%(slug)s'.")
                % {"slug": slug},
            )

    def _check_ready_to_publish(self, cleaned: dict[str, Any]) -> None:
        candidate = Article(
            lead=cleaned.get("lead", self.instance.lead) or "",
            hero_photo=cleaned.get("hero_photo", self.instance.hero_photo),
            slug=cleaned.get("slug", self.instance.slug) or "",
            published_at=cleaned.get("published_at", self.instance.published_at),
        )
        categories = cleaned.get("categories")
        if categories is None and "categories" not in self.fields and self.instance.pk:
            categories = list(self.instance.categories.all())
        # The instance is still as stored: a published article's edits are not refused
        # for a hero photo whose licence has since ended (publishing_problems).
        was_published = self.instance.pk is not None and self.instance.status == Status.PUBLISHED
        problems = candidate.publishing_problems(
            categories=categories or [], already_published=was_published
        )
        for field, message in problems.items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
            elif field not in self.fields:
                self.add_error(None, message)
