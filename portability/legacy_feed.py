"""Bring articles in from a legacy site's RSS 2.0 or Atom feed (`import_feed`).

feedparser reads the feed (either format, dates normalised to UTC); each entry becomes
an article in the feed's language, its HTML reduced to the allow-list, its categories
mapped onto existing ones by slug or name (in any language) or created, its author
found among the people by name or added, and its image enclosure downloaded into the
photo library when the old site still answers.

An entry already imported is recognised by its link or guid (kept in
`Article.source_url`) and skipped, so the command can run again as the old site adds
stories. Everything is written in one transaction; downloaded files are removed again
if anything fails.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import logging
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import feedparser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext

from articles.models import (
    RESERVED_SLUGS,
    Article,
    ArticleAuthor,
    Category,
    Language,
    Person,
    Status,
)
from articles.revisions import record_revisions
from articles.sanitize import sanitize_html
from photos import renditions
from photos.models import Photo
from photos.validators import open_photo

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 15
MAX_FEED_BYTES = 20 * 1024 * 1024
MAX_IMAGE_BYTES = 25 * 1024 * 1024
USER_AGENT = "Newsroom feed import (+https://github.com/)"
IMAGE_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}

Say = Callable[[str], None]


class FeedError(Exception):
    """The feed cannot be read or imported; the message says why, in a sentence."""


@dataclass
class FeedReport:
    created: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    photos: int = 0
    photo_failures: list[str] = field(default_factory=list)
    categories_created: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [f"{len(self.created)} new articles", f"{self.photos} photos"]
        if self.categories_created:
            parts.append(f"{len(self.categories_created)} new categories")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already imported")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


def _fetch(url: str, limit: int) -> bytes:
    """GET an http(s) URL with a timeout and a size limit."""
    if urlsplit(url).scheme not in {"http", "https"}:
        raise FeedError(f"{url} is not an http or https address.")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        data = response.read(limit + 1)
    if len(data) > limit:
        raise FeedError(f"{url} is larger than {limit // (1024 * 1024)} MB.")
    return data


def _reason(error: Exception) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"the server answered {error.code}"
    return str(getattr(error, "reason", error))


def read_feed(path_or_url: str) -> feedparser.FeedParserDict:
    """The parsed feed, or FeedError with the reason."""
    if path_or_url.startswith(("http://", "https://")):
        try:
            raw = _fetch(path_or_url, MAX_FEED_BYTES)
        except (urllib.error.URLError, OSError) as error:
            raise FeedError(
                f"The feed at {path_or_url} cannot be fetched: {_reason(error)}."
            ) from error
    else:
        try:
            raw = Path(path_or_url).read_bytes()
        except OSError as error:
            raise FeedError(
                f"The feed file {path_or_url} cannot be read: {error.strerror}."
            ) from None
    parsed = feedparser.parse(raw)
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise FeedError(f"{path_or_url} is not an RSS 2.0 or Atom feed{detail}.")
    return parsed


def _language(parsed: feedparser.FeedParserDict, fallback: str) -> str:
    code = (parsed.feed.get("language") or "").split("-")[0].lower()
    return code if code in Language.values else fallback


def _when(entry: Any) -> datetime | None:
    """The entry's time: feedparser turns every offset into UTC."""
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(moment), tz=UTC) if moment else None


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(strip_tags(fragment)).split())


def _texts(entry: Any) -> tuple[str, str]:
    """(lead, body): the summary as plain text and the full content as HTML."""
    summary = entry.get("summary", "")
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    body = contents[0] if contents else summary
    lead_source = summary if contents and summary else body
    lead = Truncator(_plain(lead_source)).chars(300)
    return lead, sanitize_html(body)


def _image_url(entry: Any) -> tuple[str, str] | None:
    """(url, credit) of the entry's first image, from an RSS enclosure or Media RSS
    content. (feedparser files media:description under the entry's summary, so it
    cannot serve as the alt text.)"""
    candidates = []
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and link.get("type", "").startswith("image/"):
            candidates.append(link.get("href"))
    for media in entry.get("media_content", []):
        if media.get("medium") == "image" or media.get("type", "").startswith("image/"):
            candidates.append(media.get("url"))
    url = next((c for c in candidates if c), None)
    if not url:
        return None
    credit = ""
    credits = entry.get("media_credit") or []
    if credits and isinstance(credits, list):
        credit = credits[0].get("content", "")
    return url, _plain(credit)


class _CategoryMap:
    """Feed category terms onto categories: by slug, then by name in any language."""

    def __init__(self, report: FeedReport) -> None:
        self.report = report
        self.known = list(Category.objects.all())

    def __call__(self, term: str) -> Category | None:
        name = " ".join(term.split())[:100]
        slug = slugify(name)[:100]
        if not slug:
            return None
        lowered = name.lower()
        for category in self.known:
            names = {category.name_en.lower(), category.name_fi.lower(), category.name_sv.lower()}
            if category.slug == slug or lowered in names:
                return category
        category = Category.objects.create(name_en=name, slug=slug)
        self.known.append(category)
        self.report.categories_created.append(name)
        return category


