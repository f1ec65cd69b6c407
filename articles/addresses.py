"""Addresses of named views, worked out once per language and arguments.

`reverse()` costs about 25 µs, and a page asks for a dozen addresses, most of them the
same on every page (the index, the feeds) or of the same few articles: remembered per
language, script prefix and arguments, they cost a dictionary lookup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.urls import get_script_prefix, reverse
from django.utils import translation


def address(name: str, *args: Any, language: str | None = None, **kwargs: Any) -> str:
    """`reverse(name, args, kwargs)` under the prefix of `language` (the active one
    when not given)."""
    return _reverse(
        language or translation.get_language(),
        get_script_prefix(),
        name,
        args,
        tuple(kwargs.items()),
    )


@lru_cache(maxsize=8192)
def _reverse(language: str, _prefix: str, name: str, args: tuple, kwargs: tuple) -> str:
    with translation.override(language):
        return reverse(name, args=args or None, kwargs=dict(kwargs) or None)
