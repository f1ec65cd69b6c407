"""The photo library: one row per uploaded photo, with what readers are shown of it."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .storage import original_name, originals_storage


class Photo(models.Model):
    image = models.ImageField(
        _("image"),
        upload_to=original_name,
        storage=originals_storage,
        max_length=255,
        width_field="width",
        height_field="height",
        help_text=_(
            "A JPEG, PNG, WebP or GIF photo, at least 1600 pixels wide for hero use. "
            "Readers get resized copies without location or camera details."
        ),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_(
            "What the photo shows, for readers who cannot see it, e.g. 'Two people "
            "signing documents at a table'."
        ),
    )
    caption = models.CharField(
        _("default caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the photo, e.g. 'Rector X and Mayor Y signing the agreement'."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("The photographer or source, shown as 'Photo: …'."),
    )
    focal_x = models.FloatField(
        _("focal point x"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 = left edge, 1 = right edge; crops keep this point in view."),
    )
    focal_y = models.FloatField(
        _("focal point y"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 = top edge, 1 = bottom edge."),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    # What photos.renditions made for this photo: widths, formats and folder. Pages build
    # their srcsets from this alone, without touching storage.
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)

    class Meta:
        # The table kept its name when photos moved out of the articles app.
        db_table = "articles_photo"
        ordering = ["-uploaded_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__isnull=True) | Q(focal_x__gte=0, focal_x__lte=1),
                name="photo_focal_x_in_unit_range",
            ),
            models.CheckConstraint(
                condition=Q(focal_y__isnull=True) | Q(focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_y_in_unit_range",
            ),
        ]

    def __str__(self) -> str:
        return self.caption or self.alt_text
