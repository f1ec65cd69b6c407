"""The article form's side of never losing typing (publishing/autosave.py): the offer to
restore unsaved changes, the restore itself, and who else has the story open."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from articles.models import Article

from .. import autosave


class ArticleAutosaveMixin:
    """For ArticleAdmin: call autosave_context() when rendering the form and
    forget_autosave() after a save."""

    def autosave_context(
        self, request: HttpRequest, article: Article | None, form: Any
    ) -> dict[str, Any] | None:
        """What the top of the form says (None when the user may only read it)."""
        if article is not None and not self.has_change_permission(request, article):  # type: ignore[attr-defined]
            return None
        restored = False
        if request.method == "GET":
            autosave.mark_present(request.user, article)
            if "restore" in request.GET:
                restored = autosave.restore_into(form, request.user, article)
        return {
            "interval": autosave.interval(),
            "restored": restored,
            "offer": None if restored else autosave.offer(request.user, article),
            "presence": autosave.presence_message(autosave.others_present(request.user, article)),
        }

    def forget_autosave(self, request: HttpRequest, article: Article, *, added: bool) -> None:
        autosave.forget(request.user, article)
        if added:
            # Typed in the add form, kept before the story had a row.
            autosave.forget(request.user, None)
