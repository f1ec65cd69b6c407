"""Categories: the sections an article is listed in, named in each language."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    name_en = models.CharField(
        _("name (English)"), max_length=100, help_text=_("For example 'Studies' or 'Research'.")
    )
    name_fi = models.CharField(
        _("name (Finnish)"),
        max_length=100,
        blank=True,
        help_text=_("Shown on Finnish pages; the English name is used when empty."),
    )
    name_sv = models.CharField(
        _("name (Swedish)"),
        max_length=100,
        blank=True,
        help_text=_("Shown on Swedish pages; the English name is used when empty."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The category's address: /en/news/category/<slug>/."),
    )
    description_en = models.TextField(
        _("description (English)"),
        blank=True,
        help_text=_("Shown at the top of the category page."),
    )
    description_fi = models.TextField(_("description (Finnish)"), blank=True)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("display order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    class Meta:
        ordering = ["order", "name_en"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:category", kwargs={"slug": self.slug})

    def _localized(self, field: str) -> str:
        language = translation.get_language() or settings.LANGUAGE_CODE
        return getattr(self, f"{field}_{language[:2]}", "") or getattr(self, f"{field}_en")

    @property
    def name(self) -> str:
        """The name in the active language, falling back to English."""
        return self._localized("name")

    @property
    def description(self) -> str:
        return self._localized("description")
