"""A message a reader sent through the feedback form."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedbackMessage(models.Model):
    message = models.TextField(_("message"), max_length=5000)
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    page = models.CharField(
        _("page"), max_length=500, blank=True, help_text=_("The page the reader wrote about.")
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled = models.BooleanField(
        _("handled"), default=False, help_text=_("Tick once the reader has been answered.")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback message")
        verbose_name_plural = _("feedback messages")

    def __str__(self) -> str:
        return self.message[:60]
