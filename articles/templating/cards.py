"""`article_card(article)`: an article as a card, the markup made once per card.

A listing page is mostly cards (twelve on the index, four under an article), and a card
is the costliest part to render: a third of the index page's time. The same card
appears on the index, its category and tag pages and under related articles, and is
unchanged until its article, photo or categories change. So a card is rendered from a
`Card`, a value holding everything it shows and nothing else, and the markup is
remembered per distinct Card in each worker: a changed title, lead, photo or category
name is a different Card, so a remembered card can never be out of date.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from ..models import Article
from .photos import media_urls_last, picture


class Card(NamedTuple):
    """What the card template may show; its language is the page's (labels, dates)."""

    page_language: str
    heading_level: int
    language: str
    slug: str
    title: str
    lead: str
    featured: bool
    published_at: datetime | None
    categories: tuple[str, ...]
    picture: str  # the hero photo's <picture> markup, or ""


def article_card(article: Article, heading_level: int = 2) -> SafeString:
    photo = article.hero_photo
    card = Card(
        page_language=translation.get_language(),
        heading_level=heading_level,
        language=article.language,
        slug=article.slug,
        title=article.title,
        lead=article.lead,
        featured=article.featured,
        published_at=article.published_at,
        categories=tuple(category.name for category in article.categories.all()),
        picture=picture(
            photo,
            "card",
            sizes="featured_card" if article.featured else "card",
            css_class="card__image",
        )
        if photo
        else "",
    )
    return _remembered(card) if media_urls_last() else _render(card)


def _render(card: Card) -> SafeString:
    with translation.override(card.language):
        url = reverse("articles:detail", kwargs={"slug": card.slug})
    markup = render_to_string("articles/includes/article_card.html", {"card": card, "url": url})
    return mark_safe(markup)  # noqa: S308 – the template escapes every value


# A few thousand cards: every article of a busy week's pages in three languages, at
# a couple of kilobytes each.
_remembered = lru_cache(maxsize=4096)(_render)
