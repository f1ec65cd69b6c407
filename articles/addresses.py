"""Absolute addresses, for what is read away from the site: feeds, sitemaps, the API."""

from django.conf import settings


def absolute_url(url: str) -> str:
    """`url` made absolute with SITE_URL, for feeds, sitemaps, social tags and the API,
    which must not depend on the host a request happened to use."""
    if url.startswith(("http://", "https://", "//")):
        return url
    return settings.SITE_URL + url