def _unique_slug(title: str, language: str, taken: set[str]) -> str:
    base = slugify(title)[:190] or "imported-story"
    if base in RESERVED_SLUGS:
        base = f"{base}-story"
    slug, number = base, 2
    while slug in taken or Article.objects.filter(language=language, slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def import_feed(
    path_or_url: str,
    *,
    publish: bool = False,
    dry_run: bool = False,
    language: str = Language.EN,
    say: Say = lambda line: None,
) -> FeedReport:
    parsed = read_feed(path_or_url)
    language = _language(parsed, language)
    report = FeedReport()
    stored: list[Photo] = []
    # Named in each article's first revision: the address, or the file's name.
    is_url = path_or_url.startswith(("http://", "https://"))
    source = path_or_url if is_url else Path(path_or_url).name
    try:
        with transaction.atomic():
            _import_entries(source, parsed, language, publish, dry_run, report, stored, say)
            if dry_run:
                transaction.set_rollback(True)
    except (DatabaseError, ValueError) as error:
        _remove(stored)
        raise FeedError(f"The feed could not be imported; nothing was changed: {error}") from error
    except BaseException:
        _remove(stored)
        raise
    if dry_run:
        _remove(stored)
    return report


def _remove(photos: list[Photo]) -> None:
    for photo in photos:
        renditions.delete_files(photo)


def _import_entries(
    source: str,
    parsed: feedparser.FeedParserDict,
    language: str,
    publish: bool,
    dry_run: bool,
    report: FeedReport,
    stored: list[Photo],
    say: Say,
) -> None:
    categories = _CategoryMap(report)
    created: list[Article] = []
    taken_slugs: set[str] = set()
    photos_by_url: dict[str, Photo | None] = {}
    seen: set[str] = set()
    total = len(parsed.entries)
    for number, entry in enumerate(parsed.entries, 1):
        title = _plain(entry.get("title", ""))[:200]
        link = entry.get("link", "").strip()
        guid = entry.get("id", "").strip()
        keys = [key for key in (link, guid) if key]
        if not title or not keys:
            report.skipped.append(title or f"entry {number}")
            say(f"Skipped entry {number}: it has no title or no link and id.")
            continue
        if seen.intersection(keys) or Article.objects.filter(source_url__in=keys).exists():
            report.duplicates.append(title)
            continue
        seen.update(keys)

        lead, body = _texts(entry)
        when = _when(entry)
        article = Article(
            title=title,
            slug=_unique_slug(title, language, taken_slugs),
            language=language,
            lead=lead,
            body=body,
            status=Status.PUBLISHED if publish else Status.DRAFT,
            published_at=when,
            source_url=(link or guid)[:500],
        )
        image = _image_url(entry)
        if image and not dry_run:
            url = image[0]
            if url not in photos_by_url:
                photos_by_url[url] = _download_photo(image, title, report, stored, say)
            article.hero_photo = photos_by_url[url]
        article.save()
        if author := _plain(entry.get("author", ""))[:200]:
            ArticleAuthor.objects.create(article=article, person=Person.objects.named(author))
        terms = [tag.get("label") or tag.get("term") or "" for tag in entry.get("tags", [])]
        wanted = {c.pk: c for c in filter(None, (categories(t) for t in terms if t.strip()))}
        article.categories.set(wanted.values())
        created.append(article)
        report.created.append(title)
        say(f"[{number}/{total}] {title}")
    # In the import's transaction: each article's history starts with its imported text.
    record_revisions(created, comment=gettext("Imported from %(source)s") % {"source": source})


def _download_photo(
    image: tuple[str, str], title: str, report: FeedReport, stored: list[Photo], say: Say
) -> Photo | None:
    url, credit = image
    try:
        data = _fetch(url, MAX_IMAGE_BYTES)
    except (urllib.error.URLError, OSError, FeedError) as error:
        report.photo_failures.append(url)
        say(f"  The image {url} could not be downloaded ({_reason(error)}); the article has none.")
        return None
    try:
        # The same checks as an upload in the admin: type, size, pixels, truncation.
        with open_photo(io.BytesIO(data)) as picture:
            kind = picture.format
    except ValidationError as error:
        report.photo_failures.append(url)
        say(f"  The image {url} was refused ({' '.join(error.messages)}); skipped.")
        return None
    if kind not in IMAGE_FORMATS:
        report.photo_failures.append(url)
        say(f"  The image {url} is a {kind}, not a JPEG, PNG, WebP or GIF; skipped.")
        return None
    stem = slugify(PurePosixPath(urlsplit(url).path).stem)[:80] or "imported"
    digest = hashlib.sha256(data).hexdigest()[:8]
    photo = Photo(
        image=ContentFile(data, name=f"{stem}-{digest}{IMAGE_FORMATS[kind]}"),
        # Feeds carry no alt text; the title is a start, which editors review before
        # publishing (imports are drafts by default).
        alt_text=title[:300],
        credit=credit[:200],
    )
    stored.append(photo)
    photo.save()
    renditions.build_renditions(photo)
    report.photos += 1
    return photo
