"""What the editors' side keeps for itself, never shown to readers: the notes of a
review (who submitted, published or sent a story back, and what they said), each
editor's private autosave of an article form, and who has a story open now."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class ReviewAction(models.TextChoices):
    """What a note records. The first four move the story; a comment does not."""

    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")
    SCHEDULED = "scheduled", _("Scheduled")
    SENT_BACK = "sent_back", _("Sent back")
    COMMENTED = "commented", _("Comment")


class ReviewNote(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="review_notes", verbose_name=_("article")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    action = models.CharField(_("action"), max_length=16, choices=ReviewAction.choices)
    text = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("review note")
        verbose_name_plural = _("review notes")

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.text}" if self.text else self.action

    @property
    def author_name(self) -> str:
        if self.author is None:
            return gettext("a former user")
        return self.author.get_full_name() or self.author.get_username()


class Autosave(models.Model):
    """One editor's form as it was last typed, kept until they save or discard it.
    `article` is empty for a story not saved yet."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, null=True, related_name="+")
    # The form's fields as posted: {name: [values]}.
    data = models.JSONField()
    # The article's lock version the form was opened at: restoring over a newer save
    # is announced.
    base_version = models.PositiveIntegerField(null=True)
    saved_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["user", "article"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.article or '-'} · {self.saved_at:%Y-%m-%d %H:%M}"


class Presence(models.Model):
    """Who has an article's form open: renewed while the form is open, gone stale when
    it is closed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="one_presence_per_editor")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.article}"
