"""The publish rule: only published articles whose publish time has passed are public,
on every public page."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def _public_pages(article: Article) -> list[str]:
    return [
        "/en/news/",
        "/en/news/category/studies/",
        "/en/news/tag/campus/",
    ]


@pytest.fixture
def studies():
    return make_category(name_en="Studies", slug="studies")


def test_published_article_with_past_time_is_on_every_public_page(client, studies):
    article = make_article(title="Open day on campus", categories=[studies], tags=["campus"])

    for url in _public_pages(article):
        assert "Open day on campus" in client.get(url).text, url
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW])
def test_unpublished_article_is_on_no_public_page(client, studies, status):
    article = make_article(
        title="Secret draft", status=status, categories=[studies], tags=["campus"]
    )
    make_article(title="Visible story", categories=[studies], tags=["campus"])

    for url in _public_pages(article):
        page = client.get(url).text
        assert "Visible story" in page
        assert "Secret draft" not in page, url
    assert client.get(article.get_absolute_url()).status_code == 404


def test_scheduled_article_is_hidden_until_its_time(client, studies):
    due = timezone.now() + timedelta(hours=2)
    article = make_article(
        title="Scheduled story", published_at=due, categories=[studies], tags=["campus"]
    )

    with time_machine.travel(due - timedelta(seconds=1)):
        assert not article.is_published()
        assert client.get(article.get_absolute_url()).status_code == 404
        for url in _public_pages(article):
            assert "Scheduled story" not in client.get(url).text, url

    with time_machine.travel(due + timedelta(seconds=1)):
        assert article.is_published()
        assert client.get(article.get_absolute_url()).status_code == 200
        for url in _public_pages(article):
            assert "Scheduled story" in client.get(url).text, url


def test_published_article_without_time_gets_the_time_of_saving():
    before = timezone.now()
    article = make_article(published_at=None)

    assert before <= article.published_at <= timezone.now()
    assert article.is_published()


def test_draft_keeps_an_empty_publish_time():
    article = make_article(status=Status.DRAFT, published_at=None)

    assert article.published_at is None
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_article_is_public_only_in_its_own_language(client):
    article = make_article(language="fi", slug="uutinen", title="Suomenkielinen uutinen")

    assert client.get("/fi/news/uutinen/").status_code == 200
    assert client.get("/en/news/uutinen/").status_code == 404
    assert "Suomenkielinen uutinen" in client.get("/fi/news/").text
    assert "Suomenkielinen uutinen" not in client.get("/en/news/").text
    assert article.get_absolute_url() == "/fi/news/uutinen/"
