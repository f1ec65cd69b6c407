"""A read-only JSON API of the public articles, for syndication to department sites.

    GET /api/v1/articles/?language=fi&category=research&tag=climate
                          &updated_since=2026-11-01T00:00:00Z&page=2&page_size=50
    GET /api/v1/articles/<id>/

Only Article.objects.published(). Links and image addresses are absolute (SITE_URL).
A bad filter value is a 400 with {"error": "…"}; an unknown or non-public article, or
a page past the end, a 404. Queries are constant per request: the count (once per
content version and set of filters), the page, its categories, its tags, its
corrections, its authors and its contacts (with their people), and the page's
translations (plus the category filter's lookup).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.paginator import EmptyPage
from django.db.models import Q
from django.http import HttpRequest, JsonResponse, QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from articles.addresses import absolute_url
from articles.models import Article, ArticleQuerySet, Category, Person
from articles.pagination import RememberedCountPaginator
from photos import renditions
from photos.models import Photo

PAGE_SIZE = 20
FILTERS = ("language", "category", "tag", "updated_since")
MAX_PAGE_SIZE = 100


class BadFilter(ValueError):
    """A query parameter the API cannot use; its message is shown to the caller."""


def _response(data: dict[str, Any], status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Public, read-only data: department sites may fetch it from the browser too.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(message: str, status: int = 400) -> JsonResponse:
    return _response({"error": message}, status=status)


def _public_articles() -> ArticleQuerySet:
    return (
        Article.objects.published()
        .select_related("hero_photo")
        .prefetch_related("categories", "tags", "corrections")
        .with_credits()
        .newest_first()
    )


@require_safe
def article_list(request: HttpRequest) -> JsonResponse:
    try:
        articles = _filtered(_public_articles(), request.GET)
        page_number = _positive_int(request.GET, "page", 1)
        page_size = _positive_int(request.GET, "page_size", PAGE_SIZE)
    except BadFilter as error:
        return _error(str(error))
    if page_size > MAX_PAGE_SIZE:
        return _error(f"page_size must be at most {MAX_PAGE_SIZE}.")
    # Counted once per content version for these filters, whatever the page.
    filters = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    paginator = RememberedCountPaginator(
        articles, page_size, listing=f"api:{urlencode(sorted(filters.items()))}"
    )
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        return _error(f"There is no page {page_number}; there are {paginator.num_pages}.", 404)
    items = list(page.object_list)
    translations = _translations_of(items)
    return _response(
        {
            "count": paginator.count,
            "next": _page_link(request, page.next_page_number()) if page.has_next() else None,
            "previous": (
                _page_link(request, page.previous_page_number()) if page.has_previous() else None
            ),
            "results": [_article_data(article, translations) for article in items],
        }
    )


@require_safe
def article_detail(request: HttpRequest, pk: int) -> JsonResponse:
    article = _public_articles().filter(pk=pk).first()
    if article is None:
        return _error(f"No public article has the id {pk}.", 404)
    return _response(_article_data(article, _translations_of([article])))


def _filtered(articles: ArticleQuerySet, params: QueryDict) -> ArticleQuerySet:
    if language := params.get("language"):
        codes = [code for code, _name in settings.LANGUAGES]
        if language not in codes:
            raise BadFilter(f"language must be one of {', '.join(codes)}, not {_shown(language)}.")
        articles = articles.in_language(language)
    if slug := _slug(params, "category"):
        category = Category.objects.filter(slug=slug).first()
        if category is None:
            raise BadFilter(f"There is no category {slug!r}.")
        articles = articles.filter(categories=category)
    if tag := _slug(params, "tag"):
        # Tags come and go with the news: an unused one is an empty list, not an error.
        articles = articles.filter(tags__slug=tag)
    if raw := params.get("updated_since"):
        since = _moment(raw)
        # Changed since, or gone public since (a scheduled article).
        articles = articles.filter(Q(modified_at__gte=since) | Q(published_at__gte=since))
    return articles


def _moment(raw: str) -> datetime:
    """An ISO 8601 date or date-time; without an offset, in the site's time zone."""
    # An unencoded "+02:00" arrives as " 02:00": take it as the offset it was meant to be.
    raw = raw.strip().replace(" ", "+")
    try:
        moment = parse_datetime(raw)
        if moment is None and (day := parse_date(raw)) is not None:
            moment = datetime(day.year, day.month, day.day)
        if moment is not None:
            moment = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
            # The database compares in UTC: a moment that has none (year 1 at +02:00) is
            # no moment to filter by.
            moment.astimezone(UTC)
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise BadFilter(
            f"updated_since must be an ISO 8601 date or time such as 2026-11-01 or "
            f"2026-11-01T08:00:00+02:00, not {_shown(raw)}."
        )
    return moment


