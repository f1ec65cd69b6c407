"""Creating the demo content idempotently, and synthetic articles for load tests."""

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import TextIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from taggit.models import Tag

from pagecache.caching import content_changed
from photos import renditions
from photos.models import Photo

from ..models import Article, Category, GalleryPhoto, Person, RelatedLink, Status
from ..revisions import record_revisions
from .content import ARTICLES, CATEGORIES, PHOTOS, DemoArticle
from .people import add_credits, ensure_people
from .scenes import draw_photo
from .site import ensure_site

SYNTHETIC_BATCH_SIZE = 2000
SYNTHETIC_SLUG_PREFIX = "synthetic-"

# ---------------------------------------------------------------------------------------
# Seeding
# ---------------------------------------------------------------------------------------


@dataclass
class SeedReport:
    """What one run of `seed_demo()` created; all zero when there was nothing to add."""

    categories: int = 0
    photos: int = 0
    people: int = 0
    articles: int = 0
    related_links: int = 0
    synthetic: int = 0
    site_rows: int = 0  # identity, statements, feedback (site.py)
    titles: list[str] = field(default_factory=list)

    @property
    def created_anything(self) -> bool:
        return any(
            (
                self.categories,
                self.photos,
                self.people,
                self.articles,
                self.related_links,
                self.synthetic,
                self.site_rows,
            )
        )

    def __str__(self) -> str:
        counts = (
            (self.categories, "category", "categories"),
            (self.photos, "photo", "photos"),
            (self.people, "person", "people"),
            (self.articles, "article", "articles"),
            (self.related_links, "related link", "related links"),
            (self.synthetic, "synthetic article", "synthetic articles"),
            (self.site_rows, "site setting", "site settings"),
        )
        parts = [f"{n:,} {one if n == 1 else many}" for n, one, many in counts if n]
        if not parts:
            return "nothing"
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def seed_demo(*, synthetic: int = 0, stdout: TextIO | None = None) -> SeedReport:
    """Create whatever demo content is missing, then `synthetic` load-test articles.

    One transaction: when anything fails, the database is left as it was and the photo
    files written by this run are deleted again. Progress goes to `stdout` when given.
    A second run costs a handful of queries and writes nothing.
    """
    if synthetic < 0:
        raise ValueError(f"synthetic must be zero or more, not {synthetic}.")
    report = SeedReport()
    written: list[Photo] = []
    try:
        with transaction.atomic():
            categories = _ensure_categories(report)
            photos = _ensure_photos(report, written, stdout)
            _ensure_articles(categories, photos, ensure_people(report), report)
            ensure_site(report)
            if synthetic:
                _add_synthetic(synthetic, categories, list(photos.values()), report, stdout)
            if report.created_anything:
                # Bulk inserts send no signals: tell the page cache ourselves.
                content_changed()
    except BaseException:
        # The rollback undoes the rows; the files are ours to remove.
        for photo in written:
            renditions.delete_files(photo)
        raise
    return report


def _ensure_categories(report: SeedReport) -> dict[str, Category]:
    categories = {}
    for spec in CATEGORIES:
        fields = asdict(spec)
        category, created = Category.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
        categories[spec.slug] = category
        report.categories += created
    return categories


# demo-<key>.jpg, or demo-<key>_AbC1234.jpg when the storage had to make the name unique.
_DEMO_FILE = re.compile(r"(?:^|/)demo-(?P<key>[a-z0-9-]+?)(?:_[A-Za-z0-9]{7})?\.jpg$")


def demo_photo_key(file_name: str) -> str | None:
    """The demo key in a stored photo's file name, or None for other photos."""
    match = _DEMO_FILE.search(file_name)
    return match["key"] if match else None


def _ensure_photos(
    report: SeedReport, written: list[Photo], stdout: TextIO | None
) -> dict[str, Photo]:
    """The demo photos by key; only the missing ones are drawn and stored."""
    existing: dict[str, Photo] = {}
    for photo in Photo.objects.filter(image__contains="demo-").order_by("pk"):
        key = demo_photo_key(photo.image.name)
        if key:
            existing.setdefault(key, photo)
    for photo in existing.values():
        if not renditions.is_current(photo):
            # Demo photos stored before renditions existed, or made another way.
            renditions.build_renditions(photo)
    missing = [spec for spec in PHOTOS if spec.key not in existing]
    if missing and stdout:
        stdout.write(f"Drawing {len(missing)} demo photos…\n")
    for spec in missing:
        image = draw_photo(spec.scene, spec.palette, spec.size, seed=spec.key)
        photo = Photo.objects.create(
            image=ContentFile(image, name=f"demo-{spec.key}.jpg"),
            alt_text=spec.alt_text,
            caption=spec.caption,
            credit=spec.credit,
            copyright_holder=spec.copyright_holder,
            licence=spec.licence,
            focal_x=spec.focal[0],
            focal_y=spec.focal[1],
        )
        written.append(photo)
        # Checks the drawn file like an upload, then makes what readers are served.
        renditions.build_renditions(photo)
        existing[spec.key] = photo
        report.photos += 1
    return {spec.key: existing[spec.key] for spec in PHOTOS}


