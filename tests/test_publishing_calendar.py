"""The publishing calendar: scheduled and published stories by day and by week, in the
site's time zone, with previous and next, today marked, for staff who may see articles."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Status
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

URL = "/admin/articles/article/calendar/"
# Wednesday 4 June 2025, noon in Helsinki: week 23 runs from Monday 2 to Sunday 8 June.
NOW = datetime(2025, 6, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def writer(client):
    client.force_login(make_user("wanda", role="Writer"))


def _page(client, query: str = "") -> str:
    response = client.get(URL + query)
    assert response.status_code == 200
    return response.text


def _day(page: str, day: str) -> str:
    start = page.index(f'aria-labelledby="day-{day}"')
    return page[start : page.index("</section>", start)]


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_a_role_may_not_open_it(client):
    client.force_login(make_user("nobody"))

    assert client.get(URL).status_code == 403


@time_machine.travel(NOW, tick=False)
def test_the_week_shows_scheduled_and_published_stories_by_day_with_state_and_language(
    client, writer
):
    published = make_article(
        title="Monday's story", language="fi", published_at=datetime(2025, 6, 2, 7, tzinfo=UTC)
    )
    scheduled = make_article(
        title="Friday's story", published_at=datetime(2025, 6, 6, 7, tzinfo=UTC)
    )
    make_article(
        title="A draft", status=Status.DRAFT, published_at=datetime(2025, 6, 3, tzinfo=UTC)
    )
    make_article(title="Next week's", published_at=datetime(2025, 6, 9, 7, tzinfo=UTC))

    page = _page(client)

    assert "Week 23: Monday 2 June 2025 – Sunday 8 June 2025" in page
    monday, friday = _day(page, "2025-06-02"), _day(page, "2025-06-06")
    assert f'href="/admin/articles/article/{published.pk}/change/" lang="fi"' in monday
    assert "Finnish" in monday
    assert "newsroom-state--published" in monday
    assert "10:00" in monday  # 07:00 UTC is 10:00 in Helsinki in summer
    assert f'href="/admin/articles/article/{scheduled.pk}/change/"' in friday
    assert "newsroom-state--scheduled" in friday
    assert "A draft" not in page
    assert "Next week&#x27;s" not in page and "Next week's" not in page
    assert len(re.findall(r'<section class="newsroom-calendar__day', page)) == 7


@time_machine.travel(NOW, tick=False)
def test_today_is_marked(client, writer):
    page = _page(client)

    today = _day(page, "2025-06-04")
    assert "newsroom-calendar__day--today" in page[page.index("day-2025-06-04") - 200 :]
    assert 'aria-current="date"' in today
    assert 'aria-current="date"' not in _day(page, "2025-06-03")


@time_machine.travel(NOW, tick=False)
def test_previous_and_next_step_a_week_or_a_day(client, writer):
    week = _page(client)
    assert 'href="?view=week&amp;date=2025-05-26" rel="prev"' in week
    assert 'href="?view=week&amp;date=2025-06-09" rel="next"' in week

    day = _page(client, "?view=day&date=2025-06-04")
    assert 'href="?view=day&amp;date=2025-06-03" rel="prev"' in day
    assert 'href="?view=day&amp;date=2025-06-05" rel="next"' in day
    assert len(re.findall(r'<section class="newsroom-calendar__day', day)) == 1
    assert 'aria-current="page">By day' in day


@time_machine.travel(NOW, tick=False)
def test_a_date_that_is_not_one_shows_this_week(client, writer):
    for query in ("?date=yesterday", "?date=0001-01-01", "?date=9999-12-31&view=day"):
        assert "day-2025-06-04" in _page(client, query)


@time_machine.travel(NOW, tick=False)
def test_a_story_at_half_past_eleven_utc_is_on_the_next_day_in_helsinki(client, writer):
    make_article(title="Night story", published_at=datetime(2025, 6, 2, 23, 30, tzinfo=UTC))

    page = _page(client)

    assert "Night story" in _day(page, "2025-06-03")
    assert "02:30" in _day(page, "2025-06-03")
    assert "Night story" not in _day(page, "2025-06-02")


@time_machine.travel(NOW, tick=False)
def test_the_calendar_costs_the_same_queries_however_many_stories(client, writer):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    make_article(published_at=NOW)
    few = queries()
    for n in range(20):
        make_article(published_at=NOW + timedelta(hours=n), language=["en", "fi", "sv"][n % 3])

    # The session and the user, the user's and the groups' permissions, the stories.
    assert queries() == few == 5


def test_the_article_list_and_the_desk_link_to_the_calendar(client, writer):
    assert f'href="{URL}"' in client.get("/admin/articles/article/").text
    assert f'href="{URL}"' in client.get("/admin/").text
