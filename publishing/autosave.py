"""Never lose typing: each editor's article form is kept privately every 30 seconds
while it changes (static/js/autosave.js), offered back as "Restore unsaved changes?"
when they return to the story, and dropped when they save or discard it. The same
requests say who has the story open, so the form can name the others.

Only the editor who typed sees an autosave. It holds the form's own fields (title,
lead, body, photo, topics, publishing and search fields and the review note), not the
authors, gallery, links and contacts rows, which are saved with the form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin import ModelAdmin
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from articles.models import Article

from .live_preview import editable_article
from .models import Autosave, Presence


def interval() -> int:
    """How often, in seconds, the form reports (settings.AUTOSAVE_SECONDS, 30)."""
    return settings.AUTOSAVE_SECONDS


def present_for() -> timedelta:
    """How long after its last report an editor still counts as having the story open:
    two missed reports and a margin."""
    return timedelta(seconds=interval() * 2 + 15)


# Fields of the posted form that are not the editor's typing.
NOT_KEPT = frozenset({"csrfmiddlewaretoken", "loaded_version", "review_action"})


@dataclass(frozen=True)
class Offer:
    """An autosave to offer back: when it was typed, and whether the story was saved by
    someone since (restoring would then put back what they changed)."""

    saved_at: datetime
    saved_since: bool


def _own(user: AbstractBaseUser, article: Article | None):
    return Autosave.objects.filter(user=user, article=article)


def keep(request: HttpRequest, article: Article | None) -> Autosave:
    data = {name: request.POST.getlist(name) for name in request.POST if name not in NOT_KEPT}
    version = request.POST.get("loaded_version", "")
    autosave, _ = Autosave.objects.update_or_create(
        user=request.user,
        article=article,
        defaults={
            "data": data,
            "base_version": int(version) if version.isdigit() else None,
            "saved_at": timezone.now(),
        },
    )
    return autosave


def mark_present(user: AbstractBaseUser, article: Article | None) -> None:
    if article is not None:
        Presence.objects.update_or_create(
            user=user, article=article, defaults={"seen_at": timezone.now()}
        )


def others_present(user: AbstractBaseUser, article: Article | None) -> list[str]:
    """The names of the other editors who have `article` open now."""
    if article is None:
        return []
    present = (
        Presence.objects.filter(article=article, seen_at__gte=timezone.now() - present_for())
        .exclude(user=user)
        .select_related("user")
        .order_by("seen_at")
    )
    return [p.user.get_full_name() or p.user.get_username() for p in present]


def presence_message(names: list[str]) -> str:
    """ "Anna Writer also has this story open…", or "" when nobody else has."""
    if not names:
        return ""
    return ngettext(
        "%(names)s also has this story open. Saving after them will be refused, so agree "
        "who edits it.",
        "%(names)s also have this story open. Saving after them will be refused, so agree "
        "who edits it.",
        len(names),
    ) % {"names": ", ".join(names)}


def forget(user: AbstractBaseUser, article: Article | None) -> None:
    """Drop the autosave once the form is saved (or the editor discards it)."""
    _own(user, article).delete()


def offer(user: AbstractBaseUser, article: Article | None) -> Offer | None:
    """The editor's unsaved changes to offer back on the form, if any."""
    autosave = _own(user, article).only("saved_at", "base_version").first()
    if autosave is None:
        return None
    saved_since = article is not None and autosave.base_version not in (None, article.version)
    return Offer(saved_at=autosave.saved_at, saved_since=saved_since)


def restore_into(form: forms.ModelForm, user: AbstractBaseUser, article: Article | None) -> bool:
    """Show the editor's autosave in the (unbound) form instead of the saved values."""
    autosave = _own(user, article).first()
    if autosave is None:
        return False
    for name, field in form.fields.items():
        if name in NOT_KEPT or field.disabled:
            continue
        values = autosave.data.get(name)
        if isinstance(field.widget, forms.CheckboxInput):
            form.initial[name] = bool(values)
        elif values is None:
            continue
        elif isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            form.initial[name] = values
        else:
            form.initial[name] = values[-1]
    return True


def autosave_view(
    model_admin: ModelAdmin, request: HttpRequest, object_id: str | None = None
) -> JsonResponse:
    """Keep the posted form (unless it is only a sign of life, `changed=0`), and say
    when it was kept and who else has the story open."""
    article = editable_article(model_admin, request, object_id)
    saved_at = None
    if request.GET.get("changed") != "0":
        saved_at = keep(request, article).saved_at
    mark_present(request.user, article)
    # (The admin's views are never cached.)
    return JsonResponse(
        {
            "saved_at": time_format(timezone.localtime(saved_at), "H:i") if saved_at else None,
            "saved": (
                gettext("Saved privately at %(time)s")
                % {"time": time_format(timezone.localtime(saved_at), "H:i")}
                if saved_at
                else None
            ),
            "presence": presence_message(others_present(request.user, article)),
        }
    )


def discard_view(
    model_admin: ModelAdmin, request: HttpRequest, object_id: str | None = None
) -> HttpResponse:
    """Drop the editor's autosave and go back to the form as it was saved."""
    article = editable_article(model_admin, request, object_id)
    forget(request.user, article)
    if article is None:
        return HttpResponseRedirect(reverse("admin:articles_article_add"), status=303)
    return HttpResponseRedirect(
        reverse("admin:articles_article_change", args=[article.pk]), status=303
    )


def autosave_urls(model_admin: ModelAdmin) -> list:
    """The admin addresses the form's autosave posts to, for the add and change forms."""

    def wrap(view: Callable[..., HttpResponse]) -> Callable[..., Any]:
        def bound(request: HttpRequest, object_id: str | None = None) -> HttpResponse:
            return view(model_admin, request, object_id)

        return model_admin.admin_site.admin_view(require_POST(bound))

    return [
        path("autosave/", wrap(autosave_view), name="articles_article_autosave_add"),
        path("autosave/discard/", wrap(discard_view), name="articles_article_autosave_discard_add"),
        path("<path:object_id>/autosave/", wrap(autosave_view), name="articles_article_autosave"),
        path(
            "<path:object_id>/autosave/discard/",
            wrap(discard_view),
            name="articles_article_autosave_discard",
        ),
    ]
