"""Queries per page do not grow with the number of items shown (no N+1), for every
public page type; and a page served from the page cache costs one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleAuthor, ArticleContact, GalleryPhoto, Person
from tests.factories import link, make_article, make_category, make_person, make_photo

pytestmark = pytest.mark.django_db

# The first page rendered (cache miss) in a content version starts with the page cache's
# two reads: the content version (all a cache hit reads) and the next scheduled change
# (pagecache.caching), which later pages of the version find remembered.
CACHE = 2
# Listings: the ids of the page, its articles with their photos, their categories (a
# prefetch), the category list (where the category page finds its category), the count
# for pagination, the notice, the site identity (and the tag's lookup).
BUDGETS = {
    "/en/news/": CACHE + 7,
    "/en/news/?page=2": CACHE + 7,
    "/en/news/category/studies/": CACHE + 7,
    "/en/news/tag/campus/": CACHE + 8,
    # The listing's queries and the person.
    "/en/news/author/anna/": CACHE + 8,
    # Categories, ids, the page's articles, their categories, the notice, the identity.
    "/en/news/search/?q=story": CACHE + 6,
    # The articles with their photos, their categories, their authors with the people,
    # the identity (the publisher's name), and for a category's feed the category list
    # (both remembered from an earlier page on a running site), for an author's feed
    # the person.
    "/en/news/feed/": CACHE + 4,
    "/en/news/atom/": CACHE + 4,
    "/en/news/category/studies/feed/": CACHE + 5,
    "/en/news/author/anna/feed/": CACHE + 5,
    # The index: a count per section (the pages section counts its category list, the
    # authors section reads its pages).
    "/sitemap.xml": CACHE + 3,
    # Category slugs, the count, the page with photos, the translated stories.
    "/sitemap-articles.xml": CACHE + 4,
    # The author pages, one query.
    "/sitemap-authors.xml": CACHE + 1,
    # Count, page, categories, tags, corrections, authors, contacts, translations (plus
    # the category's lookup).
    "/api/v1/articles/": CACHE + 8,
    "/api/v1/articles/?category=studies&page_size=50": CACHE + 9,
    # The statement in the page's language, the notice, the identity.
    "/en/accessibility/": CACHE + 3,
}
# The article with its photos; its categories, tags, gallery (with the photos), authors
# and contacts (with the people) and corrections (a prefetch each); its public
# translations; the related cards with their photos, and their categories (a
# prefetch). The category list, the notice, the identity and the next change are
# remembered from an earlier page. The API: the article, categories, tags, corrections,
# authors, contacts, translations.
ARTICLE_QUERIES = {"detail": CACHE - 1 + 10, "api": CACHE - 1 + 7}


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _populate(count: int, category, photo) -> list:
    """`count` articles, each with a photo, two categories, two tags, a translation and
    two authors (Anna, whose page lists them all, and one of its own) and a contact."""
    other = make_category()
    anna = Person.objects.filter(slug="anna").first() or make_person("Anna", slug="anna")
    articles = []
    for n in range(count):
        article = make_article(
            title=f"Story {n}",
            categories=[category, other],
            tags=["campus", f"t{n}"],
            hero_photo=photo,
            authors=[anna, make_person()],
            contacts=[make_person()],
        )
        make_article(language="fi", translation_of=article, categories=[category])
        articles.append(article)
    return articles


@pytest.mark.parametrize("url", BUDGETS)
def test_each_page_makes_the_same_queries_for_one_article_or_many(client, url):
    studies = make_category(slug="studies")
    _populate(13, studies, make_photo())  # a second page exists
    few = _count_queries(client, url)

    _populate(30, studies, make_photo())
    many = _count_queries(client, url)

    assert few == many <= BUDGETS[url]


@pytest.mark.parametrize("url", [*BUDGETS, "/en/news/story-x/", "/api/v1/articles/{pk}/"])
def test_a_page_from_the_cache_costs_one_query(client, url):
    article = make_article(slug="story-x", categories=[make_category(slug="studies")])
    _populate(13, make_category(), make_photo())
    url = url.format(pk=article.pk)
    _count_queries(client, url)
    assert _count_queries(client, url) == 1


def _add_to_article(article, count: int, studies) -> None:
    """`count` of everything the article page shows beside the article itself."""
    article.categories.add(*[make_category() for _ in range(count)])
    article.tags.add(*[f"tag {n}" for n in range(count)])
    link(article, *_populate(count, studies, make_photo()))
    for position in range(count):
        GalleryPhoto.objects.create(article=article, photo=make_photo(), position=position)
        ArticleAuthor.objects.create(article=article, person=make_person(), position=position)
        ArticleContact.objects.create(article=article, person=make_person(), position=position)


@pytest.mark.parametrize("url", ["detail", "api"])
def test_article_page_makes_the_same_queries_however_much_it_shows(client, url):
    studies = make_category(slug="studies")
    one = make_article(categories=[studies], hero_photo=make_photo())
    _add_to_article(one, 1, studies)
    many = make_article(categories=[studies], hero_photo=make_photo())
    _add_to_article(many, 4, studies)
    make_article(language="fi", slug="kaannos", translation_of=many)
    make_article(language="sv", slug="oversattning", translation_of=many)

    def address(article) -> str:
        return article.get_absolute_url() if url == "detail" else f"/api/v1/articles/{article.pk}/"

    _count_queries(client, address(make_article()))  # what pages share is remembered
    queries_for_one = _count_queries(client, address(one))
    queries_for_many = _count_queries(client, address(many))

    assert queries_for_many == queries_for_one == ARTICLE_QUERIES[url]
