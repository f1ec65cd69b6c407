"""The public rule is stated once (articles/models/public_rule.py) and every surface
follows it.

A condition added in that one place, here an end time such as an expiry would bring,
takes an article off the article page, the listings, search, the feeds, the sitemap,
the API, "Read more news", its translation's language links and is_published(), and
puts the end time into the page cache's schedule, with no other change to the code.
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


@pytest.fixture
def with_end_time(monkeypatch):
    """The rule with an end time, as an expiry would add it: public until `updated_at`
    (which stands in for an end time field here) when there is one."""
    rule = public_rule.public_q

    def public_q(now):
        return rule(now) & (Q(updated_at__isnull=True) | Q(updated_at__gt=now))

    monkeypatch.setattr(public_rule, "public_q", public_q)


@dataclass
class Site:
    article: Article  # its end time has passed
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
        updated_at=now - timedelta(minutes=1),
    )
    neighbour = make_article(title="Neighbour", categories=[studies], tags=["airships"])
    link(neighbour, article)
    return Site(
        article=article,
        translation=make_article(
            language="fi", slug="zeppeliini", translation_of=article, categories=[studies]
        ),
        neighbour=neighbour,
        ending_soon=make_article(title="Ending soon", updated_at=now + timedelta(minutes=10)),
        scheduled=make_article(title="Scheduled", published_at=now + timedelta(hours=1)),
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
def test_an_end_time_added_to_the_rule_takes_the_article_off_every_surface(
    client, site, with_end_time, surface
):
    assert not SURFACES[surface](client, site)
    # What has not ended yet is still shown.
    assert "Ending soon" in _page(client, "/en/news/")


def test_the_next_change_is_the_next_publish_time(site):
    assert caching.next_change() == site.scheduled.published_at.timestamp()


def test_an_end_time_added_to_the_rule_is_the_next_change_when_it_comes_first(site, with_end_time):
    assert caching.next_change() == site.ending_soon.updated_at.timestamp()


@pytest.mark.parametrize("rule", ["as it is", "with an end time"])
def test_the_instance_twin_and_the_queryset_agree_on_both_sides_of_each_boundary(request, rule):
    if rule == "with an end time":
        request.getfixturevalue("with_end_time")
    now = timezone.now()
    request.getfixturevalue("time_machine").move_to(now, tick=False)
    moments = [None, now - timedelta(seconds=1), now + timedelta(seconds=1)]
    for status in Status:
        for published_at in moments:
            for updated_at in moments:
                article = make_article(status=status, updated_at=updated_at)
                # save() fills in a published article's missing time; update() does not.
                Article.objects.filter(pk=article.pk).update(published_at=published_at)

    public = set(Article.objects.published().values_list("pk", flat=True))
    scheduled = set(Article.objects.scheduled().values_list("pk", flat=True))
    articles = list(Article.objects.all())
    assert public == {article.pk for article in articles if article.is_published()}
    # Scheduled: published by an editor, its time not come (or no time at all).
    released = {article.pk for article in articles if article.status == Status.PUBLISHED}
    assert public and scheduled and not public & scheduled
    assert scheduled == {
        article.pk
        for article in articles
        if article.pk in released and not (article.published_at and article.published_at <= now)
    }
    if rule == "as it is":
        assert public | scheduled == released
    else:  # and some have ended
        assert public | scheduled < released


def test_the_clock_fields_are_read_from_the_rule(with_end_time):
    now = timezone.now()
    assert compared_with(public_rule.public_q(now), now) == ["published_at", "updated_at"]


def test_the_instance_twin_refuses_a_condition_it_cannot_read():
    article = make_article()
    with pytest.raises(ValueError, match="not understood"):
        matches(article, Q(title__icontains="news"))
    with pytest.raises(ValueError, match="not understood"):
        matches(article, Q(hero_photo__alt_text="x"))