# A slug: letters (any alphabet), digits, hyphens and underscores. NUL, spaces, slashes
# and other characters no slug has are refused before the database sees them.
_SLUG = re.compile(r"[-\w]{1,200}")
_MAX_DIGITS = 9


def _slug(params: QueryDict, name: str) -> str | None:
    value = params.get(name)
    if value and not _SLUG.fullmatch(value):
        raise BadFilter(
            f"{name} must be a slug (letters, digits and hyphens), not {_shown(value)}."
        )
    return value or None


def _positive_int(params: QueryDict, name: str, default: int) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > _MAX_DIGITS or int(raw) < 1:
        raise BadFilter(
            f"{name} must be a whole number from 1 to {'9' * _MAX_DIGITS}, not {_shown(raw)}."
        )
    return int(raw)


def _shown(value: str) -> str:
    """A caller's value quoted for an error message, cut short when it is long."""
    return repr(value if len(value) <= 60 else value[:60] + "…")


def _page_link(request: HttpRequest, number: int) -> str:
    """The address of another page of this list: the filters and page size the API
    reads, and nothing else the caller sent (the page is kept for every caller)."""
    params = {name: request.GET[name] for name in (*FILTERS, "page_size") if request.GET.get(name)}
    params["page"] = str(number)
    return absolute_url(f"{request.path}?{urlencode(sorted(params.items()))}")


def _translations_of(articles: list[Article]) -> dict[int, list[Article]]:
    """The public articles of these articles' stories, by story. One query."""
    roots = {article.translation_of_id or article.pk for article in articles}
    if not roots:
        return {}
    stories: dict[int, list[Article]] = defaultdict(list)
    for other in (
        Article.objects.published()
        .filter(Q(pk__in=roots) | Q(translation_of_id__in=roots))
        .only("pk", "slug", "language", "translation_of_id")
    ):
        stories[other.translation_of_id or other.pk].append(other)
    return stories


def _api_url(article: Article) -> str:
    return absolute_url(reverse("api-article-detail", kwargs={"pk": article.pk}))


def _iso(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def _photo_data(photo: Photo | None, caption: str) -> dict[str, Any] | None:
    """The photo as renditions (the uploaded original is never public), with its
    rights: what a site that republishes it must credit, and under which licence."""
    share = renditions.share_image(photo) if photo is not None else None
    if share is None:
        return None
    url, width, height = share
    return {
        "url": absolute_url(url),
        "width": width,
        "height": height,
        "alt_text": photo.alt_text,
        "caption": caption,
        "credit": photo.credit,
        "copyright_holder": photo.copyright_holder,
        "licence": photo.licence,
        "licence_url": photo.licence_url or None,
        "licence_terms": photo.licence_terms,
        "licence_ends_at": _iso(photo.licence_ends_at),
        "renditions": [
            {**rendition, "url": absolute_url(rendition["url"])}
            for rendition in renditions.rendition_list(photo)
        ],
    }


def _person_data(person: Person, language: str, *, contact: bool = False) -> dict[str, Any]:
    """A person credited on an article: title and unit in the article's language, the
    author page in it unless the person is hidden; a contact's email and phone too."""
    with translation.override(language):
        url = None if person.hidden else absolute_url(person.get_absolute_url())
    data = {
        "name": person.name,
        "url": url,
        "title": person.in_language("title", language),
        "unit": person.in_language("unit", language),
    }
    if contact:
        data |= {"email": person.email, "phone": person.phone}
    return data


def _article_data(article: Article, stories: dict[int, list[Article]]) -> dict[str, Any]:
    story = stories.get(article.translation_of_id or article.pk, [])
    with translation.override(article.language):  # category names in its language
        categories = [
            {"slug": category.slug, "name": category.name} for category in article.categories.all()
        ]
    return {
        "id": article.pk,
        "url": article.get_full_url(),
        "api_url": _api_url(article),
        "language": article.language,
        "slug": article.slug,
        "title": article.title,
        "lead": article.lead,
        "body_html": article.body,
        "authors": [
            _person_data(credit.person, article.language) for credit in article.authors.all()
        ],
        "contacts": [
            _person_data(credit.person, article.language, contact=True)
            for credit in article.contacts.all()
        ],
        "featured": article.featured,
        "published_at": _iso(article.published_at),
        "updated_at": _iso(article.updated_at if article.was_updated else None),
        "modified_at": _iso(article.last_modified),
        "categories": categories,
        "tags": sorted(tag.name for tag in article.tags.all()),
        "hero_photo": _photo_data(article.shown_hero_photo, article.caption),
        "corrections": [
            {"kind": note.kind, "text": note.text, "noted_at": _iso(note.noted_at)}
            for note in article.corrections.all()
        ],
        "translations": [
            {
                "language": other.language,
                "id": other.pk,
                "url": other.get_full_url(),
                "api_url": _api_url(other),
            }
            for other in sorted(story, key=lambda other: other.language)
            if other.pk != article.pk
        ],
    }
