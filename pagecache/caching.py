"""The public page cache: always correct, across worker processes and machines.

This file is the whole page cache. Public views are marked cacheable in one place, the
URL configuration, by wrapping them in `cache_public_page` (which also names the query
parameters the view reads; the others are not part of the page's address).
`PageCacheMiddleware` resolves each request's path: for a marked view it reads one tiny
row, the content version (`ContentVersion`), and looks the page up under a key that
contains it; that read is the only query of a page served from the cache.
Any change to a row that public pages may show (any model outside PRIVATE_APPS) bumps
the version in the same transaction as the change (the signal receivers at the end of
this file), so the next request in every worker, whatever its
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
revalidate with a 304, and a Cache-Control for a proxy or CDN in front
(PUBLIC_CACHE_SECONDS, never past the next scheduled change); pagecache.purge tells
those of every change once it commits.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from functools import wraps
from typing import Any, NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe, urlencode
from django.utils.module_loading import import_string

from . import purge
from .models import ContentVersion
from .purge_backends import PAGES_TAG

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
        if purge.configured():  # proxies and CDNs in front drop their pages once it commits
            transaction.on_commit(purge.pages_changed)


def current_version() -> int | None:
    """The content version (None before the migration's row exists): all a cache hit
    needs to know, since an entry carries the moment it expires itself. Paid on every
    request, so the cheapest read there is: one row by primary key, written as SQL
    because the ORM spends longer building and reading it than PostgreSQL spends
    answering (measured in process: 0.46 against 0.15 ms a read, where a whole cache
    hit costs about 0.4 ms).

    Django's connection health check (CONN_HEALTH_CHECKS, a SELECT 1 of 0.07 ms)
    replaces a connection that went away between requests (a database restart) before
    this read. One that goes away without Django noticing fails the read, is closed,
    and the read is tried once more on a new connection.
    """
    for attempt in (1, 2):
        try:
            with connection.cursor() as cursor:
                cursor.execute(_VERSION_SQL)
                row = cursor.fetchone()
            return row[0] if row else None
        except (InterfaceError, OperationalError):
            if attempt == 2 or connection.in_atomic_block:
                raise
            connection.close()
    raise AssertionError("unreachable")


def next_change() -> float | None:
    """The next moment public pages change by themselves (a Unix time), e.g. a scheduled
    article falls due; None when nothing is due. The content knows: the function named
    by settings.PAGE_CACHE_NEXT_CHANGE answers, read once per content version
    (_next_change_of)."""
    return import_string(settings.PAGE_CACHE_NEXT_CHANGE)()


_VERSION_SQL = f"SELECT version FROM {ContentVersion._meta.db_table} WHERE id = {VERSION_ROW}"  # noqa: S608


class _Render(NamedTuple):
    """What a page being rendered for the cache is rendered at: the content version,
    and until when it stays current (the next scheduled change, looked up on first
    need: None until then)."""

    version: int
    valid_until: list[float | None]  # one item, set when first asked for


# Set by PageCacheMiddleware while a public page renders, for remember(); nothing else
# reads it. A context variable, so threads and async tasks each have their own.
_rendering: ContextVar[_Render | None] = ContextVar("page_cache_rendering", default=None)
_UNKNOWN = object()


def remember(name: str, compute: Callable[[], Any]) -> Any:
    """`compute()` kept in the cache for as long as the page being rendered will be: the
    same content version, until the next scheduled change. For work that many pages
    share, such as the number of articles a listing paginates over. Computed afresh
    when no public page is being rendered (the admin, staff previews)."""
    render = _rendering.get()
    if render is None:
        return compute()
    key = f"newsroom:memo:{render.version}:{translation.get_language()}:{name}"
    entry = cache.get(key)
    if entry is not None and _still_valid(entry[0]):
        return entry[1]
    value = compute()
    valid_until = _valid_until(render)
    cache.set(key, (valid_until, value), _timeout(valid_until))
    return value


def _valid_until(render: _Render) -> float | None:
    if render.valid_until[0] is _UNKNOWN:
        render.valid_until[0] = _next_change_of(render.version)
    return render.valid_until[0]


def _next_change_of(version: int) -> float | None:
    """next_change(), read once per content version rather than on every page rendered.
    It stays right until the moment it names: what is scheduled cannot change without a
    save, and a save is a new version. Once that moment has passed, it is read again
    (the next article in line)."""
    key = f"newsroom:next-change:{version}"
    entry = cache.get(key)
    if entry is not None and _still_valid(entry[0]):
        return entry[0]
    moment = next_change()
    cache.set(key, (moment,), _timeout(moment))
    return moment


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


def _cache_key(request: HttpRequest, version: int, reads: frozenset[str]) -> str:
    """The page's key: version, language, scheme, host, path and only the query
    parameters the view reads, so `?utm_source=…` or `?x=<random>` is the same page (a
    visitor cannot make the site render a page per request)."""
    # The language is in most paths, but not in the API's or the sitemap's, whose
    # messages follow the visitor's language (as LocaleMiddleware, further in, picks it).
    language = translation.get_language_from_request(request, check_path=True)
    query = urlencode(sorted((k, v) for k, vs in request.GET.lists() if k in reads for v in vs))
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"newsroom:page:{version}:{language}:{digest}"


def _can_store(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Only a complete, anonymous answer that is the same for every visitor."""
    session = getattr(request, "session", None)
    return (
        response.status_code in CACHEABLE_STATUSES
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and "'nonce-" not in response.get("Content-Security-Policy", "")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.accessed)
    )


