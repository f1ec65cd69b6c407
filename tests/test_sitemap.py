"""/sitemap.xml read with lxml, and /robots.txt."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from articles.models import Status
from photos import renditions
from tests.factories import make_article, make_category, make_photo

pytestmark = pytest.mark.django_db

SITE = "https://news.example.edu"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


def _fetch_xml(client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def _sitemap(client) -> etree._Element:
    """Every <url> of every section the index at /sitemap.xml names, as one urlset."""
    index = _fetch_xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    merged = etree.Element(f"{{{NS['sm']}}}urlset", nsmap={None: NS["sm"]})
    for location in index.findall("sm:sitemap/sm:loc", NS):
        assert location.text.startswith(f"{SITE}/sitemap-")
        section = _fetch_xml(client, location.text.removeprefix(SITE))
        assert section.tag == f"{{{NS['sm']}}}urlset"
        merged.extend(section.findall("sm:url", NS))
    return merged


def _entries(root) -> dict[str, etree._Element]:
    return {url.findtext("sm:loc", namespaces=NS): url for url in root.findall("sm:url", NS)}


def test_sitemap_lists_public_articles_with_lastmod_image_and_translations(client):
    original = make_article(slug="telescope", hero_photo=make_photo(), categories=[make_category()])
    finnish = make_article(slug="kaukoputki", language="fi", translation_of=original)
    make_article(slug="teleskop", language="sv", translation_of=original, status=Status.DRAFT)

    entries = _entries(_sitemap(client))

    url = entries[f"{SITE}/en/news/telescope/"]
    lastmod = url.findtext("sm:lastmod", namespaces=NS)
    assert lastmod.startswith(str(timezone.localdate(original.last_modified)))
    assert url.findtext("image:image/image:loc", namespaces=NS) == (
        f"{SITE}{renditions.share_image(original.hero_photo)[0]}"
    )
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in url.findall("xhtml:link", NS)
        if link.get("rel") == "alternate"
    }
    # The draft Swedish translation is not an alternate.
    assert alternates == {
        "en": f"{SITE}/en/news/telescope/",
        "fi": f"{SITE}/fi/news/kaukoputki/",
    }
    finnish_url = entries[f"{SITE}/fi/news/kaukoputki/"]
    assert len(finnish_url.findall("xhtml:link", NS)) == 2
    assert finnish_url.find("image:image", NS) is None
    assert finnish.slug == "kaukoputki"


def test_unpublished_and_scheduled_articles_are_not_in_the_sitemap(client):
    make_article(slug="public")
    make_article(slug="draft", status=Status.DRAFT)
    make_article(slug="review", status=Status.REVIEW)
    make_article(slug="scheduled", published_at=timezone.now() + timedelta(seconds=30))

    locations = set(_entries(_sitemap(client)))

    assert f"{SITE}/en/news/public/" in locations
    assert not {f"{SITE}/en/news/{slug}/" for slug in ("draft", "review", "scheduled")} & locations


def test_news_and_category_pages_are_listed_in_every_language(client):
    make_category(slug="research")

    entries = _entries(_sitemap(client))

    for code in ("en", "fi", "sv"):
        assert f"{SITE}/{code}/news/" in entries
        url = entries[f"{SITE}/{code}/news/category/research/"]
        assert {link.get("hreflang") for link in url.findall("xhtml:link", NS)} == {
            "en",
            "fi",
            "sv",
        }


def test_sitemap_queries_do_not_grow_with_the_articles(client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            _sitemap(client)
        return len(queries)

    make_article(hero_photo=make_photo())
    few = count()
    for _ in range(5):
        original = make_article(hero_photo=make_photo())
        make_article(language="fi", translation_of=original)
    assert count() == few


def test_robots_txt_names_the_sitemap_by_its_absolute_address(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "User-agent: *" in lines


def test_a_large_archive_is_listed_page_by_page_through_the_index(client, monkeypatch):
    from discovery.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [make_article() for _ in range(5)]

    index = _fetch_xml(client, "/sitemap.xml")
    locations = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]

    assert f"{SITE}/sitemap-articles.xml?p=3" in locations
    listed = set(_entries(_sitemap(client)))
    assert {a.get_full_url() for a in articles} <= listed


def test_translations_are_alternates_across_sitemap_pages(client, monkeypatch):
    """A story's versions may sit on different pages of the sitemap: each still lists
    all of them."""
    from discovery.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    original = make_article(slug="aurora")
    filler = [make_article() for _ in range(3)]  # the versions land on pages 1 and 3
    finnish = make_article(slug="revontulet", language="fi", translation_of=original)
    swedish = make_article(slug="norrsken", language="sv", translation_of=original)

    entries = _entries(_sitemap(client))

    versions = {original.get_full_url(), finnish.get_full_url(), swedish.get_full_url()}
    for address in versions:
        links = entries[address].findall("xhtml:link", NS)
        assert {link.get("href") for link in links} == versions, address
    for article in filler:
        assert entries[article.get_full_url()].findall("xhtml:link", NS) == []
