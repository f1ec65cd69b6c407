"""The public rule is stated once (articles/models/public_rule.py) and every surface
follows it.

Its end-time condition (an article's `ends_at`) was added in that one place: at that
moment the article leaves the article page, the listings, search, the feeds, the
sitemap, the API, "Read more news", its translation's language links and
is_published(), and the end time is in the page cache's schedule, with no other change
to the code that reads the rule.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from articles.conditions import compared_with, matches
from articles.models import Article, Status, public_rule
from pagecache import caching
from tests.factories import link, make_article, make_category

pytestmark = pytest.mark.django_db

TITLE = "Zeppelin lands on the campus lawn"


@dataclass
class Site:
    article: Article  # public for another hour
    translation: Article
    neighbour: Article  # links to it and shares its category and tag
    ending_soon: Article
    scheduled: Article


@pytest.fixture
def site() -> Site:
    now = timezone.now()
    studies = make_category(slug="studies")
    article = make_article(
        title=TITLE,
        slug="zeppelin",
        categories=[studies],
        tags=["airships"],
        published_at=now - timedelta(hours=2),
        ends_at=now + timedelta(hours=1),
    )
    neighbour = make_article(title="Neighbour", categories=[studies], tags=["airships"])
    link(neighbour, article)
    return Site(
        article=article,
        translation=make_article(
            language="fi", slug="zeppeliini", translation_of=article, categories=[studies]
        ),
        neighbour=neighbour,
        ending_soon=make_article(title="Ending soon", ends_at=now + timedelta(hours=3)),
        scheduled=make_article(title="Scheduled", published_at=now + timedelta(minutes=30)),
    )


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _in_api_list(client, site: Site) -> bool:
    response = client.get("/api/v1/articles/?page_size=100")
    assert response.status_code == 200
    return site.article.pk in {item["id"] for item in response.json()["results"]}


def _in_read_more_news(client, site: Site) -> bool:
    response = client.get(site.neighbour.get_absolute_url())
    assert response.status_code == 200
    return site.article in response.context["related_articles"]


# Each surface: whether it shows the article.
SURFACES = {
    "article page": lambda client, site: client.get("/en/news/zeppelin/").status_code == 200,
    "news index": lambda client, site: TITLE in _page(client, "/en/news/"),
    "category page": lambda client, site: TITLE in _page(client, "/en/news/category/studies/"),
    "tag page": lambda client, site: TITLE in _page(client, "/en/news/tag/airships/"),
    "search": lambda client, site: TITLE in _page(client, "/en/news/search/?q=zeppelin"),
    "RSS feed": lambda client, site: TITLE in _page(client, "/en/news/feed/"),
    "Atom feed": lambda client, site: TITLE in _page(client, "/en/news/atom/"),
    "category feed": lambda client, site: TITLE in _page(client, "/en/news/category/studies/feed/"),
    "sitemap": lambda client, site: "/en/news/zeppelin/" in _page(client, "/sitemap-articles.xml"),
    "API list": _in_api_list,
    "API detail": lambda client, site: (
        client.get(f"/api/v1/articles/{site.article.pk}/").status_code == 200
    ),
    "Read more news": _in_read_more_news,
    "its translation's language links": lambda client, site: (
        "/en/news/zeppelin/" in _page(client, site.translation.get_absolute_url())
    ),
    "is_published()": lambda client, site: site.article.is_published(),
}


@pytest.mark.parametrize("surface", SURFACES)
def test_every_surface_shows_the_article_under_the_rule_as_it_is(client, site, surface):
    assert SURFACES[surface](client, site)


@pytest.mark.parametrize("surface", SURFACES)
def test_at_its_end_time_the_article_leaves_every_surface(client, site, time_machine, surface):
    time_machine.move_to(site.article.ends_at + timedelta(seconds=1))

    assert not SURFACES[surface](client, site)
    # What has not ended yet is still shown.
    assert "Ending soon" in _page(client, "/en/news/")


def test_the_next_change_is_the_next_publish_time_or_end_time(site, time_machine):
    assert caching.next_change() == site.scheduled.published_at.timestamp()

    time_machine.move_to(site.scheduled.published_at + timedelta(seconds=1))
    assert caching.next_change() == site.article.ends_at.timestamp()


def test_the_instance_twin_and_the_queryset_agree_on_both_sides_of_each_boundary(time_machine):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    moments = [None, now - timedelta(seconds=1), now + timedelta(seconds=1)]
    for status in Status:
        for published_at in moments:
            for ends_at in moments:
                article = make_article(status=status)
                # save() fills in a published article's missing time; update() does not.
                Article.objects.filter(pk=article.pk).update(
                    published_at=published_at, ends_at=ends_at
                )

    public = set(Article.objects.published().values_list("pk", flat=True))
    scheduled = set(Article.objects.scheduled().values_list("pk", flat=True))
    ended = set(Article.objects.ended().values_list("pk", flat=True))
    articles = list(Article.objects.all())
    assert public == {article.pk for article in articles if article.is_published()}
    released = {article.pk for article in articles if article.status == Status.PUBLISHED}
    # Each article an editor published is public, scheduled or ended: one of the three.
    assert public and scheduled and ended
    assert public | scheduled | ended == released
    assert not public & scheduled and not public & ended and not scheduled & ended
    # Scheduled: its time not come (or no time at all); ended: its end time passed.
    assert scheduled == {
        article.pk
        for article in articles
        if article.pk in released and not (article.published_at and article.published_at <= now)
    }
    assert ended == {
        article.pk
        for article in articles
        if article.pk in released
        and article.pk not in scheduled
        and article.ends_at is not None
        and article.ends_at <= now
    }
    states = {article.pk: article.publication_state for article in articles}
    assert {pk for pk, state in states.items() if state == "ended"} == ended


def test_the_clock_fields_are_read_from_the_rule():
    now = timezone.now()
    assert compared_with(public_rule.public_q(now), now) == ["published_at", "ends_at"]


def test_the_instance_twin_refuses_a_condition_it_cannot_read():
    article = make_article()
    with pytest.raises(ValueError, match="not understood"):
        matches(article, Q(title__icontains="news"))
    with pytest.raises(ValueError, match="not understood"):
        matches(article, Q(hero_photo__alt_text="x"))
