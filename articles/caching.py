"""The public page cache: always correct, across worker processes and machines.

Every public view is wrapped in `cache_public_page`. A request reads one tiny row, the
content version (`ContentVersion`), and looks its page up under a key that contains it.
Any change to what public pages show bumps the version in the same transaction as the
change (the signal receivers below), so the next request in every worker, whatever its
cache (local memory per process by default, Redis via CACHE_URL), asks for a key that
nobody has rendered yet: a changed site never serves an old page and nothing is wiped;
old entries simply age out.

Content also changes without anyone saving: a scheduled article becomes due, a site
notice ends. When a page is rendered, the next such moment is stored with it, and the
entry is not used from that moment on. No cron is needed.

Only anonymous GET and HEAD requests are served from and stored in the cache: a request
with a session cookie (staff) or credentials goes straight to the view and is answered
`private, no-store`, as is any response that sets a cookie, uses a CSRF token or the
session. Cached answers carry an ETag and Last-Modified, so browsers and a CDN
revalidate with a 304, and a Cache-Control for a CDN in front (PUBLIC_CACHE_SECONDS).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone, translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from taggit.models import Tag

from .models import (
    Article,
    ArticleSlugRedirect,
    Category,
    ContentVersion,
    GalleryPhoto,
    MediaContact,
    Photo,
    RelatedLink,
    SiteNotice,
    Status,
    TaggedArticle,
)

# What public pages show: a save or delete of any of these changes the content version.
PUBLIC_MODELS: tuple[type, ...] = (
    Article,
    ArticleSlugRedirect,
    Category,
    GalleryPhoto,
    MediaContact,
    Photo,
    RelatedLink,
    SiteNotice,
    Tag,
    TaggedArticle,
)
CACHEABLE_STATUSES = frozenset({200, 301})
VERSION_ROW = 1


def current_version() -> int:
    """The content version: one primary-key lookup of a one-row table."""
    version = ContentVersion.objects.filter(pk=VERSION_ROW).values_list("version", flat=True)
    return next(iter(version), 0)


def content_changed() -> None:
    """Bump the content version. Called by the receivers below in the transaction of the
    change; call it yourself after writes that send no signals (bulk_create, update()).

    The row lock it takes is held until the transaction commits, so concurrent editors'
    bumps queue up rather than get lost; readers never wait for it.
    """
    now = timezone.now()
    with transaction.atomic():
        bumped = ContentVersion.objects.filter(pk=VERSION_ROW).update(
            version=F("version") + 1, changed_at=now
        )
        if not bumped:  # a database that never ran the migration's data step
            ContentVersion.objects.get_or_create(
                pk=VERSION_ROW, defaults={"version": 1, "changed_at": now}
            )


def next_change_at() -> float | None:
    """The next moment public pages change by themselves, as a Unix time: the earliest
    scheduled article falling due or active site notice ending. One query, indexed
    (article_scheduled_idx); None when nothing is scheduled."""
    now = timezone.now()
    scheduled = Article.objects.filter(status=Status.PUBLISHED, published_at__gt=now)
    ending = SiteNotice.objects.filter(is_active=True, ends_at__gt=now)
    row = (
        ContentVersion.objects.filter(pk=VERSION_ROW)
        .annotate(
            due=Subquery(scheduled.order_by("published_at").values("published_at")[:1]),
            ends=Subquery(ending.order_by("ends_at").values("ends_at")[:1]),
        )
        .values("due", "ends")
        .first()
    )
    if row is None:
        # No version row: nothing can be cached safely beyond this request's version.
        return time.time()
    moments: list[datetime] = [moment for moment in (row["due"], row["ends"]) if moment]
    return min(moments).timestamp() if moments else None


def _is_private(request: HttpRequest) -> bool:
    """Staff and anyone else with a session, or credentials, get their own page."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def _cache_key(request: HttpRequest, version: int) -> str:
    # The language is in most paths, but not in the API's or the sitemap's, whose
    # messages follow the active language.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"newsroom:page:{version}:{translation.get_language()}:{digest}"


def _can_store(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Only a complete, anonymous answer that is the same for every visitor."""
    session = getattr(request, "session", None)
    return (
        response.status_code in CACHEABLE_STATUSES
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.accessed)
    )


def _mark_public(response: HttpResponseBase, rendered_at: float) -> None:
    set_response_etag(response)
    response["Last-Modified"] = http_date(rendered_at)
    seconds = settings.PUBLIC_CACHE_SECONDS
    # Browsers revalidate every time (a cheap 304), so readers see edits at once; a CDN
    # in front may keep a page for PUBLIC_CACHE_SECONDS and serve it while refreshing.
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=seconds, stale_while_revalidate=seconds
    )
    patch_vary_headers(response, ["Cookie"])


def _mark_private(response: HttpResponseBase) -> None:
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])


def _conditional(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """A 304 Not Modified when the visitor's copy (If-None-Match, If-Modified-Since)
    is current, else the page."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def cache_public_page(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Serve a public view from the page cache when its content has not changed."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if _is_private(request):
            response = view(request, *args, **kwargs)
            _mark_private(response)
            return response

        key = _cache_key(request, current_version())
        entry = cache.get(key)
        if entry is not None:
            valid_until, response = entry
            if valid_until is None or time.time() < valid_until:
                response["X-Cache"] = "hit"
                return _conditional(request, response)

        # Read before rendering: content that falls due during the render expires it.
        valid_until = next_change_at()
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if not _can_store(request, response):
            _mark_private(response)
            return response
        rendered_at = time.time()
        _mark_public(response, rendered_at)
        timeout = settings.PAGE_CACHE_TIMEOUT
        if valid_until is not None:
            timeout = max(1, min(timeout, int(valid_until - rendered_at) + 1))
        cache.set(key, (valid_until, response), timeout)
        response["X-Cache"] = "miss"
        return _conditional(request, response)

    return wrapped


def _changed(**kwargs: Any) -> None:
    if kwargs.get("raw"):  # loaddata: fixtures are followed by an explicit bump if needed
        return
    content_changed()


def _m2m_changed(action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        content_changed()


for _model in PUBLIC_MODELS:
    post_save.connect(_changed, sender=_model, dispatch_uid=f"page-cache-save-{_model.__name__}")
    post_delete.connect(
        _changed, sender=_model, dispatch_uid=f"page-cache-delete-{_model.__name__}"
    )
for _through in (Article.categories.through, TaggedArticle):
    m2m_changed.connect(
        _m2m_changed, sender=_through, dispatch_uid=f"page-cache-m2m-{_through.__name__}"
    )
