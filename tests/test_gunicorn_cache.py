"""Real gunicorn: two workers, each with its own local-memory cache, and two servers
sharing Redis. After an editor saves a change, none of them ever serves the old page."""

import html
import http.cookiejar
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack

import pytest
import redis
from django.contrib.auth import get_user_model
from django.db import connection

from tests.factories import make_article, make_category
from tests.security.servers import gunicorn as serve

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PAGE = "/en/news/category/research/"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _opener(cookies: http.cookiejar.CookieJar | None = None) -> urllib.request.OpenerDirector:
    handlers = [_NoRedirects()]
    if cookies is not None:
        handlers.append(urllib.request.HTTPCookieProcessor(cookies))
    return urllib.request.build_opener(*handlers)


def _fetch(
    opener, path: str, data: dict | None = None, *, base: str, host: str | None = None
) -> tuple[int, dict, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(base + path, data=body)  # noqa: S310 (127.0.0.1)
    if host:
        request.add_header("Host", host)
    if data is not None:
        request.add_header("Referer", base + path)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def _environment(cache_url: str | None = None) -> dict[str, str]:
    """gunicorn against the test database, with the cache in each worker's memory or at
    `cache_url`."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
        "DJANGO_DEBUG": "1",  # static files by their plain names: no collectstatic needed
    }
    env.pop("CACHE_URL", None)
    env.pop("REDIS_URL", None)
    if cache_url:
        env["CACHE_URL"] = cache_url
    return env


APP = "tests.wsgi_with_pid:application"


@pytest.fixture
def gunicorn(tmp_path):
    """Two workers on one machine, each with its own local-memory cache."""
    with serve(_environment(), tmp_path / "gunicorn.log", workers=2, app=APP) as base:
        yield base


REDIS_URL = "redis://127.0.0.1:6379/14"  # a database of its own, emptied first


@pytest.fixture
def two_machines_on_redis(tmp_path):
    """Two servers of one worker each, as two machines behind a load balancer would
    be, sharing the cache in Redis: which one answers is the test's choice."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    with ExitStack() as machines:
        yield [
            machines.enter_context(
                serve(_environment(REDIS_URL), tmp_path / f"gunicorn-{n}.log", app=APP)
            )
            for n in (1, 2)
        ]


def _from_every_worker(opener, path: str, base: str) -> dict[str, tuple[dict, str]]:
    """The page as each of the two workers answers it (new connections until both
    have answered, twice each so that the second answer may come from its cache)."""
    answers: dict[str, list[tuple[dict, str]]] = {}
    # For up to 30 s: the second worker may still be starting when the first answers.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status, headers, page = _fetch(opener, path, base=base)
        assert status == 200, (path, status)
        answers.setdefault(headers["X-Worker-Pid"], []).append((headers, page))
        if len(answers) == 2 and all(len(seen) >= 2 for seen in answers.values()):
            return {pid: seen[-1] for pid, seen in answers.items()}
        time.sleep(0.005)
    pytest.fail(f"only workers {list(answers)} answered in 30 s")


def _csrf_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_an_edit_through_one_worker_is_seen_at_once_through_the_other(gunicorn):
    base = gunicorn
    get_user_model().objects.create_superuser("editor", "editor@example.edu", "pw-4cache-test")
    research = make_category(slug="research", name_en="Research")
    make_article(title="Peat bogs store carbon", categories=[research])
    reader = _opener()

    before = _from_every_worker(reader, PAGE, base)
    for headers, page in before.values():
        assert headers["X-Cache"] == "hit"  # each worker holds the page in its own cache
        assert "<h1>Research</h1>" in page or ">Research<" in page

    # The editor renames the category in the admin, through whichever worker answers.
    cookies = http.cookiejar.CookieJar()
    editor = _opener(cookies)
    _status, _headers, login = _fetch(editor, "/admin/login/", base=base)
    status, _headers, _page = _fetch(
        editor,
        "/admin/login/?next=/admin/",
        {
            "csrfmiddlewaretoken": _csrf_token(login),
            "username": "editor",
            "password": "pw-4cache-test",
        },
        base=base,
    )
    assert status == 302
    change = f"/admin/articles/category/{research.pk}/change/"
    _status, _headers, form = _fetch(editor, change, base=base)
    status, headers, _page = _fetch(
        editor,
        change,
        {
            "csrfmiddlewaretoken": _csrf_token(form),
            "name_en": "Research and science",
            "name_fi": "",
            "name_sv": "",
            "slug": "research",
            "order": "0",
            "description_en": "",
            "description_fi": "",
            "description_sv": "",
            "_save": "Save",
        },
        base=base,
    )
    assert status == 302, "the admin did not accept the change"
    edited_by = headers["X-Worker-Pid"]

    after = _from_every_worker(reader, PAGE, base)
    assert edited_by in after
    for headers, page in after.values():
        assert "Research and science" in html.unescape(page)
        assert headers["X-Cache"] == "hit"  # cached again, under the new content version

    # Staff see their own fresh page, never a cached one.
    _status, headers, page = _fetch(editor, PAGE, base=base)
    assert "X-Cache" not in headers and "no-store" in headers["Cache-Control"]


def test_machines_sharing_redis_render_a_page_once_and_show_an_edit_at_once(
    two_machines_on_redis,
):
    research = make_category(slug="research", name_en="Research")
    make_article(title="Peat bogs store carbon", categories=[research])
    reader = _opener()

    def visit(machine: str) -> tuple[dict, str]:
        # Both machines are asked for the site's one public host, as behind a balancer.
        _status, headers, page = _fetch(reader, PAGE, base=machine, host="127.0.0.1")
        return headers, html.unescape(page)

    first, second = two_machines_on_redis
    headers, page = visit(first)
    assert headers["X-Cache"] == "miss" and "Peat bogs store carbon" in page
    headers, page = visit(second)
    assert headers["X-Cache"] == "hit"  # rendered by the other machine, kept in Redis
    assert headers["X-Worker-Pid"] != visit(first)[0]["X-Worker-Pid"]

    research.name_en = "Research and science"  # an edit made elsewhere (a third machine)
    research.save()

    headers, page = visit(second)
    assert headers["X-Cache"] == "miss" and "Research and science" in page
    headers, page = visit(first)
    assert headers["X-Cache"] == "hit" and "Research and science" in page
