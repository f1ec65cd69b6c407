"""Filters and functions of the public pages' templates (see articles.templating)."""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from ..metadata import OG_LOCALES
from ..sanitize import sanitize_html


def sanitized(html: str) -> SafeString:
    """Render stored rich text, passing it through the allow-list once more."""
    # mark_safe is right here: the value has just been reduced to the allow-list.
    return mark_safe(sanitize_html(html))  # noqa: S308


def language_links(alternates: dict[str, str] | None) -> tuple[dict[str, Any], ...]:
    """Links to this page in each language: the translation when the view knows one,
    else that language's news index. Each link passes through choose_language, which
    remembers the choice for `/` and then goes on to the page."""
    return _language_links(
        translation.get_language(), get_script_prefix(), tuple((alternates or {}).items())
    )


@lru_cache(maxsize=4096)
def _language_links(
    current: str, prefix: str, alternates: tuple[tuple[str, str], ...]
) -> tuple[dict[str, Any], ...]:
    """Remembered per page address: the same alternates give the same links."""
    alternates = dict(alternates)
    links = []
    for code, _name in settings.LANGUAGES:
        url = alternates.get(code)
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
    return tuple(links)


# What json.dumps leaves that could end a <script> element or start a comment in it.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: Any) -> SafeString:
    """`data` as a JSON-LD <script> element, escaped like Django's json_script so that
    no text in it (a headline with '</script>') can close the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 – escaped just above
    )


def og_locale(language: str) -> str:
    return OG_LOCALES.get((language or "")[:2], "en_GB")


def machine_datetime(value: datetime | None) -> str:
    """A `<time datetime>` value: local time to the second with its offset
    ("2025-03-05T09:30:00+02:00"). Django's `date:'c'` keeps microseconds, which HTML's
    date-time syntax does not allow (at most three fraction digits)."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


def lockout_message(limit: int) -> str:
    """The lockout page's explanation (a plural, so made here where makemessages finds
    it; see articles.templating)."""
    return ngettext(
        "Logging in failed %(limit)s time in a row, so logging in with this username "
        "from your address is blocked for a while.",
        "Logging in failed %(limit)s times in a row, so logging in with this username "
        "from your address is blocked for a while.",
        limit,
    ) % {"limit": limit}
