"""Every URL pattern of the site, given hostile path parts and query values, never answers 5xx."""

from __future__ import annotations

import functools
import itertools
import logging
import re
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Status
from discovery.sitemaps import SITEMAPS
from photos import renditions
from publishing.previews import preview_token
from siteidentity.models import SiteIdentity
from tests.factories import make_article, make_category, make_person, make_photo, make_user

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]
_LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 1"><rect width="4" height="1"/></svg>'
)

# Every query parameter a view (or the framework under it) reads, and who reads it. A test
# below records what the views ask request.GET for and fails on a name missing here.
QUERY_PARAMETERS = {
    "page": "listings (ListView), search, the API, the canonical URL (context processor)",
    "page_size": "the API",
    "language": "the API filter",
    "category": "the API filter, search",
    "tag": "the API filter",
    "updated_since": "the API filter",
    "q": "search",
    "next": "the language switch, the admin login",
    "p": "the sitemap sections (django.contrib.sitemaps)",
    "sent": "the feedback form's thanks (and its `page`, the page written about)",
}

# Of the admin, only the login page is public; the rest answers staff alone.
ADMIN_ROUTES_KEPT = {"admin:login"}

# Hostile values as they are written in the URL: percent-encodings stay encoded so that
# Django decodes them as it would a real request's; anything else is sent as it is.
HOSTILE = [
    "\x00",
    "%00",
    "a%00b",
    "A" * 10_000,
    "%ff%fe",
    "%c3%28",
    "%80",
    "%ed%a0%80",  # an encoded UTF-16 surrogate
    "-1",
    "0",
    "99999999999999999999",
    "1e309",
    "NaN",
    "..",
    "../..",
    "%2F",
    "%2f..%2f",
    "..%2f..%2fetc%2fpasswd",
    "%",
    "%zz",
    "%%",
    "ünïcödé-漢字-🙂",
    "%F0%9F%99%82",
    "\u202e\ufeff",
    " ",
    "%20%09%0a%0d",
    "<script>alert(1)</script>",
    "'\"",
    "%3F%23%26%3D",
    "[]",
]

LANGUAGE_PREFIX = "(language prefix)"


@dataclass(frozen=True)
class Slot:
    """A part of a URL pattern that the view takes as an argument."""

    name: str


@dataclass(frozen=True)
class Route:
    """One URL pattern as literal text and slots, in one language for i18n_patterns."""

    name: str
    pieces: tuple[str | Slot, ...]
    language: str | None

    @property
    def slots(self) -> list[str]:
        return [piece.name for piece in self.pieces if isinstance(piece, Slot)]

    def path(self, values: dict[str, str]) -> str:
        return "/" + "".join(
            values[piece.name] if isinstance(piece, Slot) else piece for piece in self.pieces
        )


@dataclass(frozen=True)
class Content:
    """A small published site: the values that make each route a real page."""

    article_pk: int
    article_slug: str
    draft_pk: int
    category_slug: str
    tag_slug: str
    author_slug: str
    media_path: str
    preview_token: str
    brand_version: str  # the site identity's logo and icons (siteidentity.urls)

    def choices(self, route: Route, slot: str) -> list[str]:
        """The values of `slot` that make `route` an existing page (a few, or one)."""
        by_route = {
            ("news:category", "slug"): [self.category_slug],
            ("news:category-feed", "slug"): [self.category_slug],
            ("news:category-atom", "slug"): [self.category_slug],
            ("news:tag", "slug"): [self.tag_slug],
            ("news:author", "slug"): [self.author_slug],
            ("news:author-feed", "slug"): [self.author_slug],
            ("news:author-atom", "slug"): [self.author_slug],
            ("news:preview", "pk"): [str(self.draft_pk)],
            ("brand-logo", "ext"): ["svg"],
            ("brand-icon", "size"): ["32"],
        }
        by_slot = {
            LANGUAGE_PREFIX: [route.language or ""],
            "pk": [str(self.article_pk)],
            "slug": [self.article_slug],
            "token": [self.preview_token],
            "section": list(SITEMAPS),
            "language": ["fi"],
            "path": [self.media_path],
            "version": [self.brand_version],
        }
        return by_route.get((route.name, slot), by_slot.get(slot, ["1"]))

    def samples(self, route: Route) -> dict[str, str]:
        """Path parts that make `route` an existing page."""
        return {slot: self.choices(route, slot)[0] for slot in route.slots}

    def pages(self, route: Route) -> list[str]:
        """Every existing page of `route` its choices make (each sitemap section, say)."""
        combinations = itertools.product(*(self.choices(route, slot) for slot in route.slots))
        return [route.path(dict(zip(route.slots, values, strict=True))) for values in combinations]


