"""RSS and Atom feeds, read by feedparser as a feed reader would."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from articles.models import Status
from photos import renditions
from tests.factories import make_article, make_category, make_person, make_photo

pytestmark = pytest.mark.django_db

SITE = "https://news.example.edu"
FEEDS = ["/en/news/feed/", "/en/news/atom/", "/fi/news/feed/", "/fi/news/atom/"]
CATEGORY_FEEDS = ["/en/news/category/research/feed/", "/en/news/category/research/atom/"]


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def research():
    return make_category(name_en="Research", slug="research")


@pytest.fixture
def news(research):
    photo = make_photo(alt_text="A telescope")
    return {
        "public": make_article(
            title="Telescope sees first light",
            slug="telescope",
            lead="The new telescope took its first picture.",
            hero_photo=photo,
            categories=[research],
            authors=[make_person("Anna Virtanen"), make_person("Ben Koski")],
            published_at=datetime(2026, 11, 20, 8, 30, tzinfo=UTC),
        ),
        "finnish": make_article(title="Kaukoputki näki ensivalon", language="fi"),
        "other_category": make_article(title="Choir sings", categories=[make_category()]),
        "draft": make_article(title="Draft news", status=Status.DRAFT, categories=[research]),
        "review": make_article(title="In review", status=Status.REVIEW, categories=[research]),
        "scheduled": make_article(
            title="Scheduled news",
            published_at=timezone.now() + timedelta(seconds=30),
            categories=[research],
        ),
    }


def _parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (url, feed.get("bozo_exception"))
    return response, feed


@pytest.mark.parametrize("url", FEEDS + CATEGORY_FEEDS)
def test_every_feed_parses_without_errors(client, news, url):
    response, feed = _parse(client, url)

    expected = "atom" if url.endswith("atom/") else "rss20"
    assert feed.version.startswith(expected)
    assert response["Content-Type"].startswith(
        "application/atom+xml" if expected == "atom" else "application/rss+xml"
    )
    assert feed.entries
    assert feed.feed.link.startswith(SITE)


@pytest.mark.parametrize("url", FEEDS + CATEGORY_FEEDS)
def test_unpublished_and_scheduled_articles_are_in_no_feed(client, news, url):
    _response, feed = _parse(client, url)
    titles = {entry.title for entry in feed.entries}

    assert titles.isdisjoint({"Draft news", "In review", "Scheduled news"})


def test_the_feed_holds_the_languages_own_news_with_absolute_links(client, news):
    _response, english = _parse(client, "/en/news/feed/")
    _response, finnish = _parse(client, "/fi/news/atom/")

    assert {entry.title for entry in english.entries} == {
        "Telescope sees first light",
        "Choir sings",
    }
    assert [entry.title for entry in finnish.entries] == ["Kaukoputki näki ensivalon"]
    # The request came to "testserver"; every address is the public one.
    for entry in english.entries + finnish.entries:
        assert entry.link.startswith(f"{SITE}/")
    assert english.feed.language == "en"


@pytest.mark.parametrize("url", ["/en/news/feed/", "/en/news/atom/"])
def test_an_item_has_the_lead_its_date_with_time_zone_and_the_hero_photo(client, news, url):
    article = news["public"]
    _response, feed = _parse(client, url)
    entry = next(entry for entry in feed.entries if entry.title == article.title)

    assert entry.link == f"{SITE}/en/news/telescope/"
    assert entry.summary == "The new telescope took its first picture."
    assert entry.published_parsed[:5] == (2026, 11, 20, 8, 30)
    assert entry.published.endswith(("+0000", "+00:00", "Z"))
    assert [tag.term for tag in entry.tags] == ["Research"]
    assert entry.author == "Anna Virtanen, Ben Koski"
    (enclosure,) = entry.enclosures
    share_url, _width, _height = renditions.share_image(article.hero_photo)
    assert enclosure.href == f"{SITE}{share_url}"
    assert enclosure.type == "image/jpeg"
    stored = share_url.removeprefix(settings.MEDIA_URL)
    assert int(enclosure.length) == default_storage.size(stored) > 0


@pytest.mark.parametrize(
    ("url", "path"),
    [("/en/news/feed/", "channel/item/description"), ("/en/news/atom/", "{*}entry/{*}summary")],
)
def test_a_lead_is_text_in_feeds_never_markup(client, url, path):
    make_article(title="Tags in a lead", lead="Use <b>bold</b> & <script>alert(1)</script>")

    response, feed = _parse(client, url)
    # What a reader gets after XML decoding is HTML: the lead's brackets stay escaped.
    summary = etree.fromstring(response.content).find(path).text

    assert summary == "Use &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"
    assert "<script" not in feed.entries[0].summary


def test_the_category_feed_holds_only_that_category(client, news):
    _response, feed = _parse(client, "/en/news/category/research/feed/")

    assert [entry.title for entry in feed.entries] == ["Telescope sees first light"]
    assert feed.feed.title == "Newsroom: Research"
    assert client.get("/en/news/category/no-such/feed/").status_code == 404


def test_pages_point_feed_readers_to_the_feeds(client, news):
    index = client.get("/en/news/").text
    category = client.get("/en/news/category/research/").text
    article = client.get("/en/news/telescope/").text

    for page in (index, category, article):
        assert '<link rel="alternate" type="application/rss+xml"' in page
        assert 'href="/en/news/feed/"' in page
        assert 'type="application/atom+xml"' in page
    assert 'href="/en/news/category/research/feed/"' in category


def test_a_feed_makes_the_same_queries_however_many_items(client, research):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/news/category/research/feed/")
        return len(queries)

    make_article(categories=[research], hero_photo=make_photo(), authors=[make_person()])
    few = count()
    for _ in range(8):
        make_article(
            categories=[research, make_category()],
            hero_photo=make_photo(),
            authors=[make_person(), make_person(), make_person()],
        )
    # The category list, the articles, their categories, their authors; + the page
    # cache: version, next scheduled change; the site identity's name.
    assert count() == few <= 4 + 3
