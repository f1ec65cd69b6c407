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
from datetime import UTC, datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
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
from django.utils.dateparse import parse_datetime
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


def content_state() -> tuple[int, float | None]:
    """The content version, and the next moment public pages change by themselves (a
    Unix time): the earliest scheduled article falling due or active site notice
    ending; None when nothing is scheduled.

    One query, a primary-key lookup with two subqueries that read the first entry of an
    index each (article_scheduled_idx; site notices are few): 0.05 ms in PostgreSQL, one
    round trip, on every request. Written as SQL because compiling the same query with
    the ORM took 3 ms of Python, more than serving the cached page itself.
    """
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(_STATE_SQL, [Status.PUBLISHED, now, True, now, VERSION_ROW])
        row = cursor.fetchone()
    if row is None:
        # No version row yet (a database flushed by tests): nothing may outlive now.
        return 0, time.time()
    version, *moments = row
    moments = [_as_datetime(moment) for moment in moments if moment is not None]
    return version, (min(moments).timestamp() if moments else None)


_STATE_SQL = f"""
    SELECT v.version,
        (SELECT a.published_at FROM {Article._meta.db_table} a
          WHERE a.status = %s AND a.published_at > %s ORDER BY a.published_at LIMIT 1),
        (SELECT n.ends_at FROM {SiteNotice._meta.db_table} n
          WHERE n.is_active = %s AND n.ends_at > %s ORDER BY n.ends_at LIMIT 1)
    FROM {ContentVersion._meta.db_table} v WHERE v.id = %s
"""  # noqa: S608 (table names from the models, values as parameters)


def _as_datetime(value: datetime | str) -> datetime:
    """SQLite returns a subquery's timestamp as text, in UTC."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


def remember(request: HttpRequest, name: str, compute: Callable[[], Any]) -> Any:
    """`compute()` kept in the cache for as long as the page cache would keep a page:
    the same content version, until the next scheduled change. For work that many
    pages share, such as the number of articles a listing paginates over. Computed
    afresh outside cache_public_page (no version known)."""
    version = getattr(request, "content_version", None)
    if version is None:
        return compute()
    key = f"newsroom:memo:{version}:{translation.get_language()}:{name}"
    entry = cache.get(key)
    if entry is not None and _still_valid(entry[0]):
        return entry[1]
    value = compute()
    valid_until = request.content_valid_until
    cache.set(key, (valid_until, value), _timeout(valid_until))
    return value


def _still_valid(valid_until: float | None) -> bool:
    return valid_until is None or time.time() < valid_until


def _timeout(valid_until: float | None) -> int:
    timeout = settings.PAGE_CACHE_TIMEOUT
    if valid_until is not None:
        timeout = max(1, min(timeout, int(valid_until - time.time()) + 1))
    return timeout


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

        # Read before rendering: content that falls due during the render expires it.
        version, valid_until = content_state()
        key = _cache_key(request, version)
        entry = cache.get(key)
        # An entry is good until the first scheduled change after it was rendered.
        if entry is not None and _still_valid(entry[0]):
            response = entry[1]
            response["X-Cache"] = "hit"
            return _conditional(request, response)

        request.content_version, request.content_valid_until = version, valid_until
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if not _can_store(request, response):
            _mark_private(response)
            return response
        # One piece: a feed is written in thousands of small chunks, which the server
        # would send one system call each on every hit (7 ms instead of 1 ms a feed).
        response.content = response.content
        _mark_public(response, time.time())
        cache.set(key, (valid_until, response), _timeout(valid_until))
        response["X-Cache"] = "miss"
        return _conditional(request, response)

    return wrapped


def _changed(**kwargs: Any) -> None:
    # Raw saves (loaddata) too: fixtures change what pages show like any other save.
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
