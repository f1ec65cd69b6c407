"""Every query of every public page can be answered from an index: none needs to read a
whole table of articles, links or tags. PostgreSQL is asked to avoid sequential scans;
a plan that still has one on those tables has no index to use, which at 100,000 articles
means full-table work on every request (bench/explain.py shows the plans at that scale).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import link, make_article, make_category, make_person, make_photo

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

LARGE_TABLES = {
    "articles_article",
    "articles_article_categories",
    "articles_taggedarticle",
    "articles_relatedlink",
    "articles_galleryphoto",
    "articles_articleauthor",
    "articles_articlecontact",
    "articles_articleslugredirect",
    # The photo library (its table kept the articles app's name): the next licence end
    # is read from photo_licence_ends_idx.
    "articles_photo",
}


@pytest.fixture
def site():
    research, studies = make_category(slug="research"), make_category(slug="studies")
    photo = make_photo()
    anna, ben = make_person("Anna", slug="anna"), make_person("Ben")
    stories = [
        make_article(
            title=f"University story {number}",
            categories=[research, studies] if number % 2 else [research],
            tags=["campus", f"topic-{number % 5}"],
            hero_photo=photo,
            authors=[anna, ben] if number % 3 else [anna],
            contacts=[ben],
        )
        for number in range(30)
    ]
    make_article(language="fi", title="Yliopiston uutinen", translation_of=stories[0])
    link(stories[0], stories[5])
    return stories[0]


def _full_scans(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        (plan,) = cursor.fetchone()[0]
    nodes, scans = [plan["Plan"]], []
    while nodes:
        node = nodes.pop()
        nodes += node.get("Plans", [])
        if node["Node Type"] == "Seq Scan" and node["Relation Name"] in LARGE_TABLES:
            scans.append(node["Relation Name"])
    return scans


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/",
        "/en/news/?page=2",
        "{article}",
        "/en/news/category/research/",
        "/en/news/tag/campus/",
        "/en/news/author/anna/",
        "/en/news/author/anna/feed/",
        "/en/news/search/?q=university",
        "/en/news/feed/",
        "/en/news/category/studies/feed/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-authors.xml",
        "/api/v1/articles/?category=research",
    ],
)
def test_no_public_page_reads_a_whole_table(client, site, url):
    url = url.format(article=site.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) > 1  # rendered, not answered from the page cache

    scans = {query["sql"][:200]: _full_scans(query["sql"]) for query in queries}
    assert {sql: tables for sql, tables in scans.items() if tables} == {}


def test_the_check_sees_a_query_no_index_serves():
    assert _full_scans("SELECT id FROM articles_article WHERE lead = 'x'") == ["articles_article"]
    assert _full_scans("SELECT id FROM articles_article WHERE id = 1") == []
