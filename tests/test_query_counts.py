"""Queries per page do not grow with the number of items shown (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import GalleryPhoto, MediaContact
from tests.factories import link, make_article, make_category, make_photo

pytestmark = pytest.mark.django_db

# One page, whatever it shows: the articles, their categories, the category list,
# the count for pagination, the notice, and taggit's lookups on tag pages.
MAX_LISTING_QUERIES = 6
MAX_ARTICLE_QUERIES = 11


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _populate(count: int, category, photo) -> list:
    """`count` articles, each with a photo, two categories and two tags."""
    other = make_category()
    return [
        make_article(categories=[category, other], tags=["campus", f"t{n}"], hero_photo=photo)
        for n in range(count)
    ]


@pytest.mark.parametrize("url", ["/en/news/", "/en/news/category/studies/", "/en/news/tag/campus/"])
def test_listing_pages_make_the_same_queries_for_one_article_or_a_full_page(client, url):
    studies = make_category(slug="studies")
    photo = make_photo()
    _populate(1, studies, photo)
    few = _count_queries(client, url)

    _populate(11, studies, make_photo())
    many = _count_queries(client, url)

    assert few == many
    assert many <= MAX_LISTING_QUERIES


def _add_to_article(article, count: int, studies) -> None:
    """`count` of everything the article page shows beside the article itself."""
    article.categories.add(*[make_category() for _ in range(count)])
    article.tags.add(*[f"tag {n}" for n in range(count)])
    link(article, *_populate(count, studies, make_photo()))
    for position in range(count):
        GalleryPhoto.objects.create(article=article, photo=make_photo(), position=position)
        MediaContact.objects.create(article=article, name=f"Contact {position}")


def test_article_page_makes_the_same_queries_however_much_it_shows(client):
    studies = make_category(slug="studies")
    one = make_article(categories=[studies], hero_photo=make_photo())
    _add_to_article(one, 1, studies)
    many = make_article(categories=[studies], hero_photo=make_photo())
    _add_to_article(many, 4, studies)
    make_article(language="fi", slug="kaannos", translation_of=many)
    make_article(language="sv", slug="oversattning", translation_of=many)

    queries_for_one = _count_queries(client, one.get_absolute_url())
    queries_for_many = _count_queries(client, many.get_absolute_url())

    # Four manual links leave nothing to fill, which saves the fill query.
    assert queries_for_many <= queries_for_one <= MAX_ARTICLE_QUERIES