def _ensure_articles(
    categories: dict[str, Category],
    photos: dict[str, Photo],
    people: dict[str, Person],
    report: SeedReport,
) -> None:
    """Create the demo articles that do not exist yet, with their parts and links.

    Articles that exist are left untouched, links and all, so that editors' changes
    survive. Related links are added only from articles created in this run.
    """
    existing = {
        (article.language, article.slug): article
        for article in Article.objects.filter(slug__in={spec.slug for spec in ARTICLES})
    }
    now = timezone.now()
    by_key: dict[str, Article] = {}
    created: list[DemoArticle] = []
    for spec in ARTICLES:
        article = existing.get((spec.language, spec.slug))
        if article is None:
            original = by_key.get(spec.translation_of) if spec.translation_of else None
            if original and original.translations.filter(language=spec.language).exists():
                continue  # An editor has already translated this story in that language.
            article = _create_article(spec, original, categories, photos, people, now)
            created.append(spec)
            report.articles += 1
            report.titles.append(article.title)
        by_key[spec.key] = article
    for spec in created:
        links = [
            RelatedLink(article=by_key[spec.key], target=by_key[target], position=position)
            for position, target in enumerate(spec.related)
            if target in by_key
        ]
        RelatedLink.objects.bulk_create(links)
        report.related_links += len(links)
    # After the bulk inserts of their parts, in the same transaction: each demo article's
    # history starts with its demo text, which an editor can return to.
    record_revisions([by_key[spec.key] for spec in created], comment=gettext("Demo content"))


def _create_article(
    spec: DemoArticle,
    original: Article | None,
    categories: dict[str, Category],
    photos: dict[str, Photo],
    people: dict[str, Person],
    now: datetime,
) -> Article:
    published_at = None
    if spec.days_ago is not None:
        day = timezone.localtime(now) - timedelta(days=spec.days_ago)
        published_at = day.replace(hour=spec.hour, minute=0, second=0, microsecond=0)
    updated_at = None
    if published_at and spec.updated_hours_later:
        updated_at = published_at + timedelta(hours=spec.updated_hours_later)
    article = Article.objects.create(
        title=spec.title,
        slug=spec.slug,
        language=spec.language,
        translation_of=original,
        lead=spec.lead,
        body=_tidy_html(spec.body),
        hero_photo=photos[spec.photo],
        hero_caption=spec.hero_caption,
        status=spec.status,
        published_at=published_at,
        updated_at=updated_at,
        featured=spec.featured,
    )
    article.categories.set([categories[slug] for slug in spec.categories])
    article.tags.add(*spec.tags)
    add_credits(article, spec, people)
    GalleryPhoto.objects.bulk_create(
        GalleryPhoto(article=article, photo=photos[key], caption=caption, position=position)
        for position, (key, caption) in enumerate(spec.gallery)
    )
    return article


def _tidy_html(html: str) -> str:
    """One line per block: the texts above are wrapped only to fit the source file."""
    text = re.sub(r"\s+", " ", html).strip()
    return re.sub(r">\s*<(?=/?(?:p|h2|h3|ul|li|blockquote)\b)", ">\n<", text)


# ---------------------------------------------------------------------------------------
# Synthetic articles for load tests
# ---------------------------------------------------------------------------------------

# (tag, what the story is about, category slug)
_SYNTHETIC_TOPICS = (
    ("energy", "battery recycling", "research"),
    ("sustainability", "carbon-neutral campuses", "university"),
    ("lifelong learning", "skills for working life", "studies"),
    ("Baltic Sea", "the health of the Baltic Sea", "research"),
    ("urban development", "greener city streets", "cooperation"),
    ("architecture", "timber architecture", "studies"),
    ("international students", "international talent", "studies"),
    ("artificial intelligence", "trustworthy artificial intelligence", "research"),
    ("health", "healthy ageing", "research"),
    ("entrepreneurship", "student start-ups", "cooperation"),
    ("campus", "the campus of the future", "university"),
)
_SYNTHETIC_SUBJECTS = (
    "Researchers",
    "Students",
    "Doctoral researchers",
    "City and university experts",
    "Teachers",
    "Alumni",
    "Engineers",
)
_SYNTHETIC_VERBS = (
    "take a closer look at",
    "bring fresh ideas to",
    "share new results on",
    "put the spotlight on",
    "challenge old thinking about",
)


