"""Pagination that counts a listing once per content version, not on every page."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from pagecache import caching


class RememberedCountPaginator(Paginator):
    """Counts a listing once per content version, not on every page rendered: counting
    tens of thousands of index entries is the costliest part of a listing page
    (20 to 60 ms at 100,000 articles), and every page of a listing shares it.
    `listing` names what is counted: the same name must mean the same rows; the rows
    are a queryset."""

    def __init__(self, *args: Any, listing: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.listing = listing

    @cached_property
    def count(self) -> int:
        return caching.remember(f"count:{self.listing}", self.object_list.count)
