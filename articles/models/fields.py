"""Model fields and indexes of our own: sanitised rich text, the search vector index."""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.indexes import GinIndex
from django.db import models

from ..sanitize import EDITOR_EXTENSIONS, sanitize_html


class SearchVectorIndex(GinIndex):
    """A GIN index on PostgreSQL; elsewhere a plain index, so that SQLite (which has no
    GIN and leaves the search vector empty) can still create and rebuild the table."""

    def create_sql(
        self, model: type[models.Model], schema_editor: Any, using: str = "", **kwargs: Any
    ) -> Any:
        if schema_editor.connection.vendor == "postgresql":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        return models.Index.create_sql(self, model, schema_editor, **kwargs)


class SanitizedHTMLField(models.TextField):
    """Rich text that is reduced to the allow-list whenever it is written."""

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs: Any) -> Any:
        """The rich-text editor, offering only what the allow-list keeps; its input is
        sanitised by the same `sanitize_html` when the form is cleaned, and counts as
        changed only when the sanitised text does."""
        from ..forms import SanitizedHTMLFormField

        defaults = {
            "form_class": SanitizedHTMLFormField,
            "config": {"extensions": EDITOR_EXTENSIONS},
            "sanitize": sanitize_html,
        }
        return super().formfield(**{**defaults, **kwargs})
