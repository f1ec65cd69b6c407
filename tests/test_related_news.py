"""'Read more news': manual links first, filled to four with recent articles that share
a category or tag; public, same language, never the article itself."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Status
from tests.factories import link, make_article, make_category, make_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def studies():
    return make_category(name_en="Studies", slug="studies")


def _related_titles(client, article) -> list[str]:
    response = client.get(article.get_absolute_url())
    return [card.title for card in response.context["related_articles"]]


def test_manual_links_come_first_in_their_order_then_recent_articles_fill_to_four(client, studies):
    now = timezone.now()
    article = make_article(title="Main", categories=[studies])
    manual_b = make_article(title="Manual B", published_at=now - timedelta(days=30))
    manual_a = make_article(title="Manual A", published_at=now - timedelta(days=40))
    for days, title in [(1, "Recent 1"), (2, "Recent 2"), (3, "Recent 3"), (4, "Recent 4")]:
        make_article(title=title, categories=[studies], published_at=now - timedelta(days=days))
    link(article, manual_b, manual_a)

    assert _related_titles(client, article) == ["Manual B", "Manual A", "Recent 1", "Recent 2"]


def test_articles_sharing_a_tag_fill_the_block(client, studies):
    article = make_article(title="Main", categories=[studies], tags=["architecture"])
    make_article(title="Same tag", tags=["architecture"])
    make_article(title="Unrelated", tags=["sports"])

    assert _related_titles(client, article) == ["Same tag"]


def test_the_block_never_shows_the_article_itself(client, studies):
    article = make_article(title="Main", categories=[studies])
    make_article(title="Other", categories=[studies])

    assert _related_titles(client, article) == ["Other"]


def test_unpublished_and_scheduled_articles_are_never_shown(client, studies):
    article = make_article(title="Main", categories=[studies])
    draft = make_article(title="Draft", status=Status.DRAFT, categories=[studies])
    scheduled = make_article(
        title="Scheduled", published_at=timezone.now() + timedelta(minutes=5), categories=[studies]
    )
    link(article, draft, scheduled)
    make_article(title="Public", categories=[studies])

    assert _related_titles(client, article) == ["Public"]


def test_only_articles_in_the_same_language_are_shown(client, studies):
    article = make_article(title="Main", categories=[studies])
    finnish = make_article(title="Suomeksi", language="fi", categories=[studies])
    link(article, finnish)
    make_article(title="In English", categories=[studies])

    assert _related_titles(client, article) == ["In English"]


def test_a_manual_link_is_not_repeated_by_the_automatic_fill(client, studies):
    article = make_article(title="Main", categories=[studies])
    linked = make_article(title="Linked and related", categories=[studies])
    link(article, linked)

    assert _related_titles(client, article) == ["Linked and related"]


def test_more_than_four_manual_links_show_the_first_four(client, studies):
    article = make_article(title="Main")
    targets = [make_article(title=f"Manual {n}") for n in range(6)]
    link(article, *targets)

    assert _related_titles(client, article) == [f"Manual {n}" for n in range(4)]


def test_cards_show_photo_categories_date_title_and_summary(client, studies):
    article = make_article(title="Main", categories=[studies])
    make_article(
        title="Related story",
        lead="A summary of the related story.",
        hero_photo=make_photo(alt_text="Students on stairs"),
        categories=[studies],
    )

    page = client.get(article.get_absolute_url()).text
    block = page[page.index("Read more news") :]

    assert 'alt="Students on stairs"' in block
    assert '<span class="card__categories">Studies</span>' in block
    assert "Published: <time datetime=" in block
    assert ">Related story</a></h3>" in block
    assert "A summary of the related story." in block


def test_the_block_is_absent_when_nothing_is_related(client):
    article = make_article(title="Lonely")

    assert "Read more news" not in client.get(article.get_absolute_url()).text
