"""The purge after a change (pagecache.purge): Cloudflare's purge API, spoken to a local
fake of it that answers as Cloudflare documents (POST /client/v4/zones/{zone}/purge_cache,
a bearer token, {"success": …, "errors": […]}); several proxies at once; retries and
their log when a proxy or the CDN fails. The real Varnish is tests/edge's."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction

from pagecache import purge
from tests.factories import make_article, make_category
from tests.security.servers import reserved_port

ZONE = "023e105f4ecef8ad9ca31a8372d0c353"
TOKEN = "cf-test-token-never-logged"


class FakeEdge(ThreadingHTTPServer):
    """Cloudflare's purge endpoint and a Varnish's BAN, recorded. `failures` answers
    that many requests first with Cloudflare's error body and a 500."""

    def __init__(self, port: int) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.seen: list[tuple[str, str, dict, object]] = []
        self.failures = 0
        self.url = f"http://127.0.0.1:{port}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeEdge

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"null")
        self.server.seen.append(("POST", self.path, dict(self.headers), body))
        if self.server.failures:
            self.server.failures -= 1
            error = {"code": 10000, "message": "Internal error, try again"}
            self._answer(500, {"success": False, "errors": [error], "messages": []})
        elif self.headers.get("Authorization") != f"Bearer {TOKEN}":
            error = {"code": 10000, "message": "Authentication error"}
            self._answer(403, {"success": False, "errors": [error], "messages": []})
        elif self.path == f"/client/v4/zones/{ZONE}/purge_cache":
            self._answer(200, {"success": True, "errors": [], "result": {"id": ZONE}})
        else:
            self._answer(404, {"success": False, "errors": [{"code": 7003}], "messages": []})

    def do_BAN(self) -> None:
        self.server.seen.append(("BAN", self.path, dict(self.headers), None))
        self._answer(200, {})

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake() -> Iterator[FakeEdge]:
    with reserved_port() as port:
        server = FakeEdge(port)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield server
        finally:
            server.shutdown()
            server.server_close()


@pytest.fixture
def cloudflare(fake, settings) -> FakeEdge:
    """The site pointed at the fake Cloudflare (the API's address is the test's)."""
    settings.EDGE_PURGE_BACKENDS = [
        {
            "BACKEND": "pagecache.purge.CloudflarePurge",
            "ZONE_ID": ZONE,
            "API_TOKEN": TOKEN,
            "API_URL": fake.url + "/client/v4",
        }
    ]
    return fake


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as a real commit would (the test's transaction
    never commits), and wait until the purges are sent (`wait=False`: do not)."""

    def run(change, *, wait: bool = True):
        with django_capture_on_commit_callbacks(execute=True):
            change()
        if wait:
            assert purge.wait_until_sent(timeout=10), "a purge is still owed"

    return run


@pytest.fixture(autouse=True)
def _nothing_owed_after():
    """A backend a test left failing is not retried into the next test."""
    yield
    with purge._purger._condition:
        purge._purger._owed.clear()


def until(check, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"not so after {seconds} s"
        time.sleep(0.01)


@pytest.mark.django_db
def test_a_change_purges_the_pages_tag_through_cloudflares_api(cloudflare, commits):
    commits(lambda: make_category(name_en="Research"))
    method, path, headers, body = cloudflare.seen[-1]
    assert (method, path) == ("POST", f"/client/v4/zones/{ZONE}/purge_cache")
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["Content-Type"] == "application/json"
    assert body == {"tags": ["newsroom-pages"]}


@pytest.mark.django_db
def test_purge_everything_where_tags_are_not_wanted(cloudflare, commits, settings):
    settings.EDGE_PURGE_BACKENDS[0]["EVERYTHING"] = True
    commits(lambda: make_category(name_en="Research"))
    assert cloudflare.seen[-1][3] == {"purge_everything": True}


@pytest.mark.django_db
def test_the_settings_name_a_cloudflare_zone_and_several_proxies(settings):
    settings.EDGE_PURGE_URLS = ["http://varnish-1:6091/", "http://varnish-2:6091/"]
    settings.CLOUDFLARE_ZONE_ID, settings.CLOUDFLARE_API_TOKEN = ZONE, TOKEN
    assert [str(backend) for backend in purge.backends()] == [
        "Varnish at http://varnish-1:6091/",
        "Varnish at http://varnish-2:6091/",
        f"Cloudflare zone {ZONE}",
    ]
    assert TOKEN not in repr(purge.backends())


@pytest.mark.django_db
def test_a_change_that_is_rolled_back_purges_nothing(
    cloudflare, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_article(title="Never saved")
        raise RuntimeError
    assert callbacks == [] and cloudflare.seen == []


@pytest.mark.django_db
def test_a_failing_cdn_is_retried_and_logged_and_the_purge_goes_through(
    cloudflare, commits, caplog
):
    caplog.set_level(logging.INFO, logger="pagecache.purge")
    cloudflare.failures = 2
    commits(lambda: make_article(title="A correction"))
    assert len(cloudflare.seen) == 3
    failures = [r for r in caplog.records if "failed (attempt" in r.getMessage()]
    assert len(failures) == 2 and all(r.levelname == "WARNING" for r in failures)
    assert "answered 500: 10000: Internal error, try again" in failures[0].getMessage()
    assert f"Cloudflare zone {ZONE} went through after 3 attempts" in caplog.text
    assert TOKEN not in caplog.text


@pytest.mark.django_db
def test_a_purge_is_given_up_once_every_copy_it_would_drop_has_expired(
    cloudflare, commits, caplog, settings
):
    settings.PUBLIC_CACHE_SECONDS = 0  # nothing was kept: one failure is the last
    cloudflare.failures = 5
    commits(lambda: make_article(title="A correction"))
    assert len(cloudflare.seen) == 1
    (record,) = [r for r in caplog.records if r.name == "pagecache.purge"]
    assert record.levelname == "ERROR" and "given up" in record.getMessage()


@pytest.mark.django_db
def test_a_proxy_that_is_down_does_not_hold_up_the_others(fake, commits, settings, caplog):
    with reserved_port() as nothing_listens:
        down = f"http://127.0.0.1:{nothing_listens}/"
        settings.EDGE_PURGE_URLS = [down, fake.url + "/"]
        commits(lambda: make_article(title="A correction"), wait=False)
        # The live proxy has its BAN at once; the one that is down is logged and retried.
        until(lambda: [method for method, *_ in fake.seen] == ["BAN"], 2)
        until(lambda: f"Purge of Varnish at {down} failed (attempt 2" in caplog.text, 3)
        assert "Connection refused" in caplog.text
