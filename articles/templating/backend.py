"""Django's Jinja2 backend, made to behave like Django's own templates in two ways: what
the view passes wins over what the context processors add (the article page's
`alternates`, its translations, over the default for every page), and each render is
announced with the template_rendered signal, so the test client's `response.context`
and `response.templates` work for these pages too (a signal nobody listens to costs
next to nothing)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.backends import jinja2
from django.test.signals import template_rendered
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
        template_rendered.send(sender=self, template=self, context=values)
        return super().render(values, request)

    @property
    def name(self) -> str:
        return self.template.name
