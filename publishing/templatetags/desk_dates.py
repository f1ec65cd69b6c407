"""Dates as the admin's own screens show them: `{{ moment|day_and_time }}`, e.g.
"Monday 2 June, 09:00", in the site's time zone and the editor's language."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.template.defaultfilters import date
from django.utils.translation import pgettext

register = template.Library()


@register.filter(expects_localtime=True)
def day_and_time(moment: datetime | None) -> str:
    # Translators: a day and time on the news desk and the article form, in Django's
    # date format (docs: the "date" template filter), e.g. "Monday 2 June, 09:00".
    return date(moment, pgettext("date format", "l j F, H:i"))


@register.filter(expects_localtime=True)
def time_of_day(moment: datetime | None) -> str:
    # Translators: a time of day in the publishing calendar, in Django's date format,
    # e.g. "09:00".
    return date(moment, pgettext("date format", "H:i"))
