"""The fixed choices of the content model: languages, statuses, publication states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    EN = "en", _("English")
    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")

    @property
    def search_config(self) -> str:
        """PostgreSQL's text search configuration for this language: its own stemmer and
        stop words. The search vector trigger (migration 0002) maps languages the same way."""
        return {"en": "english", "fi": "finnish", "sv": "swedish"}[self.value]


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class PublicationState(models.TextChoices):
    """What the editor sees in the article list: a published article whose time has
    not come yet is Scheduled; one whose end time has passed has Ended."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    ENDED = "ended", _("Ended")