@dataclass
class Failure:
    method: str
    path: str
    query: str
    as_staff: bool
    outcome: str  # the exception and where it was raised, or the status
    message: str = ""  # the exception's message

    @property
    def request(self) -> str:
        # The query as its bytes read in UTF-8 (the path is already text).
        query = self.query.encode("latin-1").decode(errors="backslashreplace")
        url = self.path + (f"?{query}" if query else "")
        shown = repr(url) if len(url) <= 160 else f"{url[:150]!r}… ({len(url)} characters)"
        return f"{self.method} {shown}" + (" (as staff)" if self.as_staff else "")


# The URL configuration, walked.

# A route's `<converter:parameter>` parts, as Django's own route syntax has them.
_ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")


def _route_text_pieces(route: str) -> list[str | Slot]:
    pieces: list[str | Slot] = []
    position = 0
    for match in _ROUTE_PARAMETER.finditer(route):
        pieces += [route[position : match.start()], Slot(match["parameter"])]
        position = match.end()
    return [*pieces, route[position:]]


def _regex_pieces(regex: str) -> list[str | Slot]:
    """A regex pattern's literal text and named groups; anything else it cannot write as
    a path fails loudly, so that this test learns the new pattern rather than skip it."""
    text = regex.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    pieces: list[str | Slot] = []
    literal, position = "", 0
    while position < len(text):
        if text.startswith("(?P<", position):
            name = text[position + 4 : text.index(">", position)]
            depth, end = 0, position
            while True:
                if text[end] == "\\":
                    end += 2
                    continue
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                if depth == 0:
                    break
                end += 1
            pieces += [literal, Slot(name)]
            literal, position = "", end + 1
        elif text[position] == "\\":
            literal += text[position + 1]
            position += 2
        elif text[position] in "()[]{}*+?|^$":
            raise ValueError(f"Cannot write the URL pattern {regex!r} as a path: teach me.")
        else:
            literal += text[position]
            position += 1
    return [*pieces, literal]


def _pattern_pieces(pattern: object) -> list[str | Slot]:
    if isinstance(pattern, LocalePrefixPattern):
        prefix = pattern.language_prefix
        return [Slot(LANGUAGE_PREFIX), "/"] if prefix else []
    if isinstance(pattern, RoutePattern):
        return _route_text_pieces(str(pattern))
    if isinstance(pattern, RegexPattern):
        return _regex_pieces(pattern.regex.pattern)
    raise TypeError(f"Unknown kind of URL pattern {pattern!r}: teach me.")


