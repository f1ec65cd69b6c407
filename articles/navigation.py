"""The category list that listings, search and feeds share, remembered per content version."""

from __future__ import annotations

from django.http import Http404

from pagecache import caching

from .models import Category


def all_categories() -> list[Category]:
    """The category navigation of the listings and search: once per content version."""
    return caching.remember("categories", lambda: list(Category.objects.all()))


def category_at(slug: str) -> Category:
    """The category whose address is `slug`, from the remembered list (no query)."""
    for category in all_categories():
        if category.slug == slug:
            return category
    raise Http404("No category at this address")
