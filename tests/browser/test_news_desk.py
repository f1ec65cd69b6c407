"""The news desk and the publishing calendar in a real browser, as a Writer and as an
Editor: what each shows, axe-core finds no WCAG A/AA violation, and every link used here
is reached with Tab, shows a focus ring and is followed with Enter."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles.models import Status
from tests.browser.test_accessibility import ADMIN_KNOWN, _describe, run_axe
from tests.browser.test_keyboard import assert_focus_visible, tab_to
from tests.factories import make_article, make_user

PASSWORD = "correct horse battery staple"
ROLES = ["Writer", "Editor"]


def _log_in(page: Page, role: str) -> None:
    make_user("staffer", role=role, password=PASSWORD)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("staffer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_be_visible()


def _stories() -> None:
    from django.contrib.auth import get_user_model

    author = get_user_model().objects.get(username="staffer")
    now = timezone.now()
    make_article(title="My draft about the library", status=Status.DRAFT, author=author)
    make_article(title="Väitöskirja odottaa", status=Status.REVIEW, language="fi")
    make_article(title="Coming on Friday", published_at=now + timedelta(days=2))
    make_article(title="Out this morning", language="sv", published_at=now - timedelta(minutes=1))


def _no_violations(page: Page) -> None:
    violations = run_axe(page, known=ADMIN_KNOWN)
    assert not violations, (
        f"axe-core found WCAG A/AA violations:\n{_describe({page.url: violations})}"
    )


@pytest.mark.parametrize("role", ROLES)
def test_the_news_desk_lists_the_stories_and_works_from_the_keyboard(page: Page, role: str):
    _log_in(page, role)
    _stories()

    page.goto("/admin/")

    expect(page).to_have_title("News desk | Newsroom")
    expect(page.locator("#site-name")).to_have_text("Newsroom")
    for name, story in [
        ("My drafts", "My draft about the library"),
        ("Awaiting review (1)", "Väitöskirja odottaa"),
        ("Scheduled in the next 14 days", "Coming on Friday"),
        ("Recently published", "Out this morning"),
    ]:
        section = page.get_by_role("region", name=name)
        expect(section.get_by_role("link", name=story)).to_be_visible()
    expect(page.get_by_text("Authentication and Authorization")).to_have_count(0)
    _no_violations(page)

    visited = tab_to(page, page.get_by_role("link", name="Publishing calendar"))
    assert_focus_visible(visited[-1:])
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/articles/article/calendar/$"))

    page.go_back()
    write = page.get_by_role("link", name="Write a story")
    assert_focus_visible(tab_to(page, write)[-1:])
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/articles/article/add/$"))


@pytest.mark.parametrize("role", ROLES)
def test_the_calendar_steps_by_week_and_day_from_the_keyboard(page: Page, role: str):
    _log_in(page, role)
    _stories()

    page.goto("/admin/articles/article/calendar/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Publishing calendar")
    today = page.locator(".newsroom-calendar__day--today")
    expect(today.get_by_role("heading", level=3)).to_have_attribute("aria-current", "date")
    expect(page.get_by_role("link", name="Out this morning")).to_be_visible()
    expect(page.get_by_role("link", name="By week")).to_have_attribute("aria-current", "page")
    _no_violations(page)

    nav = page.get_by_role("navigation", name="Calendar navigation")
    visited = tab_to(page, nav.get_by_role("link", name="Next week"))
    visited += tab_to(page, nav.get_by_role("link", name="By day"), limit=2)
    assert_focus_visible(visited[-3:])
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?view=day&date=\d{4}-\d{2}-\d{2}$"))
    expect(page.locator(".newsroom-calendar__day")).to_have_count(1)
    _no_violations(page)

    assert_focus_visible(tab_to(page, page.get_by_role("link", name="Next day"))[-1:])
    page.keyboard.press("Enter")
    expect(page.locator(".newsroom-calendar__day--today")).to_have_count(0)

    page.goto("/admin/articles/article/calendar/")
    story = page.get_by_role("link", name="Out this morning")
    assert_focus_visible(tab_to(page, story)[-1:])
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/articles/article/\d+/change/$"))