def _walk(resolver: URLResolver, patterns: tuple, namespaces: tuple) -> Iterator[tuple[str, tuple]]:
    """(name, the patterns from the root to it) of every URL pattern under `resolver`."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = (entry.namespace,) if entry.namespace else ()
            yield from _walk(entry, (*patterns, entry.pattern), (*namespaces, *namespace))
        elif isinstance(entry, URLPattern):
            name = ":".join((*namespaces, entry.name or entry.lookup_str))
            yield name, (*patterns, entry.pattern)


@functools.cache
def all_routes() -> tuple[Route, ...]:
    """Every URL pattern of the project, the i18n ones once per language."""
    routes: dict[Route, None] = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name, patterns in _walk(get_resolver(), (), ()):
                if name.startswith("admin:") and name not in ADMIN_ROUTES_KEPT:
                    continue
                merged: list[str | Slot] = []
                for piece in (piece for p in patterns for piece in _pattern_pieces(p)):
                    if isinstance(piece, str) and merged and isinstance(merged[-1], str):
                        merged[-1] += piece  # neighbouring literals joined, empty ones dropped
                    elif piece != "":
                        merged.append(piece)
                in_i18n = any(isinstance(p, LocalePrefixPattern) for p in patterns)
                routes[Route(name, tuple(merged), code if in_i18n else None)] = None
    return tuple(routes)


# Requests, with every exception and 5xx collected rather than raised.


def _where(error: BaseException) -> str:
    """The exception, the innermost frame of the project's own code it went through, the
    frame that raised it, and what it was raised while handling (a 404, say)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [
        frame
        for frame in frames
        if Path(frame.filename).is_relative_to(PROJECT)
        and not Path(frame.filename).is_relative_to(PROJECT / ".venv")
        and not Path(frame.filename).is_relative_to(PROJECT / "tests")
    ]
    shown = [ours[-1]] if ours else []
    if frames and frames[-1] not in shown:
        shown.append(frames[-1])
    lines = [type(error).__name__, *map(_frame, shown)]
    context = error.__context__
    if context is not None and error.__cause__ is None:
        lines.append(f"while handling {type(context).__name__}")
        lines += map(_frame, traceback.extract_tb(context.__traceback__)[-1:])
    return "\n    ".join(lines)


def _frame(frame: traceback.FrameSummary) -> str:
    file = Path(frame.filename)
    file = file.relative_to(PROJECT) if file.is_relative_to(PROJECT) else file
    return f"at {file}:{frame.lineno} in {frame.name}: {frame.line}"


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    location: str


def fetch(client: Client, method: str, path: str, query: str = "", *, as_staff: bool = False):
    """(Answer, None), or (Answer or None, Failure) for a 5xx or an exception. `query` is
    sent as the raw QUERY_STRING (a latin-1 string of the bytes, as WSGI has it)."""
    try:
        # A savepoint: a database error must not spoil the requests that follow.
        with transaction.atomic():
            response = client.generic(method, path, QUERY_STRING=query)
            # A streamed answer (a media file) is read to its end, as a server would.
            body = b"".join(response.streaming_content) if response.streaming else response.content
    except Exception as error:
        return None, Failure(method, path, query, as_staff, _where(error), str(error)[:120])
    answer = Answer(response.status_code, body, response.get("Location", ""))
    if answer.status >= 500:
        return answer, Failure(method, path, query, as_staff, f"status {answer.status}")
    return answer, None


def _report(failures: list[Failure]) -> str:
    """Every failed request, grouped by what went wrong."""
    by_outcome: dict[str, list[Failure]] = {}
    for failure in failures:
        by_outcome.setdefault(failure.outcome, []).append(failure)
    lines = [f"{len(failures)} requests answered a server error:"]
    for outcome, group in by_outcome.items():
        lines += ["", outcome]
        lines += [f"  {failure.request}: {failure.message!r}" for failure in group]
    return "\n".join(lines)


def _wire_query(text: str) -> str:
    """A query string written as text, as WSGI hands it on (UTF-8 bytes as latin-1)."""
    return text.encode().decode("latin-1")


# The site.


@pytest.fixture(autouse=True)
def _quiet_request_log(caplog):
    """Thousands of 404s and 400s are expected here; the failures are listed by the
    assertions, with their exceptions, so the request log would only bury them."""
    for name in ("django.request", "django.security"):
        caplog.set_level(logging.CRITICAL + 1, logger=name)


@pytest.fixture
def content() -> Content:
    research = make_category(
        name_en="Research", name_fi="Tutkimus", name_sv="Forskning", slug="research"
    )
    photo = make_photo(size=(480, 320))
    author = make_person("Anna Virtanen", slug="anna-virtanen")
    english = make_article(
        slug="campus-news",
        categories=[research],
        tags=["sustainability"],
        hero_photo=photo,
        authors=[author],
    )
    for language in ("fi", "sv"):
        make_article(
            slug="campus-news",
            language=language,
            translation_of=english,
            categories=[research],
            tags=["sustainability"],
            hero_photo=photo,
        )
    draft = make_article(status=Status.DRAFT, categories=[research])
    identity = SiteIdentity(logo=_LOGO, logo_type="image/svg+xml", logo_width=4, logo_height=1)
    identity.save()
    share = renditions.share_image(photo)
    assert share is not None
    return Content(
        article_pk=english.pk,
        article_slug=english.slug,
        draft_pk=draft.pk,
        category_slug=research.slug,
        tag_slug="sustainability",
        author_slug=author.slug,
        media_path=share[0].removeprefix(settings.MEDIA_URL),
        preview_token=preview_token(draft),
        brand_version=identity.logo_version,
    )


