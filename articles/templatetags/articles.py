"""Template helpers for the public news pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from ..sanitize import sanitize_html

register = template.Library()


@register.filter
def sanitized(html: str) -> SafeString:
    """Render stored rich text, passing it through the allow-list once more."""
    # mark_safe is right here: the value has just been reduced to the allow-list.
    return mark_safe(sanitize_html(html))  # noqa: S308


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict[str, Any]:
    """Links to this page in each language: the translation when the view knows one,
    else that language's news index. Each link passes through choose_language, which
    remembers the choice for `/` and then goes on to the page."""
    alternates = context.get("alternates")
    if callable(alternates):
        alternates = alternates()
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = (alternates or {}).get(code)
        if not url:
            with translation.override(code):
                url = reverse("articles:index")
        info = translation.get_language_info(code)
        choose = reverse("choose_language", kwargs={"language": code})
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": f"{choose}?{urlencode({'next': url})}",
                "current": code == current,
            }
        )
    return {"links": links}