def _mark_public(response: HttpResponseBase, rendered_at: float) -> None:
    set_response_etag(response)
    response["Last-Modified"] = http_date(rendered_at)
    response["Cache-Tag"] = PAGES_TAG  # what a purge of a proxy or CDN drops (purge.py)
    patch_vary_headers(response, ["Cookie"])


def _share(response: HttpResponseBase, version: int | None, valid_until: float | None) -> None:
    """Cache-Control of each answer of a public page. Browsers revalidate every time (a
    cheap 304), so readers see edits at once. A proxy or CDN in front may keep the page
    PUBLIC_CACHE_SECONDS and serve it as long again while refreshing, but never past the
    next scheduled change: then it drops the page on time without a purge."""
    fresh = stale = settings.PUBLIC_CACHE_SECONDS
    if valid_until is not None:
        left = max(0, math.floor(valid_until - time.time()))
        fresh = min(fresh, left)
        stale = min(stale, left - fresh)
    if purge.configured() and current_version() != version:
        # Changed while this answer was being made: its purge may have reached the proxy
        # before the answer does, and would not drop it.
        fresh = stale = 0
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=fresh, stale_while_revalidate=stale
    )


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


def _public_page(request: HttpRequest) -> frozenset[str] | None:
    """The query parameters read by the view at this address, when `cache_public_page`
    marked it; None for every other address (the admin, /healthz, media)."""
    path = request.path_info
    # The language prefix of the path is matched against the active language, which
    # LocaleMiddleware (further in) has not set yet.
    with translation.override(translation.get_language_from_path(path)):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    return getattr(match.func, "page_cache_reads", None)


class PageCacheMiddleware:
    """Answers anonymous GET and HEAD requests for the views that `cache_public_page`
    marks from the page cache, and stores what those views answer.

    It sits near the top of MIDDLEWARE, after the security headers and static files: a
    cached page is answered before sessions, CSRF, authentication, the locale and the
    content security policy are worked out, since the stored answer already carries
    every header they added when it was rendered. So a hit costs one primary-key read
    and one cache lookup, less than a bare view behind the whole stack.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        reads = _public_page(request)
        if reads is None:
            return self.get_response(request)
        if _is_private(request):
            # Staff and other visitors with a session: their own page, kept nowhere.
            response = self.get_response(request)
            _mark_private(response)
            return response

        # Read before rendering: a change committed during the render bumps the
        # version, so what is stored below under this one is never served again.
        version = current_version()
        key = _cache_key(request, version or 0, reads)
        entry = cache.get(key) if settings.PAGE_CACHE else None
        # An entry is good until the first scheduled change after it was rendered.
        if entry is not None and _still_valid(entry[0]):
            response = entry[1]
            response["X-Cache"] = "hit"
            _share(response, version, entry[0])
            return _conditional(request, response)

        # Without a version row (a database flushed by tests), nothing may outlive now.
        render = _Render(version or 0, [time.time() if version is None else _UNKNOWN])
        # What falls due while the page renders expires it: looked up before rendering.
        _valid_until(render)
        token = _rendering.set(render)
        try:
            response = self.get_response(request)
        finally:
            _rendering.reset(token)
        if not _can_store(request, response):
            _mark_private(response)
            return response
        # One piece: a feed is written in thousands of small chunks, which the server
        # would send one system call each on every hit (7 ms instead of 1 ms a feed).
        response.content = response.content
        _mark_public(response, time.time())
        response["X-Cache"] = "miss"
        valid_until = _valid_until(render)
        if settings.PAGE_CACHE:
            cache.set(key, (valid_until, response), _timeout(valid_until))
        _share(response, version, valid_until)
        return _conditional(request, response)


def cache_public_page(
    view: Callable[..., HttpResponseBase], *, reads: Iterable[str] = ()
) -> Callable[..., HttpResponseBase]:
    """Mark `view` as answering the same to every visitor, so that PageCacheMiddleware
    keeps its answers. `reads`: the query parameters it reads (all others are left out
    of the cache key). The one place a view is declared cacheable: newsroom/urls.py and
    articles/urls.py wrap their public views in it."""

    @wraps(view)
    def public(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return view(request, *args, **kwargs)

    public.page_cache_reads = frozenset(reads)  # type: ignore[attr-defined]
    return public


# Invalidation: every saved or deleted row of a model that public pages may show bumps
# the version. That is every model but those of the apps below, whose rows no public
# page reads: a new content model is covered without being listed anywhere.
# ("publishing" keeps the editors' review notes, autosaves and presence; "feedback" the
# readers' messages.)
PRIVATE_APPS = frozenset(
    {"admin", "auth", "axes", "contenttypes", "feedback", "publishing", "reversion", "sessions"}
)


def _shown_publicly(model: type) -> bool:
    return (
        model._meta.app_label not in PRIVATE_APPS
        and model is not ContentVersion
        # Migrations' historical models (their own app registry) change no page yet.
        and model._meta.apps is apps
    )


def _changed(sender: type, **kwargs: Any) -> None:
    # Raw saves (loaddata) too: fixtures change what pages show like any other save.
    if _shown_publicly(sender):
        content_changed()


def _m2m_changed(sender: type, action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear") and _shown_publicly(sender):
        content_changed()


post_save.connect(_changed, dispatch_uid="page-cache-save")
post_delete.connect(_changed, dispatch_uid="page-cache-delete")
m2m_changed.connect(_m2m_changed, dispatch_uid="page-cache-m2m")