@pytest.fixture
def staff_client() -> Client:
    staff = Client()
    staff.force_login(make_user("edith", role="Editor"))
    return staff


def _needs_login(answer: Answer) -> bool:
    return answer.status == 302 and answer.location.startswith(reverse("admin:login"))


def _staff_routes(client: Client, content: Content) -> list[Route]:
    """The routes that send an anonymous visitor to the login page (the previews)."""
    needing = []
    for route in all_routes():
        answer, _failure = fetch(client, "GET", route.path(content.samples(route)))
        if answer is not None and _needs_login(answer):
            needing.append(route)
    return needing


def _routes_in_one_language() -> list[Route]:
    """Each pattern once; the i18n ones in the languages in turn (the view is the same)."""
    codes = [code for code, _name in settings.LANGUAGES]
    names = list(dict.fromkeys(route.name for route in all_routes()))
    chosen = []
    for index, name in enumerate(names):
        versions = {route.language: route for route in all_routes() if route.name == name}
        chosen.append(versions.get(None) or versions[codes[index % len(codes)]])
    return chosen


# The tests.


def test_the_walk_finds_every_kind_of_public_page():
    names = {route.name for route in all_routes()}
    for expected in (
        "news:index",
        "news:detail",
        "news:category",
        "news:category-feed",
        "news:category-atom",
        "news:tag",
        "news:author",
        "news:author-feed",
        "news:author-atom",
        "news:search",
        "news:feed",
        "news:atom",
        "news:preview",
        "news:shared-preview",
        "api-article-list",
        "api-article-detail",
        "sitemap",
        "sitemap-section",
        "robots-txt",
        "healthz",
        "choose_language",
        "admin:login",
        "newsroom.urls.serve_media",
    ):
        assert expected in names, expected
    assert not any(name.startswith("admin:") and name != "admin:login" for name in names)
    languages = {route.language for route in all_routes() if route.name == "news:detail"}
    assert languages == {code for code, _name in settings.LANGUAGES}


def test_every_url_pattern_leads_to_a_real_page_and_every_parameter_read_is_probed(
    client, content, monkeypatch
):
    """With the test content every pattern is a page (not a 404), so the hostile values
    below meet the views' real work; and every query parameter a view reads is one
    that QUERY_PARAMETERS lists."""
    read: dict[str, set[str]] = {}

    def recording(method):
        def asked(self, key, *args):
            read.setdefault(current, set()).add(key)
            return method(self, key, *args)

        return asked

    for name in ("__getitem__", "__contains__", "getlist"):  # .get() uses __getitem__
        monkeypatch.setattr(QueryDict, name, recording(getattr(QueryDict, name)))
    not_pages, failures = [], []
    for route in all_routes():
        current = route.name
        for path in content.pages(route):
            answer, failure = fetch(client, "GET", path)
            if failure:
                failures.append(failure)
            elif answer.status >= 400:
                not_pages.append(f"{path} answers {answer.status}")
    assert not failures, _report(failures)
    assert not not_pages, not_pages
    unlisted = {
        name: sorted(keys - QUERY_PARAMETERS.keys())
        for name, keys in read.items()
        if keys - QUERY_PARAMETERS.keys()
    }
    assert not unlisted, f"Add these to QUERY_PARAMETERS: {unlisted}"


