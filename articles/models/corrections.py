"""Corrections, clarifications and updates: an Editor's dated note on a published story,
shown on its page and in its structured data, which always moves its "Updated" time."""

from __future__ import annotations

from django.db import models, transaction
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .article import Article


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", _("Update")


class Correction(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=CorrectionKind.choices, default=CorrectionKind.CORRECTION
    )
    text = models.TextField(
        _("text"),
        help_text=_("What was wrong or what changed, in the story's language. Plain text."),
    )
    noted_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["noted_at", "pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"

    def save(self, *args, **kwargs) -> None:
        # A correction always moves the story's "Updated" time (never backwards).
        with transaction.atomic():
            super().save(*args, **kwargs)
            Article.objects.filter(pk=self.article_id).update(
                updated_at=Greatest(
                    models.functions.Coalesce("updated_at", models.Value(self.noted_at)),
                    models.Value(self.noted_at),
                )
            )
