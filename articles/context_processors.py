"""What every public page's template gets: the site's identity, the site notice, the
language alternates and the page's canonical address."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from pagecache import caching
from siteidentity.current import current_identity

from . import metadata
from .models import SiteNotice


def _alternates(request: HttpRequest) -> dict[str, str]:
    match = request.resolver_match
    if match is None:  # a 404 from the URL resolver: the path as it is in each language
        return {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
    # The values captured from the path; a route's extra arguments (the sitemaps' dict)
    # are the same in every language.
    kwargs = match.captured_kwargs
    alternates = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                alternates[code] = reverse(match.view_name, args=match.args, kwargs=kwargs)
            except NoReverseMatch:
                alternates[code] = request.path
    return alternates


def site(request: HttpRequest) -> dict[str, Any]:
    """Site name, canonical URL, the active notice and the same page in each language.

    Views that know better (an article with translations) pass their own `alternates`,
    which take precedence over these defaults. The notice and the alternates are
    callables, so pages that do not show them (the admin) pay nothing: templates call
    them on first use. A query each for the notice and the identity, once per content
    version.
    """
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        # The organisation: name per language, logo, colours, footer (siteidentity).
        "identity": SimpleLazyObject(current_identity),
        "organization_name": lambda: current_identity().name,
        # Listings add their page number (metadata.canonical_url); no query is copied.
        "canonical_url": lambda: metadata.canonical_url(request.path),
        # Every page shows it: looked up once per content version, not per page.
        "site_notice": lambda: caching.remember(
            "site-notice", lambda: SiteNotice.objects.active().first()
        ),
        # Asked for twice a page (hreflang links, the language switcher): worked out once.
        "alternates": SimpleLazyObject(lambda: _alternates(request)),
    }
