"""The Jinja2 environment of the public pages (templates in public_templates/).

The public pages are rendered with Jinja2, which compiles a template to Python code:
the same markup in less time than Django's template language, whose rendering was a
quarter of the index page's time (README "Performance"). The admin, the server-error
pages and the sitemaps stay with Django's templates (templates/). The helpers below are
what the public templates call: Django's own filters where one exists, so dates and
text look as before.

Translations: templates use `_("…")`, which `makemessages` finds in templates as it
does in Django's; plural texts are made in Python (ngettext), where it finds those.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.template import defaultfilters
from django.templatetags.static import static
from django.utils import translation
from django.utils.timezone import template_localtime
from jinja2 import ChainableUndefined, Environment

from ..addresses import address
from .cards import article_card
from .helpers import (
    json_ld,
    language_links,
    lockout_message,
    machine_datetime,
    og_locale,
    sanitized,
)
from .photos import picture


def date(value: datetime | None, format: str | None = None) -> str:
    """Django's `date` filter, in the site's time zone as in Django's templates."""
    return defaultfilters.date(template_localtime(value), format)


def environment(**options: Any) -> Environment:
    # Like Django's templates, a missing value (page_meta on the 404 page) renders as
    # nothing, also when a template asks for its attributes.
    options["undefined"] = ChainableUndefined
    options.pop("autoescape", None)
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(
        translation.gettext, translation.ngettext, newstyle=False, pgettext=translation.pgettext
    )
    env.globals.update(
        url=address,  # {% url %}, remembered
        static=static,
        get_language=translation.get_language,
        article_card=article_card,
        picture=picture,
        language_links=language_links,
        lockout_message=lockout_message,
    )
    env.filters.update(
        date=date,
        truncatechars=defaultfilters.truncatechars,
        capfirst=defaultfilters.capfirst,
        urlencode=defaultfilters.urlencode,
        cut=defaultfilters.cut,
        json_ld=json_ld,
        machine_datetime=machine_datetime,
        og_locale=og_locale,
        sanitized=sanitized,
    )
    return env
