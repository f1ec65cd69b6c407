"""Django's Jinja2 backend with one difference: what the view passes wins over what the
context processors add, as with Django's own templates (the article page's
`alternates`, its translations, over the default for every page)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.backends import jinja2
from django.utils.functional import cached_property
from django.utils.module_loading import import_string


class Jinja2(jinja2.Jinja2):
    def get_template(self, template_name: str) -> Template:
        return Template(super().get_template(template_name).template, self)

    @cached_property
    def template_context_processors(self) -> list:
        return []  # applied by Template.render, before the view's context

    @cached_property
    def processors(self) -> list:
        return [import_string(path) for path in self.context_processors]


class Template(jinja2.Template):
    backend: Jinja2

    def render(
        self, context: dict[str, Any] | None = None, request: HttpRequest | None = None
    ) -> str:
        values: dict[str, Any] = {}
        if request is not None:
            for processor in self.backend.processors:
                values.update(processor(request))
        values.update(context or {})
        return super().render(values, request)

    @property
    def name(self) -> str:  # as Django's templates have, for response.templates in tests
        return self.template.name
