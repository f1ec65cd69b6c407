"""Template tags and filters of the public news pages: `{% load news %}`."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django import template
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from pagecache import caching
from photos import renditions
from photos.models import Photo
from siteidentity.current import current_identity

from ..addresses import absolute_url
from ..metadata import DEFAULT_IMAGE, DEFAULT_IMAGE_SIZE, OG_LOCALES
from ..models import Article
from ..sanitize import sanitize_html

register = template.Library()

# How wide the image is drawn, for the browser to pick a file before layout is known.
SIZES = {
    # The hero spans the article column (60rem) or the whole screen below that.
    "hero": "(min-width: 60rem) 60rem, 100vw",
    # Cards: one column on phones, two from 40em, three from 60em, in an 80rem page.
    "card": "(min-width: 80rem) 26rem, (min-width: 60em) 33vw, (min-width: 40em) 50vw, 100vw",
    # A featured card spans two of those columns.
    "featured_card": "(min-width: 80rem) 53rem, (min-width: 60em) 66vw, 100vw",
    # Gallery thumbnails: columns of at least 12rem in the 42rem measure.
    "gallery": "(min-width: 42rem) 20rem, 50vw",
}


@register.inclusion_tag("articles/includes/picture.html")
def picture(
    photo: Photo | None,
    kind: str = "full",
    *,
    sizes: str = "hero",
    css_class: str = "",
    hero: bool = False,
) -> dict[str, Any]:
    """`{% picture photo "full" %}`: the photo's renditions as a responsive <picture>,
    made from the photo row already loaded: no file or query per image. Nothing when
    there is no photo or it has no renditions yet.

    `kind` is "full" (the photo's own shape) or "card" (the 3:2 focal-point crop);
    `hero` loads the image eagerly with high priority, everything else lazily.
    """
    return {
        "picture": renditions.picture(photo, kind) if photo is not None else None,
        "alt": photo.alt_text if photo is not None else "",
        "sizes": SIZES.get(sizes, sizes),
        "css_class": css_class,
        "hero": hero,
    }


@register.simple_tag
def article_card(article: Article, heading_level: int = 2) -> SafeString:
    """`{% article_card article heading_level=3 %}`: an article as a card. Its photo and
    categories come with it (card_fields, for_cards): no query.

    The same card shows on the index, its category and tag pages and under related
    articles, and is a third of a listing's rendering: its markup is kept per content
    version (caching.remember, keyed by the article and heading level), so a change to
    the article, its photo or a category is a new card, and the card is not kept past
    its hero photo's licence end (articles.schedule.next_change). Not when media
    addresses are signed (AWS_QUERYSTRING_AUTH): those expire."""

    def render() -> SafeString:
        sizes = "featured_card" if article.featured else "card"
        context = {
            "article": article,
            "heading_level": heading_level,
            # The card shows its photo's box only when there is a picture to put in it.
            **picture(article.shown_hero_photo, "card", sizes=sizes, css_class="card__image"),
        }
        markup = render_to_string("articles/includes/article_card.html", context)
        return mark_safe(markup)  # noqa: S308 – the template escapes every value

    if getattr(default_storage, "querystring_auth", False):
        return render()
    return caching.remember(f"card:{article.pk}:{heading_level}", render)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict[str, Any]:
    """Links to this page in each language: the translation when the view knows one
    (`alternates`), else that language's news index. Each link passes through
    choose_language, which remembers the choice for `/` and then goes on to the page."""
    alternates = context.get("alternates") or {}
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = alternates.get(code)
        if not url:
            with translation.override(code):
                url = reverse("news:index")
        choose = reverse("choose_language", kwargs={"language": code})
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": f"{choose}?{urlencode({'next': url})}",
                "current": code == current,
            }
        )
    return {"links": links}


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta_tags(context: template.Context) -> dict[str, Any]:
    """Description, Open Graph and Twitter card tags: from the view's `page_meta`
    (articles.metadata.PageMeta), or the site's defaults on pages without one (404)."""
    meta = context.get("page_meta")
    shared = {"site_name": settings.SITE_NAME, "canonical_url": context.get("canonical_url")}
    if meta:
        return {
            **shared,
            "type": meta.type,
            "title": meta.title,
            "description": meta.description,
            "image_url": meta.image_url,
            "image_width": meta.image_width,
            "image_height": meta.image_height,
            "image_alt": meta.image_alt,
        }
    return {
        **shared,
        "type": "website",
        "title": settings.SITE_NAME,
        "description": gettext(
            "News from %(organization_name)s: studies, research, cooperation and university life."
        )
        % {"organization_name": current_identity().name},
        "image_url": absolute_url(static(DEFAULT_IMAGE)),
        "image_width": DEFAULT_IMAGE_SIZE[0],
        "image_height": DEFAULT_IMAGE_SIZE[1],
        "image_alt": None,  # the default image has no alt tags
    }


@register.filter
def sanitized(html: str) -> SafeString:
    """Render stored rich text, passing it through the allow-list once more."""
    # mark_safe is right here: the value has just been reduced to the allow-list.
    return mark_safe(sanitize_html(html))  # noqa: S308


# What json.dumps leaves that could end a <script> element or start a comment in it.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: Any) -> SafeString:
    """`data` as a JSON-LD <script> element, escaped like Django's json_script so that
    no text in it (a headline with '</script>') can close the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 – escaped just above
    )


@register.filter
def lead_preview(text: str, limit: int = 200) -> str:
    """The lead shortened to at most `limit` characters at the end of a word, with an
    ellipsis: "…and knowledgeable…", never "…and knowledgeabl…"."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:–—-.") + "…"


@register.filter
def og_locale(language: str) -> str:
    return OG_LOCALES.get((language or "")[:2], "en_GB")


@register.filter
def machine_datetime(value: datetime | None) -> str:
    """A `<time datetime>` value: local time to the second with its offset
    ("2025-03-05T09:30:00+02:00"). Django's `date:'c'` keeps microseconds, which HTML's
    date-time syntax does not allow (at most three fraction digits)."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
