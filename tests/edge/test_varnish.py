"""Pages served from a real Varnish in front of gunicorn (deploy/varnish/newsroom.vcl),
and never stale there: an edit shows through the proxy within a second, an unpublished
article is gone at once, a scheduled one appears and an ended one goes at its time
without any purge; staff
pages and pages that set a cookie are never kept; with the proxy out of reach the site
still works, the failed purge is logged, and it goes through once the proxy is back."""

from __future__ import annotations

import http.client
import logging
import time
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article, make_user
from tests.security.servers import TcpProxy, reserved_port

pytestmark = [pytest.mark.postgres]


def fetch(base: str, path: str, **headers: str) -> tuple[int, dict[str, str], str]:
    """One GET, redirects not followed; header names in lower case."""
    address = urlsplit(base)
    client = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        client.request("GET", path, headers={"Accept-Language": "en", **headers})
        response = client.getresponse()
        body = response.read().decode(errors="replace")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        client.close()


def until(check, seconds: float) -> float:
    """Ask `check()` until it is true; the seconds that took, or fail after `seconds`."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > seconds:
            pytest.fail(f"not so after {seconds} s")
        time.sleep(0.01)
    return time.monotonic() - start


def cached(edge, path: str) -> str:
    """The page as Varnish holds it: asked until Varnish answers it from memory."""
    fetch(edge.proxy, path)
    status, headers, page = fetch(edge.proxy, path)
    assert (status, headers["x-edge"]) == (200, "hit"), headers
    return page


def test_an_edit_shows_through_the_proxy_within_a_second(edge):
    article = make_article(title="Peat bogs store carbon")
    path = article.get_absolute_url()
    assert "Peat bogs store carbon" in cached(edge, path)

    article.title = "Peat bogs store more carbon than thought"
    article.save()
    took = until(lambda: "more carbon than thought" in fetch(edge.proxy, path)[2], 1)
    assert took < 1
    # And stays fresh: what Varnish now keeps is the new page.
    assert "more carbon than thought" in cached(edge, path)


def test_an_unpublished_article_answers_404_through_the_proxy_at_once(edge):
    article = make_article(title="A story pulled after complaints")
    path = article.get_absolute_url()
    cached(edge, path)
    assert "A story pulled" in cached(edge, "/en/news/")

    article.status = Status.DRAFT
    article.save()
    until(lambda: fetch(edge.proxy, path)[0] == 404, 1)
    assert "A story pulled" not in fetch(edge.proxy, "/en/news/")[2]
    # A 404 is never kept: published again, it is back at once too.
    article.status = Status.PUBLISHED
    article.save()
    until(lambda: fetch(edge.proxy, path)[0] == 200, 1)


def test_an_editors_save_in_the_admin_purges_the_proxy(edge):
    """The server itself tells Varnish, once the admin's transaction commits."""
    article = make_article(title="Lichen on the campus roofs")
    path = article.get_absolute_url()
    cached(edge, path)
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("chief", "c@example.edu", "pw"))
    token = "t" * 32  # the CSRF cookie and the form's token, the same unmasked secret
    address = urlsplit(edge.proxy)
    client = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    client.request(
        "POST",
        f"/admin/articles/article/{article.pk}/delete/",
        body=f"csrfmiddlewaretoken={token}&post=yes",
        headers={
            "Cookie": f"sessionid={editor.cookies['sessionid'].value}; csrftoken={token}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    response = client.getresponse()
    assert response.status == 302  # deleted: back to the list, not to the login page
    assert response.getheader("Location") == "/admin/articles/article/"
    client.close()
    until(lambda: fetch(edge.proxy, path)[0] == 404, 1)


def test_a_scheduled_article_appears_through_the_proxy_at_its_time_without_a_purge(edge, settings):
    settings.EDGE_PURGE_URLS = []  # no purge from here on: only the clock
    make_article(title="Already out")
    due = timezone.now() + timedelta(seconds=4)
    make_article(title="The embargoed study", published_at=due)
    page = cached(edge, "/en/news/")
    assert "Already out" in page and "The embargoed study" not in page
    control = dict(
        part.strip().partition("=")[::2]
        for part in fetch(edge.proxy, "/en/news/")[1]["cache-control"].split(",")
    )
    # Kept no longer than until the article is due, and not served stale after.
    assert 0 < int(control["s-maxage"]) <= 4 and control["stale-while-revalidate"] == "0"

    while True:
        page = fetch(edge.proxy, "/en/news/")[2]
        if timezone.now() >= due:
            break
        assert "The embargoed study" not in page  # answered before its time
        time.sleep(0.1)
    _status, headers, page = fetch(edge.proxy, "/en/news/")
    assert "The embargoed study" in page, headers


def test_an_article_whose_end_time_passes_is_gone_through_the_proxy_without_a_purge(edge, settings):
    settings.EDGE_PURGE_URLS = []  # no purge from here on: only the clock
    ends = timezone.now() + timedelta(seconds=4)
    article = make_article(title="The summer exhibition", ends_at=ends)
    path = article.get_absolute_url()
    assert "The summer exhibition" in cached(edge, path)
    assert "The summer exhibition" in cached(edge, "/en/news/")

    while timezone.now() < ends:
        time.sleep(0.1)
    assert fetch(edge.proxy, path)[0] == 410
    assert "The summer exhibition" not in fetch(edge.proxy, "/en/news/")[2]


def test_staff_pages_are_never_kept_by_the_proxy(edge):
    article = make_article(title="Moss as an air filter")
    path = article.get_absolute_url()
    editor = Client()
    editor.force_login(make_user("eero", role="Editor"))
    staff = {"Cookie": f"sessionid={editor.cookies['sessionid'].value}; csrftoken=x"}

    for _ in range(2):
        status, headers, _page = fetch(edge.proxy, path, **staff)
        assert (status, headers["x-edge"]) == (200, "pass")
        assert "no-store" in headers["cache-control"]
    # Nothing of the staff member's answers was kept: a reader's first request is a miss.
    assert fetch(edge.proxy, path)[1]["x-edge"] == "miss"
    assert fetch(edge.proxy, path)[1]["x-edge"] == "hit"
    # And staff never get the readers' stored copy.
    assert fetch(edge.proxy, path, **staff)[1]["x-edge"] == "pass"


def test_a_page_that_sets_a_cookie_is_never_kept(edge):
    make_article(title="Bees in the botanic garden")
    for _ in range(3):
        status, headers, _page = fetch(edge.proxy, "/en/news/?set-cookie")
        assert status == 200 and headers["set-cookie"] == "variant=b; Path=/"
        assert headers["x-edge"] == "miss"  # fetched anew each time
        assert "public" in headers["cache-control"]  # though the app said it may be shared
    # The language switcher's answer sets the language cookie: never kept either.
    for _ in range(2):
        status, headers, _page = fetch(edge.proxy, "/language/fi/")
        assert status == 302 and "django_language=fi" in headers["set-cookie"]
        assert headers["x-edge"] == "miss"


def test_the_proxy_honours_vary_and_ignores_cookies_that_change_no_page(edge):
    make_article(title="Frogs return to the pond")
    cached(edge, "/en/news/")
    # A reader's other cookies are dropped: the same stored page.
    assert fetch(edge.proxy, "/en/news/", Cookie="csrftoken=abc; _ga=1")[1]["x-edge"] == "hit"
    # The language cookie is kept and the app varies on Cookie: a copy of its own.
    assert fetch(edge.proxy, "/en/news/", Cookie="django_language=fi")[1]["x-edge"] == "miss"
    assert fetch(edge.proxy, "/en/news/", Cookie="django_language=fi")[1]["x-edge"] == "hit"
    # Campaign parameters are the same page.
    assert fetch(edge.proxy, "/en/news/?utm_source=mail&fbclid=x")[1]["x-edge"] == "hit"
    # Addresses without a language follow Accept-Language, and vary on it: one copy each.
    for language, seen in (("fi", "miss"), ("fi", "hit"), ("sv", "miss"), ("sv", "hit")):
        headers = fetch(edge.proxy, "/api/v1/articles/", **{"Accept-Language": language})[1]
        assert "Accept-Language" in headers["vary"] and headers["x-edge"] == seen, language


def test_admin_previews_and_the_health_check_always_reach_the_site(edge):
    article = make_article(title="A draft", status=Status.DRAFT)
    for path in ("/healthz", "/admin/login/", f"/en/news/preview/{article.pk}/"):
        for _ in range(2):
            assert fetch(edge.proxy, path)[1]["x-edge"] == "pass", path


def test_static_files_are_kept_and_outlive_a_purge(edge):
    _status, _headers, page = fetch(edge.site, "/en/news/")
    stylesheet = page.split('href="/static/css/')[1].split('"')[0]
    path = f"/static/css/{stylesheet}"
    cached(edge, path)
    cached(edge, "/en/news/")
    make_article(title="A change: pages are purged")
    until(lambda: "A change: pages are purged" in fetch(edge.proxy, "/en/news/")[2], 1)
    assert fetch(edge.proxy, path)[1]["x-edge"] == "hit"


def test_with_the_proxy_out_of_reach_the_site_works_and_the_purge_catches_up(
    edge, settings, caplog
):
    """Varnish keeps serving readers but cannot be told (a network cut between the
    site and it): the save works, the failure is logged, and once Varnish is reachable
    again the purge that was owed goes through."""
    caplog.set_level(logging.WARNING, logger="pagecache.purge")
    with reserved_port() as port:
        out_of_reach(edge, settings, caplog, port)


def out_of_reach(edge, settings, caplog, port: int) -> None:
    link = TcpProxy(port, ("127.0.0.1", urlsplit(edge.proxy).port))
    settings.EDGE_PURGE_URLS = [f"http://127.0.0.1:{port}"]
    article = make_article(title="Owls nest in the library tower")
    path = article.get_absolute_url()
    cached(edge, path)

    started = time.monotonic()
    article.title = "Owls nest in the observatory"
    article.save()
    assert time.monotonic() - started < 0.5  # the editor does not wait for the proxy
    until(lambda: "Purge of Varnish" in caplog.text and "failed" in caplog.text, 2)
    # The site answers the edit; the proxy still has the old page, for now.
    assert "in the observatory" in fetch(edge.site, path)[2]
    assert "in the library tower" in fetch(edge.proxy, path)[2]

    link.start()
    try:
        until(lambda: "in the observatory" in fetch(edge.proxy, path)[2], 3)
        assert "went through after" in caplog.text
        # And the next change is purged at once again.
        article.title = "Owls leave the observatory"
        article.save()
        until(lambda: "Owls leave" in fetch(edge.proxy, path)[2], 1)
    finally:
        link.stop()


def test_a_ban_from_another_machine_is_refused_and_drops_nothing(edge):
    """Only the purge listener and the proxy's own machine may empty it; a reader's BAN
    (here from 127.0.0.2, another address as far as Varnish's ACL goes) may not."""
    make_article(title="Reindeer counted from the air")
    cached(edge, "/en/news/")
    address = urlsplit(edge.proxy)
    elsewhere = http.client.HTTPConnection(
        address.hostname, address.port, timeout=10, source_address=("127.0.0.2", 0)
    )
    elsewhere.request("BAN", "/")
    assert elsewhere.getresponse().status == 403
    elsewhere.close()
    assert fetch(edge.proxy, "/en/news/")[1]["x-edge"] == "hit"
