"""The admin's home page is a news desk: a writer's drafts, what awaits review, what is
scheduled and what was published, under the site's name, with the security tables left
to superusers; in a constant number of queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(client):
    user = make_user("wanda", role="Writer")
    client.force_login(user)
    return user


def _desk(client) -> str:
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.text


def _section(page: str, section_id: str) -> str:
    """The HTML of one desk section, from its opening tag to its end."""
    start = page.index(f'aria-labelledby="{section_id}"')
    return page[start : page.index("</section>", start)]


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_desk_carries_the_sites_name_not_djangos(client, writer, settings):
    settings.SITE_NAME = "Campus News"

    page = _desk(client)

    assert "Campus News" in page
    assert "<title>News desk | Campus News</title>" in page
    assert "Django administration" not in page
    assert "Django site admin" not in page


def test_a_writer_sees_write_a_story_and_their_own_drafts_newest_first(client, writer):
    other = make_user("otto", role="Writer")
    older = make_article(title="Older draft", status=Status.DRAFT, author=writer)
    newer = make_article(title="Newer draft", status=Status.DRAFT, author=writer, language="fi")
    make_article(title="Someone else's draft", status=Status.DRAFT, author=other)
    make_article(title="My story in review", status=Status.REVIEW, author=writer)
    older.save()  # changed last: first on the desk
    newer_time = timezone.now() - timedelta(days=1)
    type(newer).objects.filter(pk=newer.pk).update(modified_at=newer_time)

    page = _desk(client)
    drafts = _section(page, "desk-drafts")

    assert 'href="/admin/articles/article/add/"' in page
    assert "Write a story" in page
    assert drafts.index("Older draft") < drafts.index("Newer draft")
    assert "Someone else" not in drafts
    assert "My story in review" not in drafts
    assert f'href="/admin/articles/article/{newer.pk}/change/" lang="fi"' in drafts
    assert "Finnish" in drafts


def test_articles_awaiting_review_are_listed_with_their_count(client, writer):
    for n in range(3):
        make_article(title=f"Waiting {n}", status=Status.REVIEW, language="sv")
    make_article(title="A draft", status=Status.DRAFT)

    review = _section(_desk(client), "desk-review")

    assert "Awaiting review (3)" in review
    assert review.count('class="newsroom-desk__item"') == 3
    assert "Swedish" in review
    assert 'href="/admin/articles/article/?state=review"' in review


def test_scheduled_shows_the_next_fourteen_days_soonest_first_in_local_time(client, writer):
    now = timezone.now()
    later = make_article(title="In a week", published_at=now + timedelta(days=7))
    make_article(title="Sooner", published_at=now + timedelta(hours=2))
    make_article(title="Too far ahead", published_at=now + timedelta(days=15))
    make_article(title="Already out", published_at=now - timedelta(minutes=1))

    scheduled = _section(_desk(client), "desk-scheduled")

    assert scheduled.index("Sooner") < scheduled.index("In a week")
    assert "Too far ahead" not in scheduled
    assert "Already out" not in scheduled
    local = timezone.localtime(later.published_at)
    assert local.strftime("%A %-d %B, %H:%M") in scheduled


@time_machine.travel(datetime(2025, 6, 1, 20, 0, tzinfo=UTC), tick=False)
def test_a_story_scheduled_at_half_past_eleven_utc_shows_the_next_day_in_helsinki(client, writer):
    make_article(title="Night story", published_at=datetime(2025, 6, 1, 23, 30, tzinfo=UTC))

    scheduled = _section(_desk(client), "desk-scheduled")

    assert "Monday 2 June, 02:30" in scheduled


def test_recently_published_shows_the_last_ten_newest_first(client, writer):
    now = timezone.now()
    for n in range(12):
        make_article(title=f"Published story {n:02}", published_at=now - timedelta(hours=n + 1))

    published = _section(_desk(client), "desk-published")

    assert published.count('class="newsroom-desk__item"') == 10
    assert published.index("Published story 00") < published.index("Published story 09")
    assert "Published story 10" not in published


def test_a_writer_sees_only_the_editorial_apps(client, writer):
    page = _desk(client)

    assert 'href="/admin/articles/"' in page
    assert 'href="/admin/photos/"' in page
    assert 'href="/admin/taggit/"' in page
    for hidden in ("Authentication and Authorization", "Axes", "/admin/auth/", "/admin/axes/"):
        assert hidden not in page
    assert client.get("/admin/auth/").status_code == 404


def test_staff_with_a_permission_on_users_still_do_not_see_the_security_tables(client):
    from django.contrib.auth.models import Permission

    user = make_user("eero", role="Editor")
    user.user_permissions.add(Permission.objects.get(codename="view_user"))
    client.force_login(user)

    page = _desk(client)

    assert "Authentication and Authorization" not in page
    assert "/admin/auth/user/" not in page


def test_a_superuser_sees_the_security_tables_too(client):
    admin = get_user_model().objects.create_superuser("root", "root@example.edu", "pw")
    client.force_login(admin)

    page = _desk(client)

    assert "Authentication and Authorization" in page
    assert 'href="/admin/axes/"' in page
    assert "My drafts" in page


def test_staff_without_a_role_get_no_desk(client):
    client.force_login(make_user("nobody"))

    page = _desk(client)

    assert "My drafts" not in page
    assert "Write a story" not in page


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_the_desk_costs_the_same_queries_however_many_stories(client, role):
    user = make_user("someone", role=role)
    client.force_login(user)
    now = timezone.now()
    make_article(status=Status.DRAFT, author=user)
    make_article(status=Status.REVIEW)
    make_article(published_at=now + timedelta(days=1))
    make_article()
    few = _queries(client)
    for n in range(15):
        make_article(status=Status.DRAFT, author=user, language=["en", "fi", "sv"][n % 3])
        make_article(status=Status.REVIEW)
        make_article(published_at=now + timedelta(days=1, minutes=n))
        make_article()
    many = _queries(client)

    assert few == many
    # The session and the user, the user's and the groups' permissions, the desk's four
    # lists and the review count, the photo licences ending, and the admin's "Recent
    # actions".
    assert many == 11
