"""The public page cache: always correct, across worker processes and machines.

Every public view is wrapped in `cache_public_page`. A request reads one tiny row, the
content version (`ContentVersion`), and looks its page up under a key that contains it;
that read is the only query of a page served from the cache.
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
import re
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection, transaction
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
# Where the views wrapped in cache_public_page live (newsroom/urls.py, articles/urls.py):
# other addresses (the admin, /healthz, media) skip the page cache without a query.
_LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
PUBLIC_PATHS = re.compile(
    rf"^/(?:(?:{_LANGUAGE_CODES})/news/|api/v1/|sitemap[\w-]*\.xml$|robots\.txt$)"
)
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
    """The next moment public pages change by themselves (a Unix time): the first
    moment after now at which the public rule's answer changes for an article (a
    scheduled article falls due: ArticleQuerySet.next_changes), or an active site
    notice ends; None when nothing is due. One query, a UNION of the first entry of an
    index per part (site notices are few), once per content version
    (_next_change_of)."""
    notices = SiteNotice.objects.active().order_by().values_list("ends_at")
    first, *others = Article.objects.next_changes(timezone.now())
    moments = [moment for (moment,) in first.union(*others, notices, all=True)]
    return min(moments).timestamp() if moments else None


_VERSION_SQL = f"SELECT version FROM {ContentVersion._meta.db_table} WHERE id = {VERSION_ROW}"  # noqa: S608


def remember(request: HttpRequest, name: str, compute: Callable[[], Any]) -> Any:
    """`compute()` kept in the cache for as long as the page cache would keep a page:
    the same content version, until the next scheduled change. For work that many
    pages share, such as the number of articles a listing paginates over. Read from the
    cache once per request, however often the request asks. Computed afresh outside
    cache_public_page (no version known)."""
    version = getattr(request, "content_version", None)
    if version is None:
        return compute()
    key = f"newsroom:memo:{version}:{translation.get_language()}:{name}"
    this_request = vars(request).setdefault("_remembered", {})
    if key not in this_request:
        this_request[key] = _remembered(request, key, compute)
    return this_request[key]


def _remembered(request: HttpRequest, key: str, compute: Callable[[], Any]) -> Any:
    entry = cache.get(key)
    if entry is not None and _still_valid(entry[0]):
        return entry[1]
    value = compute()
    valid_until = _valid_until(request)
    cache.set(key, (valid_until, value), _timeout(valid_until))
    return value


def _valid_until(request: HttpRequest) -> float | None:
    """Until when what this request renders stays current: the next scheduled change,
    looked up once, when something is first rendered to be kept."""
    if request.content_valid_until is _NEXT_CHANGE:
        request.content_valid_until = _next_change_of(request.content_version)
    return request.content_valid_until


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


def _cache_key(request: HttpRequest, version: int) -> str:
    # The language is in most paths, but not in the API's or the sitemap's, whose
    # messages follow the visitor's language (as LocaleMiddleware, further in, picks it).
    language = translation.get_language_from_request(request, check_path=True)
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
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


class PageCacheMiddleware:
    """Answers anonymous GET and HEAD requests from the page cache, and stores the pages
    that `cache_public_page` marks as the same for every visitor.

    It sits near the top of MIDDLEWARE, after the security headers and static files: a
    cached page is answered before sessions, CSRF, authentication, the locale and the
    content security policy are worked out, since the stored answer already carries
    every header they added when it was rendered. So a hit costs one primary-key read
    and one cache lookup, less than a bare view behind the whole stack.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if (
            request.method not in ("GET", "HEAD")
            or not PUBLIC_PATHS.match(request.path_info)
            or _is_private(request)
        ):
            return self.get_response(request)

        # Read before rendering: a change committed during the render bumps the
        # version, so what is stored below under this one is never served again.
        version = current_version()
        key = _cache_key(request, version or 0)
        entry = cache.get(key)
        # An entry is good until the first scheduled change after it was rendered.
        if entry is not None and _still_valid(entry[0]):
            response = entry[1]
            response["X-Cache"] = "hit"
            return _conditional(request, response)

        request.content_version = version or 0
        # Content that falls due during the render expires what it renders. Without a
        # version row (a database flushed by tests), nothing may outlive now.
        request.content_valid_until = time.time() if version is None else _NEXT_CHANGE
        response = self.get_response(request)
        if not getattr(request, "page_is_public", False):
            return response
        if response.cookies or "'nonce-" in response.get("Content-Security-Policy", ""):
            # Set on the way out by an inner middleware: this answer is this visitor's.
            del response["Cache-Control"]
            _mark_private(response)
            return response
        valid_until = request.content_valid_until
        cache.set(key, (valid_until, response), _timeout(valid_until))
        return _conditional(request, response)


_NEXT_CHANGE = object()  # looked up by cache_public_page, once a view will render


def cache_public_page(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Mark what a public view answers as the same for every visitor, so that
    PageCacheMiddleware stores it, with the headers a browser or a CDN needs to keep
    and revalidate it; staff and other visitors with a session get a private copy."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        storable = getattr(request, "content_version", None) is not None
        if storable:
            _valid_until(request)  # before rendering: what falls due meanwhile expires it
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if not (storable and _can_store(request, response)):
            _mark_private(response)
            return response
        # One piece: a feed is written in thousands of small chunks, which the server
        # would send one system call each on every hit (7 ms instead of 1 ms a feed).
        response.content = response.content
        _mark_public(response, time.time())
        response["X-Cache"] = "miss"
        request.page_is_public = True
        return response

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
