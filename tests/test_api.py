"""The read-only JSON API for department sites: /api/v1/articles/."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Status
from photos import renditions
from tests.factories import make_article, make_category, make_person, make_photo

pytestmark = pytest.mark.django_db

SITE = "https://news.example.edu"
LIST = "/api/v1/articles/"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_the_list_holds_only_public_articles_newest_first(client):
    older = make_article(published_at=timezone.now() - timedelta(days=2))
    newer = make_article(published_at=timezone.now() - timedelta(days=1))
    make_article(status=Status.DRAFT)
    make_article(status=Status.REVIEW)
    make_article(published_at=timezone.now() + timedelta(seconds=30))

    response = client.get(LIST)

    assert _ids(response) == [newer.pk, older.pk]
    assert response.json()["count"] == 2
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_article_has_absolute_links_its_photo_and_its_translations(client):
    research = make_category(name_en="Research", name_fi="Tutkimus", slug="research")
    photo = make_photo(alt_text="A telescope", credit="Sakari", caption="The dome")
    original = make_article(
        slug="telescope", hero_photo=photo, categories=[research], tags=["Space"]
    )
    finnish = make_article(
        slug="kaukoputki", language="fi", translation_of=original, categories=[research]
    )

    data = client.get(f"{LIST}{finnish.pk}/").json()

    assert data["url"] == f"{SITE}/fi/news/kaukoputki/"
    assert data["api_url"] == f"{SITE}/api/v1/articles/{finnish.pk}/"
    assert data["categories"] == [{"slug": "research", "name": "Tutkimus"}]
    assert data["translations"] == [
        {
            "language": "en",
            "id": original.pk,
            "url": f"{SITE}/en/news/telescope/",
            "api_url": f"{SITE}/api/v1/articles/{original.pk}/",
        }
    ]
    english = client.get(f"{LIST}{original.pk}/").json()
    assert english["tags"] == ["Space"]
    share_url, share_width, share_height = renditions.share_image(photo)
    hero = english["hero_photo"]
    hero_renditions = hero.pop("renditions")
    # Renditions only: the uploaded original (which may carry GPS data) is never public.
    assert hero == {
        "url": f"{SITE}{share_url}",
        "width": share_width,
        "height": share_height,
        "alt_text": "A telescope",
        "caption": "The dome",
        "credit": "Sakari",
        "copyright_holder": "",
        "licence": "all-rights-reserved",
        "licence_url": None,
        "licence_terms": "",
        "licence_ends_at": None,
    }
    assert photo.image.name not in str(english)
    assert {r["format"] for r in hero_renditions} >= {"image/webp", "image/jpeg"}
    assert all(r["url"].startswith(f"{SITE}/media/renditions/") for r in hero_renditions)
    assert english["published_at"] == timezone.localtime(original.published_at).isoformat()


def test_unpublished_and_scheduled_articles_are_not_found(client):
    for article in (
        make_article(status=Status.DRAFT),
        make_article(published_at=timezone.now() + timedelta(minutes=5)),
    ):
        response = client.get(f"{LIST}{article.pk}/")
        assert response.status_code == 404
        assert "error" in response.json()
    assert client.get(f"{LIST}999999/").status_code == 404


def test_filters_by_language_category_and_tag(client):
    research = make_category(slug="research")
    english = make_article(categories=[research], tags=["space"])
    make_article(categories=[make_category()], tags=["choirs"])
    finnish = make_article(language="fi", categories=[research])

    assert _ids(client.get(LIST, {"language": "fi"})) == [finnish.pk]
    assert set(_ids(client.get(LIST, {"category": "research"}))) == {english.pk, finnish.pk}
    assert _ids(client.get(LIST, {"tag": "space"})) == [english.pk]
    assert _ids(client.get(LIST, {"tag": "space", "language": "fi"})) == []
    assert _ids(client.get(LIST, {"tag": "never-used"})) == []


def test_updated_since_finds_edited_and_newly_public_articles(client, time_machine):
    start = timezone.now()
    old = make_article(published_at=start - timedelta(days=3))
    scheduled = make_article(published_at=start + timedelta(hours=1))
    edited = make_article(published_at=start - timedelta(days=3))
    time_machine.move_to(start + timedelta(hours=2))
    Article.objects.filter(pk=edited.pk).update(modified_at=timezone.now())
    since = (start + timedelta(minutes=30)).isoformat()

    ids = _ids(client.get(LIST, {"updated_since": since}))

    assert set(ids) == {scheduled.pk, edited.pk}
    assert old.pk not in ids
    # A date alone, and an offset whose "+" arrived unencoded, are understood too.
    assert client.get(LIST, {"updated_since": start.date().isoformat()}).status_code == 200
    unencoded = f"{LIST}?updated_since=2026-11-01T08:00:00+02:00"
    assert client.get(unencoded).status_code == 200


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"language": "de"}, "language must be one of en, fi, sv"),
        ({"category": "no-such"}, "There is no category 'no-such'"),
        ({"updated_since": "yesterday"}, "updated_since must be an ISO 8601"),
        ({"updated_since": "2026-13-45"}, "updated_since must be an ISO 8601"),
        ({"page": "abc"}, "page must be a whole number"),
        ({"page": "0"}, "page must be a whole number"),
        ({"page_size": "-5"}, "page_size must be a whole number"),
        ({"page_size": "1000"}, "page_size must be at most 100"),
    ],
)
def test_bad_filter_values_get_a_400_with_a_message(client, params, message):
    make_article()

    response = client.get(LIST, params)

    assert response.status_code == 400
    assert message in response.json()["error"]


def test_pages_link_to_each_other_with_absolute_addresses(client):
    for _ in range(5):
        make_article()

    first = client.get(LIST, {"page_size": "2", "language": "en"}).json()
    last = client.get(LIST, {"page_size": "2", "language": "en", "page": "3"}).json()

    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert first["next"] == f"{SITE}/api/v1/articles/?language=en&page=2&page_size=2"
    assert len(last["results"]) == 1
    assert last["next"] is None
    assert client.get(LIST, {"page": "4", "page_size": "2"}).status_code == 404


def test_the_api_is_read_only(client):
    article = make_article()

    assert client.post(LIST, {}).status_code == 405
    assert client.delete(f"{LIST}{article.pk}/").status_code == 405


def test_queries_do_not_grow_with_the_page(client):
    research = make_category(slug="research")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, {"category": "research"}).status_code == 200
        return len(queries)

    make_article(
        categories=[research], tags=["a"], hero_photo=make_photo(), authors=[make_person()]
    )
    few = count()
    for number in range(6):
        original = make_article(
            categories=[research, make_category()],
            tags=[f"t{number}", "b"],
            hero_photo=make_photo(),
            authors=[make_person(), make_person()],
            contacts=[make_person()],
        )
        make_article(language="fi", translation_of=original, categories=[research])
    # The category, count, page, categories, tags, corrections, authors, contacts,
    # translations; + the page cache: version, next scheduled change.
    assert count() == few <= 9 + 2


def test_a_filtered_list_is_counted_once_for_all_its_pages(client):
    research = make_category(slug="research")
    for number in range(5):
        make_article(title=f"Study {number}", categories=[research])
    first = client.get("/api/v1/articles/?category=research&page_size=2").json()

    with CaptureQueriesContext(connection) as queries:
        second = client.get("/api/v1/articles/?category=research&page_size=2&page=2").json()
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)
    assert first["count"] == second["count"] == 5
    # Other filters are another listing, counted for themselves.
    assert client.get("/api/v1/articles/?page_size=2&language=fi").json()["count"] == 0

    make_article(title="Study 5", categories=[research])
    assert client.get("/api/v1/articles/?category=research&page=3&page_size=2").json()["count"] == 6