def _last_synthetic_number() -> int:
    """The highest N among existing `synthetic-N` slugs, so new ones continue after it.

    One query: numbers without leading zeros sort like numbers when the longer slug
    comes first.
    """
    slug = (
        Article.objects.filter(language="en", slug__regex=r"^synthetic-[1-9][0-9]*$")
        .order_by(Length("slug").desc(), "-slug")
        .values_list("slug", flat=True)
        .first()
    )
    return int(slug.removeprefix(SYNTHETIC_SLUG_PREFIX)) if slug else 0


def _synthetic_article(number: int, photos: list[Photo], base: datetime) -> Article:
    _tag, topic, _category = _SYNTHETIC_TOPICS[number % len(_SYNTHETIC_TOPICS)]
    subject = _SYNTHETIC_SUBJECTS[number % len(_SYNTHETIC_SUBJECTS)]
    verb = _SYNTHETIC_VERBS[number % len(_SYNTHETIC_VERBS)]
    body = format_html(
        "<p>{subject} from several faculties {verb} {topic}. The project brings together "
        "research, teaching and partners outside the university.</p>\n"
        "<h2>What comes next</h2>\n"
        "<p>The first results are expected next year, and the team will share them openly "
        "with the public and with decision-makers.</p>\n"
        "<blockquote><p>“{topic_cap} is a question that no discipline can answer alone.”"
        "</p></blockquote>",
        subject=subject,
        verb=verb,
        topic=topic,
        topic_cap=topic[0].upper() + topic[1:],
    )
    return Article(
        title=f"{subject} {verb} {topic}",
        slug=f"{SYNTHETIC_SLUG_PREFIX}{number}",
        language="en",
        lead=(
            f"{subject} {verb} {topic}. Synthetic article number {number:,}, generated for "
            "load tests."
        ),
        body=body,
        hero_photo=photos[number % len(photos)] if photos else None,
        status=Status.PUBLISHED,
        # Older than the demo stories, so the front page still shows those first.
        published_at=base - timedelta(hours=number),
    )


def _add_synthetic(
    count: int,
    categories: dict[str, Category],
    photos: list[Photo],
    report: SeedReport,
    stdout: TextIO | None,
) -> None:
    """Add `count` published articles with bulk inserts, in batches of 2,000.

    About four queries per batch on PostgreSQL (more on SQLite, which limits the
    parameters per statement): the articles, their category links, their tag links.
    No files are written: the hero photos are the demo photos.
    No revisions either: load-test filler, which no editor restores, and a revision
    each would cost several queries an article.
    """
    CategoryLink = Article.categories.through
    TagLink = Article.tags.through
    tags = {}
    for name, _topic, _category in _SYNTHETIC_TOPICS:
        tag = Tag.objects.filter(name__iexact=name).first()
        tags[name] = tag or Tag.objects.create(name=name)
    ordered_categories = [categories[spec.slug] for spec in CATEGORIES]
    first = _last_synthetic_number() + 1
    base = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=45)
    for start in range(first, first + count, SYNTHETIC_BATCH_SIZE):
        numbers = range(start, min(start + SYNTHETIC_BATCH_SIZE, first + count))
        articles = Article.objects.bulk_create(
            _synthetic_article(number, photos, base) for number in numbers
        )
        if any(article.pk is None for article in articles):
            # Databases that cannot return ids from a bulk insert: look them up.
            ids = dict(
                Article.objects.filter(
                    language="en", slug__in=[article.slug for article in articles]
                ).values_list("slug", "pk")
            )
            for article in articles:
                article.pk = ids[article.slug]
        category_links = []
        tag_links = []
        for number, article in zip(numbers, articles, strict=True):
            tag_name, _topic, category_slug = _SYNTHETIC_TOPICS[number % len(_SYNTHETIC_TOPICS)]
            primary = categories[category_slug]
            category_links.append(CategoryLink(article_id=article.pk, category_id=primary.pk))
            if number % 3 == 0:
                other = ordered_categories[number % len(ordered_categories)]
                if other.pk != primary.pk:
                    category_links.append(CategoryLink(article_id=article.pk, category_id=other.pk))
            tag_links.append(TagLink(tag=tags[tag_name], content_object_id=article.pk))
        CategoryLink.objects.bulk_create(category_links)
        TagLink.objects.bulk_create(tag_links)
        report.synthetic += len(articles)
        if stdout:
            stdout.write(f"Synthetic articles: {report.synthetic:,} of {count:,}\n")