def test_no_url_answers_a_server_error_whatever_its_path_parts(client, content, staff_client):
    failures: list[Failure] = []
    tried: set[tuple[str, bool]] = set()
    staff_routes = _staff_routes(client, content)
    for route in all_routes():
        samples = content.samples(route)
        for slot in route.slots:
            for value in HOSTILE:
                path = route.path({**samples, slot: value})
                for who, as_staff in ((client, False), (staff_client, True)):
                    if as_staff and route not in staff_routes:
                        continue
                    if (path, as_staff) in tried:
                        continue
                    tried.add((path, as_staff))
                    _answer, failure = fetch(who, "GET", path, as_staff=as_staff)
                    if failure:
                        failures.append(failure)
    assert not failures, _report(failures)


def test_no_url_answers_a_server_error_whatever_its_query_values(client, content, staff_client):
    failures: list[Failure] = []
    staff_routes = _staff_routes(client, content)
    for route in _routes_in_one_language():
        for path, name, value in itertools.product(content.pages(route), QUERY_PARAMETERS, HOSTILE):
            query = _wire_query(f"{name}={value}")
            for who, as_staff in ((client, False), (staff_client, True)):
                if as_staff and route not in staff_routes:
                    continue
                _answer, failure = fetch(who, "GET", path, query, as_staff=as_staff)
                if failure:
                    failures.append(failure)
    assert not failures, _report(failures)


# Generated values: text as percent-encoded UTF-8, bytes percent-encoded, and text from
# an alphabet of the characters that mean something in a URL, sent as it is.
_URL_ALPHABET = "%/.-_~+:;,=!$&'()*@ 0123456789abcdefzABCDEFZ\x00é漢🙂<>\"\\"
_encoded_text = st.text(max_size=40).map(lambda text: quote(text, safe=""))
_encoded_bytes = st.binary(max_size=40).map(lambda data: quote_from_bytes(data, safe=""))
_raw_text = st.text(alphabet=_URL_ALPHABET, max_size=40)
_numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
hostile_values = st.one_of(
    _encoded_text, _encoded_bytes, _raw_text, _numbers, st.sampled_from(HOSTILE)
)


def _path_safe(value: str) -> str:
    """A generated path part that stays in the path: '?' and '#' encoded, and the tab
    and line breaks that URL parsing drops."""
    return re.sub(r"[?#\t\r\n]", lambda match: quote(match[0]), value)


def test_no_url_answers_a_server_error_for_generated_path_parts_and_queries(
    client, content, staff_client
):
    failures: list[Failure] = []

    @hypothesis_settings(
        derandomize=True,
        max_examples=600,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )
    @given(
        route=st.sampled_from(all_routes()),
        part=hostile_values,
        which=st.integers(min_value=0, max_value=10),
        params=st.dictionaries(
            st.one_of(st.sampled_from(sorted(QUERY_PARAMETERS)), _raw_text),
            hostile_values,
            max_size=4,
        ),
        raw_bytes=st.one_of(st.none(), st.binary(max_size=40)),
        as_staff=st.booleans(),
    )
    def probe(route, part, which, params, raw_bytes, as_staff):
        values = content.samples(route)
        if route.slots:
            values[route.slots[which % len(route.slots)]] = _path_safe(part)
        query = _wire_query("&".join(f"{name}={value}" for name, value in params.items()))
        if raw_bytes is not None:  # bytes no client should send unencoded
            query += "&q=" + raw_bytes.decode("latin-1")
        who = staff_client if as_staff else client
        _answer, failure = fetch(who, "GET", route.path(values), query, as_staff=as_staff)
        if failure:
            failures.append(failure)

    probe()
    assert not failures, _report(failures)


def test_head_answers_as_get_does_with_an_empty_body(client, content):
    failures, differences = [], []
    for path in (path for route in all_routes() for path in content.pages(route)):
        answers = {}
        for method in ("HEAD", "GET"):
            cache.clear()  # each from the view, not one from the other's cached page
            answers[method], failure = fetch(client, method, path)
            if failure:
                failures.append(failure)
        head, get = answers["HEAD"], answers["GET"]
        if head is None or get is None:
            continue
        if head.status != get.status:
            differences.append(f"HEAD {path} answers {head.status}, GET {get.status}")
        if head.body:
            differences.append(f"HEAD {path} has a body of {len(head.body)} bytes")
    assert not failures and not differences, "\n".join(
        [*differences, *([_report(failures)] if failures else [])]
    )
