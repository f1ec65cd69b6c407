"""Malformed requests get a clear 4xx: API filters, sitemap sections and pages, HEAD."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = {
    "NUL": "%00",
    "NUL inside": "research%00x",
    "10,000 characters": "a" * 10_000,
    "invalid UTF-8": "%ff%fe",
    "an overlong slash": "%c0%af",
    "a slash": "a%2Fb",
    "spaces": "two%20words",
    "markup": "%3Cscript%3E",
    "a superscript digit": "%C2%B2",
    "a negative number": "-1",
    "a huge number": "9" * 30,
    "a float": "1e309",
}
SLUG_SHAPED = {"%C2%B2", "-1", "9" * 30, "1e309"}
API_FILTERS = ["category", "tag", "language", "updated_since", "page", "page_size"]


@pytest.fixture
def site() -> None:
    make_article(categories=[make_category(slug="research")], tags=["climate"])


@pytest.mark.parametrize("name", API_FILTERS)
@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_bad_api_filter_is_a_400_with_a_json_error(client, site, name, value):
    response = client.get(f"/api/v1/articles/?{name}={value}")
    if name == "tag" and value in SLUG_SHAPED:
        # A tag that could exist but does not: an empty list, not an error.
        assert response.status_code == 200 and response.json()["count"] == 0
        return

    assert response.status_code == 400, response.content[:200]
    assert response["Content-Type"] == "application/json"
    message = response.json()["error"]
    assert name in message and len(message) < 300


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-02-30"]
)
def test_a_moment_the_database_cannot_compare_is_a_bad_filter_too(client, site, moment):
    response = client.get("/api/v1/articles/", {"updated_since": moment})

    assert response.status_code == 400
    assert "updated_since" in response.json()["error"]


def test_good_api_filters_still_work(client, site):
    response = client.get(
        "/api/v1/articles/?category=research&tag=climate&language=en&page=1&page_size=5"
        "&updated_since=2020-01-01"
    )

    assert response.status_code == 200
    assert response.json()["count"] == 1


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-nope.xml",
        "/sitemap-%00.xml",
        "/sitemap-" + "x" * 5000 + ".xml",
        "/sitemap-articles.xml?p=abc",
        "/sitemap-articles.xml?p=-1",
        "/sitemap-articles.xml?p=0",
        "/sitemap-articles.xml?p=999999",
        "/sitemap-articles.xml?p=%00",
        "/sitemap-pages.xml?p=1e309",
    ],
)
def test_a_sitemap_section_or_page_that_does_not_exist_is_a_404(site, path):
    response = Client(raise_request_exception=False).get(path)

    assert response.status_code == 404


def test_the_sitemap_sections_that_exist_still_answer(client, site):
    for path in ("/sitemap.xml", "/sitemap-articles.xml", "/sitemap-pages.xml?p=1"):
        assert client.get(path).status_code == 200, path


def test_head_on_the_health_check_answers_like_get_without_a_body(client):
    get, head = client.get("/healthz"), client.head("/healthz")

    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert "no-cache" in head["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    ["/en/news/preview/99999999999999999999/", "/api/v1/articles/99999999999999999999/"],
)
def test_an_id_too_large_for_the_database_is_a_404(admin_client, path):
    response = admin_client.get(path)

    assert response.status_code == 404
