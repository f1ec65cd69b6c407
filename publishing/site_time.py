"""Date-times the editors enter in the site's time zone (settings.TIME_ZONE).

One ``<input type="datetime-local">`` per time, read and shown in the site's zone
whatever zone the editor's browser is in (the browser does not convert such an input),
with help that names the zone and, for the publish time, quick choices ("Now",
"Tomorrow 9:00") whose values the server computes in the site's zone.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

INPUT_FORMAT = "%Y-%m-%dT%H:%M"
INPUT_FORMATS = [INPUT_FORMAT, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
TOMORROW_AT = time(9, 0)

# Zones in words; others are named after their city ("Stockholm time").
ZONE_NAMES = {"Europe/Helsinki": _("Helsinki time")}


def site_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def utc_offset(moment: datetime) -> str:
    """ "+2", "-5", "+5:30": the offset of an aware datetime, as people write it."""
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_description(at: datetime | None = None) -> str:
    """The site's zone in words with its offset at `at` (default now): "Helsinki time (UTC+2)"."""
    zone = site_zone()
    moment = (at or timezone.now()).astimezone(zone)
    name = ZONE_NAMES.get(settings.TIME_ZONE)
    if name is None:
        city = settings.TIME_ZONE.rsplit("/", 1)[-1].replace("_", " ")
        name = gettext("%(city)s time") % {"city": city}
    return gettext("%(zone)s (UTC%(offset)s)") % {"zone": name, "offset": utc_offset(moment)}


def quick_choices(now: datetime | None = None) -> list[tuple[str, str]]:
    """(label, value in the site's zone) for the quick publish-time buttons."""
    local = (now or timezone.now()).astimezone(site_zone())
    tomorrow = datetime.combine(local.date() + timedelta(days=1), TOMORROW_AT)
    return [
        (gettext("Now"), local.strftime(INPUT_FORMAT)),
        (gettext("Tomorrow 9:00"), tomorrow.strftime(INPUT_FORMAT)),
    ]


class SiteDateTimeInput(forms.DateTimeInput):
    """A datetime-local input; with `quick_choices`, "Now" / "Tomorrow 9:00" buttons.

    No vDateField/vTimeField class: the admin's DateTimeShortcuts.js, which adds the
    "You are N hours behind server time" note, leaves the input alone.
    """

    input_type = "datetime-local"

    class Media:
        js = ["js/site-time.js"]

    def __init__(self, attrs: dict[str, Any] | None = None, quick_choices: bool = False) -> None:
        super().__init__(attrs={"type": "datetime-local", **(attrs or {})}, format=INPUT_FORMAT)
        self.quick_choices = quick_choices

    def format_value(self, value: Any) -> str | None:
        # A time with seconds (an imported article's) keeps them, so that saving the form
        # unchanged does not move it; the browser then shows the seconds too.
        if isinstance(value, datetime) and value.second:
            return value.strftime(INPUT_FORMAT + ":%S")
        return super().format_value(value)

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        html = super().render(name, value, attrs, renderer)
        if not self.quick_choices:
            return html
        input_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        buttons = format_html_join(
            " ",
            '<button type="button" class="button newsroom-site-time-choice" hidden '
            'aria-controls="{}" data-site-time="{}" data-time-zone="{}" data-kind="{}">{}</button>',
            (
                (input_id, value, settings.TIME_ZONE, kind, label)
                for kind, (label, value) in zip(("now", "tomorrow"), quick_choices(), strict=True)
            ),
        )
        return format_html('{} <span class="newsroom-site-time-choices">{}</span>', html, buttons)


class SiteDateTimeField(forms.DateTimeField):
    """Read and shown in the site's time zone, whatever zone is active."""

    input_formats = INPUT_FORMATS
    widget = SiteDateTimeInput

    def prepare_value(self, value: Any) -> Any:
        with timezone.override(site_zone()):
            return super().prepare_value(value)

    def to_python(self, value: Any) -> datetime | None:
        with timezone.override(site_zone()):
            return super().to_python(value)
