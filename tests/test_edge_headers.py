"""What a public page tells a proxy or CDN in front (pagecache.caching): how long it may
keep the page, never past the next scheduled change, counted again on each answer; the
tag a purge drops; and, when purges are configured, no keeping at all of a page made
while a change committed (its purge may already have gone by)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from pagecache.caching import content_changed
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    parts = (part.strip().partition("=") for part in response["Cache-Control"].split(","))
    return {name: value for name, _sep, value in parts}


def test_a_page_may_be_kept_a_minute_and_served_stale_a_minute_more(client):
    make_article()
    response = client.get("/en/news/")
    assert directives(response) == {
        "public": "",
        "max-age": "0",
        "s-maxage": "60",
        "stale-while-revalidate": "60",
    }
    assert response["Cache-Tag"] == "newsroom-pages"


def test_a_page_is_kept_no_longer_than_until_the_next_article_falls_due(client):
    make_article()
    due = timezone.now() + timedelta(seconds=25)
    make_article(title="Embargoed", published_at=due)
    control = directives(client.get("/en/news/"))
    assert control["s-maxage"] in {"24", "25"} and control["stale-while-revalidate"] == "0"

    # Counted again on each answer from the page cache, not as it was when stored.
    with time_machine.travel(due - timedelta(seconds=10), tick=False):
        response = client.get("/en/news/")
    assert response["X-Cache"] == "hit"
    assert directives(response)["s-maxage"] in {"9", "10"}


def test_a_change_further_off_leaves_the_minute_and_shortens_the_stale_time(client):
    make_article(published_at=timezone.now() + timedelta(seconds=90))
    control = directives(client.get("/en/news/"))
    assert control["s-maxage"] == "60" and control["stale-while-revalidate"] in {"29", "30"}


def change_while_rendering() -> None:
    """settings.PAGE_CACHE_NEXT_CHANGE for the test below: asked while a page is being
    made, it commits a change then, as an editor's save in another process would."""
    content_changed()


def test_a_page_made_while_a_change_commits_is_not_kept_by_a_proxy(client, settings):
    make_article()
    settings.PAGE_CACHE_NEXT_CHANGE = f"{__name__}.change_while_rendering"
    assert directives(client.get("/en/news/"))["s-maxage"] == "60"  # no proxy is told

    settings.EDGE_PURGE_URLS = ["http://127.0.0.1:9/"]  # purges configured (never sent)
    assert directives(client.get("/en/news/?page=1"))["s-maxage"] == "0"
