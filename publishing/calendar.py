"""The publishing calendar: scheduled and published stories of a day or a week, by day
in the site's time zone (settings.TIME_ZONE)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import QueryDict
from django.utils.http import urlencode

from articles.models import Article

DAY, WEEK = "day", "week"
# What a calendar entry shows: its time, title, language and state.
CALENDAR_FIELDS = ("title", "language", "status", "published_at", "ends_at")


@dataclass(frozen=True)
class CalendarDay:
    date: date
    is_today: bool
    articles: list[Article]

    @property
    def query(self) -> str:
        """The address of this day's own page (the day view)."""
        return _query(DAY, self.date)


def _query(span: str, day: date) -> str:
    return "?" + urlencode({"view": span, "date": day.isoformat()})


@dataclass(frozen=True)
class Calendar:
    span: str  # DAY or WEEK
    start: date  # the first day shown: the day, or the Monday of the week (ISO weeks)
    today: date

    @classmethod
    def from_query(cls, query: QueryDict, *, now: datetime) -> Calendar:
        """The calendar a page's query asks for (?view=day|week&date=YYYY-MM-DD): this
        week when it asks for nothing, or for something that is not a date."""
        today = now.astimezone(_zone()).date()
        span = DAY if query.get("view") == DAY else WEEK
        try:
            day = date.fromisoformat(query.get("date", ""))
        except ValueError:
            day = today
        if not date.min + timedelta(weeks=1) < day < date.max - timedelta(weeks=1):
            day = today  # no step from here would be a date
        start = day if span == DAY else day - timedelta(days=day.weekday())
        return cls(span=span, start=start, today=today)

    @property
    def length(self) -> int:
        return 1 if self.span == DAY else 7

    @property
    def end(self) -> date:
        """The last day shown."""
        return self.start + timedelta(days=self.length - 1)

    @property
    def week_number(self) -> int:
        return self.start.isocalendar().week

    @property
    def shows_today(self) -> bool:
        return self.start <= self.today <= self.end

    # The navigation: addresses of the neighbouring spans, today's, and the other view.

    @property
    def previous_query(self) -> str:
        return _query(self.span, self.start - timedelta(days=self.length))

    @property
    def next_query(self) -> str:
        return _query(self.span, self.start + timedelta(days=self.length))

    @property
    def today_query(self) -> str:
        return _query(self.span, self.today)

    @property
    def day_query(self) -> str:
        """The day view of today when this week holds it, else of the week's first day."""
        return _query(DAY, self.today if self.shows_today else self.start)

    @property
    def week_query(self) -> str:
        return _query(WEEK, self.start)

    def days(self) -> list[CalendarDay]:
        """Each day shown, with the live stories whose publish time falls on it in the
        site's time zone, earliest first. One query."""
        zone = _zone()
        start = datetime.combine(self.start, time.min, tzinfo=zone)
        end = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone)
        stories = (
            Article.objects.live()
            .publish_time_between(start, end)
            .only(*CALENDAR_FIELDS)
            .order_by("published_at", "pk")
        )
        by_day: dict[date, list[Article]] = defaultdict(list)
        for story in stories:
            by_day[story.published_at.astimezone(zone).date()].append(story)
        shown = [self.start + timedelta(days=n) for n in range(self.length)]
        return [CalendarDay(day, day == self.today, by_day[day]) for day in shown]


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)
