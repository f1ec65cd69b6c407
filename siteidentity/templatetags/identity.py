"""Template filters of the site identity: `{% load identity %}`."""

from __future__ import annotations

from django import template

from ..models import SiteIdentity

register = template.Library()


@register.filter
def icon_url(identity: SiteIdentity, size: int) -> str:
    """`{{ identity|icon_url:180 }}`: the address of the square PNG icon of that size."""
    return identity.icon_url(int(size))
