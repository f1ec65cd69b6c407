"""Review with words: the buttons under the article form that move a story ("Submit for
review", "Publish now", "Schedule", "Send back"), the note that goes with each, and
the thread of notes that the form and the desk show.

A button posts `review_action`; the form turns it into a status (and a publish time)
before its usual checks, so the rules of who may publish and what publishing needs
are the same as for the status field. After the save the admin keeps the note
(`record`) and the history's comment says what was done and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Status

from .models import ReviewAction, ReviewNote

# How many notes the form shows, newest first; the history keeps them all.
THREAD_LENGTH = 20


@dataclass(frozen=True)
class Button:
    action: str
    label: Any
    primary: bool = False


SUBMIT = Button(ReviewAction.SUBMITTED, _("Submit for review"), primary=True)
PUBLISH = Button(ReviewAction.PUBLISHED, _("Publish now"), primary=True)
SCHEDULE = Button(ReviewAction.SCHEDULED, _("Schedule"))
SEND_BACK = Button(ReviewAction.SENT_BACK, _("Send back"))

STATUS_AFTER = {
    ReviewAction.SUBMITTED: Status.REVIEW,
    ReviewAction.PUBLISHED: Status.PUBLISHED,
    ReviewAction.SCHEDULED: Status.PUBLISHED,
    ReviewAction.SENT_BACK: Status.DRAFT,
}


def buttons(article: Article | None, *, may_publish: bool) -> list[Button]:
    """The review buttons for a story in its saved state (None: not saved yet)."""
    status = article.status if article is not None else Status.DRAFT
    if status == Status.PUBLISHED:
        return []
    offered = [] if status == Status.REVIEW else [SUBMIT]
    if may_publish:
        offered = [PUBLISH, SCHEDULE]
        if status == Status.REVIEW:
            offered.append(SEND_BACK)
    return offered


class ReviewFields(forms.Form):
    """The two fields the review buttons add to the article form."""

    review_action = forms.ChoiceField(
        choices=[(b.action, b.label) for b in (SUBMIT, PUBLISH, SCHEDULE, SEND_BACK)],
        required=False,
        widget=forms.HiddenInput,
    )
    review_note = forms.CharField(
        label=_("Note for the review"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What a reviewer should look at, or what the writer should change. Kept in "
            "the article's history; readers never see it. Needed to send a story back."
        ),
    )


def apply(cleaned: dict[str, Any], instance: Article, *, may_publish: bool) -> None:
    """Turn the pressed button into the status (and publish time) the form saves, or
    raise a ValidationError saying why that button cannot be used."""
    action = cleaned.get("review_action")
    if not action:
        return
    saved = instance if instance.pk else None
    if action not in {b.action for b in buttons(saved, may_publish=may_publish)}:
        raise ValidationError(
            _("“%(action)s” is not possible for this story now. Reload the page to see why.")
            % {"action": ReviewAction(action).label},
            code="review_action",
        )
    if action == ReviewAction.SENT_BACK and not cleaned.get("review_note", "").strip():
        raise ValidationError(
            {"review_note": _("Say what the writer should change before sending it back.")}
        )
    now = timezone.now()
    if action == ReviewAction.PUBLISHED:
        cleaned["published_at"] = now
    elif action == ReviewAction.SCHEDULED:
        when = cleaned.get("published_at")
        if when is None or when <= now:
            raise ValidationError(
                {"published_at": _("Choose a publish time in the future to schedule the story.")}
            )
    cleaned["status"] = STATUS_AFTER[ReviewAction(action)]


def record(article: Article, user: AbstractBaseUser, cleaned: dict[str, Any]) -> ReviewNote | None:
    """Keep the note of a save: the button pressed, or a comment typed without one."""
    action = cleaned.get("review_action") or ReviewAction.COMMENTED
    text = (cleaned.get("review_note") or "").strip()
    if action == ReviewAction.COMMENTED and not text:
        return None
    return ReviewNote.objects.create(article=article, author=user, action=action, text=text)


def history_comment(note: ReviewNote) -> str:
    """The history's line for a note: "Sent back: add the photographer's name"."""
    label = str(ReviewAction(note.action).label)
    return f"{label}: {note.text}" if note.text else label


def thread(article: Article | None) -> list[ReviewNote]:
    if article is None or article.pk is None:
        return []
    return list(article.review_notes.select_related("author")[:THREAD_LENGTH])


def sent_back(notes: list[ReviewNote], article: Article | None) -> ReviewNote | None:
    """The note that sent a draft back, when that is the latest thing that happened."""
    if article is None or article.status != Status.DRAFT:
        return None
    moves = [n for n in notes if n.action != ReviewAction.COMMENTED]
    return moves[0] if moves and moves[0].action == ReviewAction.SENT_BACK else None
