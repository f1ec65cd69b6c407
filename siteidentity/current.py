"""The identity every public page shows, read once per content version."""

from __future__ import annotations

from pagecache import caching

from .models import AccessibilityStatement, SiteIdentity


def _load() -> SiteIdentity:
    # The logo's bytes stay in the database: pages only link to it (views.logo).
    return SiteIdentity.objects.defer("logo").first() or SiteIdentity()


def current_identity() -> SiteIdentity:
    """The saved identity, or the defaults (the demo university) before one is saved.
    One query the first time a content version renders a page, none after: saving the
    identity in the admin is a new content version like any other public change."""
    return caching.remember("site-identity", _load)


def statement_for(language: str) -> AccessibilityStatement | None:
    return AccessibilityStatement.objects.filter(language=language).first()
