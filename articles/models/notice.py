"""The site notice: a site-wide message, such as an emergency alert."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SiteNoticeQuerySet(models.QuerySet):
    def active(self) -> SiteNoticeQuerySet:
        return self.filter(is_active=True, ends_at__gt=timezone.now())


class SiteNotice(models.Model):
    """A site-wide message, such as an emergency alert, shown until its end time."""

    message = models.CharField(
        _("message"), max_length=300, help_text=_("E.g. 'The campus is closed on 6 December.'")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to take the notice down before its end time."),
    )
    ends_at = models.DateTimeField(
        _("ends"), help_text=_("The notice disappears by itself at this time.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SiteNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("site notice")
        verbose_name_plural = _("site notices")

    def __str__(self) -> str:
        return self.message
