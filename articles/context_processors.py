from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, reverse, translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from . import caching
from .models import SiteNotice


def _canonical_url(request: HttpRequest) -> str:
    url = settings.SITE_URL + request.path
    page = request.GET.get("page", "")
    if page.isdigit() and page != "1":
        url += f"?page={page}"
    return url


def _alternates(request: HttpRequest) -> dict[str, str]:
    match = request.resolver_match
    if match is None:  # a 404 from the URL resolver: the path as it is in each language
        return {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
    found = dict(
        _same_view_in_each_language(
            get_script_prefix(), match.view_name, tuple(match.args), tuple(match.kwargs.items())
        )
    )
    return {code: found.get(code, request.path) for code, _name in settings.LANGUAGES}


@lru_cache(maxsize=4096)
def _same_view_in_each_language(
    prefix: str, view_name: str, args: tuple, kwargs: tuple
) -> tuple[tuple[str, str], ...]:
    """translate_url() without resolving the path again (the request's match has it),
    remembered per page address: the URL configuration does not change while running."""
    addresses = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                addresses.append((code, reverse(view_name, args=args, kwargs=dict(kwargs))))
            except NoReverseMatch:
                continue
    return tuple(addresses)


def site(request: HttpRequest) -> dict[str, Any]:
    """Site name, canonical URL, the active notice and the same page in each language.

    Views that know better (an article with translations) pass their own `alternates`,
    which take precedence over these defaults. The notice and the alternates are
    callables, so pages that do not show them (the admin) pay nothing: templates call
    them on first use. One query, for the notice.
    """
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "organization_name": settings.ORGANIZATION_NAME,
        "canonical_url": lambda: _canonical_url(request),
        # Every page shows it: looked up once per content version, not per page.
        "site_notice": lambda: caching.remember(
            request, "site-notice", lambda: SiteNotice.objects.active().first()
        ),
        # Asked for twice a page (hreflang links, the language switcher): worked out once.
        "alternates": SimpleLazyObject(lambda: _alternates(request)),
    }
