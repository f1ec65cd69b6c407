"""The logo, the icons made from it, the web app manifest and the accessibility
statement. The logo and icons have the identity's version in their address, so they
are kept by browsers for a year and change address when the identity changes."""

from __future__ import annotations

import json

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from .current import current_identity, statement_for
from .icons import SIZES, draw_icon
from .models import SiteIdentity

_YEAR = "public, max-age=31536000, immutable"
# An SVG opened on its own is a document: nothing in it may run or load.
_SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def _identity_at(version: str) -> SiteIdentity:
    identity = SiteIdentity.objects.first() or SiteIdentity()
    if identity.logo_version != version:
        raise Http404("That logo has been replaced.")
    return identity


@require_safe
def logo(request: HttpRequest, version: str, ext: str) -> HttpResponse:
    identity = _identity_at(version)
    if not identity.logo_type or (ext == "svg") != (identity.logo_type == "image/svg+xml"):
        raise Http404("No such logo.")
    response = HttpResponse(bytes(identity.logo), content_type=identity.logo_type)
    response["Cache-Control"] = _YEAR
    response["Content-Security-Policy"] = _SVG_POLICY
    return response


@require_safe
def icon(request: HttpRequest, version: str, size: int) -> HttpResponse:
    if size not in SIZES:
        raise Http404("No icon of that size.")
    identity = _identity_at(version)
    key = f"newsroom:icon:{version}:{size}"
    png = cache.get(key)
    if png is None:
        png = draw_icon(
            size=size,
            logo=bytes(identity.logo),
            logo_type=identity.logo_type,
            name=identity.name_en,
            colour=identity.brand_colour,
        )
        cache.set(key, png, 86400)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = _YEAR
    return response


@require_safe
def colours(request: HttpRequest, version: str) -> HttpResponse:
    """The brand colours as CSS custom properties that site.css reads: a stylesheet,
    since the Content-Security-Policy admits no inline styles."""
    identity = _identity_at(version)
    css = (
        f":root {{ --color-brand: {identity.brand_colour}; "
        f"--color-highlight: {identity.accent_colour}; }}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = _YEAR
    return response


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest, so a phone's "add to home screen" gets the name and icon."""
    identity = current_identity()
    data = {
        "name": identity.name,
        "short_name": identity.name[:12],
        "start_url": "/",
        "display": "browser",
        "theme_color": identity.brand_colour,
        "background_color": "#ffffff",
        "icons": [
            {"src": identity.icon_url(size), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in (192, 512)
        ],
    }
    return HttpResponse(json.dumps(data), content_type="application/manifest+json")


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The statement in the page's language; while none is written, a page that says
    so and still offers the feedback form."""
    statement = statement_for(translation.get_language())
    return render(
        request,
        "siteidentity/accessibility_statement.html",
        {"statement": statement},
    )
