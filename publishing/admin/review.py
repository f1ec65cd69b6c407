"""The article form's review panel: its buttons and note (publishing/review.py), the
thread of notes, and the note kept with each save and named in the history."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.models import LogEntry
from django.http import HttpRequest
from reversion import is_active, set_comment

from articles.models import Article

from .. import review
from ..forms import can_publish


class ArticleReviewMixin:
    """For ArticleAdmin (a VersionAdmin, whose log_* set the revision's comment)."""

    def review_context(self, request: HttpRequest, article: Article | None) -> dict[str, Any]:
        notes = review.thread(article)
        return {
            "buttons": review.buttons(article, may_publish=can_publish(request.user)),
            "notes": notes,
            "sent_back": review.sent_back(notes, article),
        }

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        request._review_note = review.record(obj, request.user, form.cleaned_data)  # type: ignore[attr-defined]

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> LogEntry:
        return self._with_review_comment(request, super().log_addition(request, obj, message))  # type: ignore[misc]

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> LogEntry:
        return self._with_review_comment(request, super().log_change(request, obj, message))  # type: ignore[misc]

    def _with_review_comment(self, request: HttpRequest, entry: LogEntry) -> LogEntry:
        note = getattr(request, "_review_note", None)
        if note is not None and is_active():
            # "Sent back: add the photographer's name — Changed Lead."
            set_comment(f"{review.history_comment(note)} — {entry.get_change_message()}")
        return entry
