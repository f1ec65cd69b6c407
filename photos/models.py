"""The photo library: one row per uploaded photo, with what readers are shown of it."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .content_hash import file_sha256
from .licences import Licence
from .storage import original_name, originals_storage


class RenditionStatus(models.TextChoices):
    """Where the making of a photo's renditions (photos/tasks.py) stands."""

    PROCESSING = "processing", _("processing")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


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
    copyright_holder = models.CharField(
        _("copyright holder"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who owns the rights, shown as '© …', e.g. 'University of Helsinki-Uusimaa'. "
            "Empty when it is the photographer in the credit."
        ),
    )
    licence = models.CharField(
        _("licence"),
        max_length=30,
        choices=Licence.choices,
        default=Licence.ALL_RIGHTS_RESERVED,
        help_text=_(
            "Under what terms the photo is used. Creative Commons licences are linked "
            "beside the credit, as they require."
        ),
    )
    licence_terms = models.TextField(
        _("licence terms"),
        blank=True,
        help_text=_("The terms of an 'Other' licence, e.g. 'Only with news of the 2026 festival'."),
    )
    licence_ends_at = models.DateTimeField(
        _("licence ends"),
        null=True,
        blank=True,
        help_text=_(
            "From this moment the photo is gone from public pages, feeds and the API; the "
            "articles stay. Empty: the licence does not end."
        ),
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
    # Renditions are made by a worker (photos/tasks.py), not in the upload's request.
    rendition_status = models.CharField(
        _("renditions"),
        max_length=20,
        choices=RenditionStatus.choices,
        default=RenditionStatus.PROCESSING,
        editable=False,
    )
    rendition_error = models.TextField(_("rendition error"), blank=True, editable=False)
    # The SHA-256 of the original's bytes: the same file uploaded again is offered as the
    # photo already in the library, and export/import match photos by it without
    # reading every file.
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True, editable=False)

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
        indexes = [
            # The duplicate check of every upload, and the import's match by file.
            models.Index(fields=["content_hash"], name="photo_content_hash_idx"),
            # The page cache's next licence end (photos.rights.next_licence_end) and the
            # "Licences ending soon" list: a range of the few photos whose licence ends.
            models.Index(
                fields=["licence_ends_at"],
                name="photo_licence_ends_idx",
                condition=Q(licence_ends_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.caption or self.alt_text

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.image and not self.content_hash:
            # Read once here, whoever stores the photo (the admin, seed_demo, imports).
            # A photo from before the hash whose file is lost keeps none: it matches
            # nothing, and its texts can still be edited.
            with contextlib.suppress(OSError):
                self.content_hash = file_sha256(self.image)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.licence == Licence.OTHER and not self.licence_terms.strip():
            raise ValidationError(
                {"licence_terms": _("Give the terms of the licence when it is 'Other'.")}
            )

    @property
    def has_renditions(self) -> bool:
        """Whether readers can be shown this photo: a set of renditions exists (an older
        set, while a new one is being made, counts)."""
        return bool((self.renditions or {}).get("full"))

    def licence_running(self, now: datetime) -> bool:
        """The instance twin of photos.rights.licensed_q: whether readers may be shown
        this photo at `now` (its licence has no end, or the end is still to come)."""
        return self.licence_ends_at is None or self.licence_ends_at > now

    @property
    def licence_url(self) -> str:
        """The deed of the photo's Creative Commons licence; empty for the others."""
        return Licence(self.licence).url

    @property
    def copyright_notice(self) -> str:
        """'© holder' when a holder is given, else the credit (the photographer holds
        the copyright), else nothing."""
        return f"© {self.copyright_holder}" if self.copyright_holder else self.credit
