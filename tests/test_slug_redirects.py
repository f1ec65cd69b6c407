"""A published article keeps its old addresses when its slug changes."""

import pytest

from articles.models import ArticleSlugRedirect, Status
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_old_address_of_a_published_article_redirects_permanently(client):
    article = make_article(slug="old-name")
    article.slug = "new-name"
    article.save()

    response = client.get("/en/news/old-name/")

    assert response.status_code == 301
    assert response["Location"] == "/en/news/new-name/"
    assert client.get("/en/news/new-name/").status_code == 200


def test_every_earlier_address_leads_straight_to_the_current_one(client):
    article = make_article(slug="first")
    for slug in ("second", "third"):
        article.slug = slug
        article.save()

    for old in ("first", "second"):
        response = client.get(f"/en/news/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/en/news/third/")


def test_renaming_a_draft_leaves_no_redirect(client):
    article = make_article(slug="draft-name", status=Status.DRAFT)
    article.slug = "final-name"
    article.save()

    assert not ArticleSlugRedirect.objects.exists()
    assert client.get("/en/news/draft-name/").status_code == 404


def test_an_old_address_of_an_unpublished_article_is_not_found(client):
    article = make_article(slug="old-name")
    article.slug = "new-name"
    article.save()
    article.status = Status.DRAFT
    article.save()

    assert client.get("/en/news/old-name/").status_code == 404


def test_an_article_that_takes_an_old_address_wins_it(client):
    renamed = make_article(slug="shared")
    renamed.slug = "renamed"
    renamed.save()
    newcomer = make_article(slug="shared", title="The newcomer")

    response = client.get("/en/news/shared/")

    assert response.status_code == 200
    assert response.context["article"] == newcomer
    assert not ArticleSlugRedirect.objects.filter(old_slug="shared").exists()


def test_moving_back_to_an_old_slug_drops_that_redirect(client):
    article = make_article(slug="one")
    article.slug = "two"
    article.save()
    article.slug = "one"
    article.save()

    assert client.get("/en/news/one/").status_code == 200
    assert client.get("/en/news/two/")["Location"] == "/en/news/one/"


def test_redirects_stay_within_the_language(client):
    article = make_article(slug="old-name", language="fi")
    article.slug = "uusi-nimi"
    article.save()

    assert client.get("/fi/news/old-name/")["Location"] == "/fi/news/uusi-nimi/"
    assert client.get("/en/news/old-name/").status_code == 404
