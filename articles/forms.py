"""The rich-text body's form field: the editor, and a change counted only when the
sanitised text changes."""

from __future__ import annotations

from typing import Any

from django_prose_editor.fields import ProseEditorFormField

from .sanitize import sanitize_html


class SanitizedHTMLFormField(ProseEditorFormField):
    """django-prose-editor's field, comparing bodies as they would be stored.

    A browser submits a textarea's line breaks as CRLF, while stored HTML (the demo
    content, imports) has plain LF between its blocks: compared as text, an untouched
    body would count as changed, and the history would say "Changed Body" for a save
    that changed only the lead. Both sides go through `sanitize_html`, which reads
    HTML as a browser does, line breaks included.
    """

    def has_changed(self, initial: Any, data: Any) -> bool:
        if self.disabled:
            return False
        return sanitize_html(initial or "") != sanitize_html(self.to_python(data) or "")
