"""No request header decides the addresses in a page that other visitors are served."""

from __future__ import annotations

import http.client
import re
import uuid

import pytest
from django.test import Client

from tests.factories import make_article, make_category, make_photo

# The WSGI environ each hostile header becomes, with a value that would show in links.
HOSTILE_ENVIRON = {
    "SCRIPT_NAME": "/poisoned",
    "HTTP_X_FORWARDED_HOST": "evil.example",
    "HTTP_X_FORWARDED_PREFIX": "/poisoned",
    "HTTP_X_FORWARDED_PROTO": "https",
    "HTTP_FORWARDED": "for=1.2.3.4;host=evil.example;proto=https",
    "HTTP_X_ORIGINAL_URL": "/poisoned/en/news/",
    "HTTP_X_REWRITE_URL": "/poisoned/en/news/",
    "HTTP_X_FORWARDED_SERVER": "evil.example",
    "HTTP_X_FORWARDED_PORT": "8443",
    "HTTP_X_SCRIPT_NAME": "/poisoned",
}
MARKS = ("/poisoned", "evil.example", ":8443")


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src|srcset|content)="([^"]*)"', html)


def _assert_clean(html: str, context: str) -> None:
    for mark in MARKS:
        assert mark not in html, (context, mark)
    article_links = [url for url in _links(html) if "/news/" in url and "://" not in url]
    assert article_links and all(url.startswith("/en/news/") for url in article_links), context


@pytest.mark.parametrize("key", HOSTILE_ENVIRON)
def test_a_hostile_header_changes_no_link_that_the_next_visitor_gets(db, key):
    # A new story, so its card has never been rendered in this process: the hostile
    # request is the first to render (and remember) it.
    photo = make_photo()
    slug = f"fresh-{uuid.uuid4().hex[:12]}"
    make_article(slug=slug, hero_photo=photo, categories=[make_category()])
    client = Client(raise_request_exception=False)

    for _ in range(3):
        hostile = client.get("/en/news/", **{key: HOSTILE_ENVIRON[key]})
        assert hostile.status_code in (200, 400), hostile.status_code
        if hostile.status_code == 200:
            _assert_clean(hostile.text, f"the hostile request itself ({key})")
    ordinary = client.get("/en/news/")

    assert ordinary.status_code == 200
    _assert_clean(ordinary.text, key)
    assert f'href="/en/news/{slug}/"' in ordinary.text


def _raw_get(port: int, path: str, headers: dict[str, str]) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


# The same headers as a client sends them to gunicorn, which decides what of them
# reaches the WSGI environ (gunicorn.conf.py).
RAW_HEADERS = {
    "SCRIPT_NAME": "/poisoned",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Prefix": "/poisoned",
    "X-Forwarded-Proto": "https",
    "Forwarded": "for=1.2.3.4;host=evil.example;proto=https",
    "X-Script-Name": "/poisoned",
}


def test_hostile_headers_sent_to_gunicorn_change_nothing_for_other_visitors(production_site):
    """Against the production server with the repository's gunicorn.conf.py, two
    workers, four articles with photos (tests/security/conftest.py), whose news index
    no test asks for before this one: six hostile requests per header, then ordinary
    visitors get clean links."""
    port = production_site.port
    for name, value in RAW_HEADERS.items():
        for _ in range(6):
            status, body = _raw_get(port, "/en/news/", {name: value})
            assert status in (200, 400), (name, status)
            if status == 200:
                _assert_clean(body, f"the hostile request itself ({name})")
    for _ in range(6):
        status, body = _raw_get(port, "/en/news/", {})
        assert status == 200
        _assert_clean(body, "an ordinary visitor after the hostile requests")
