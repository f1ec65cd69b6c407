"""Content of the newsroom: categories, photos, articles and what hangs off them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models, transaction
from django.db.models import Exists, F, FilteredRelation, OuterRef, Prefetch, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from .conditions import compared_with, matches
from .sanitize import EDITOR_EXTENSIONS, sanitize_html
from .storage import original_name, originals_storage

# Slugs that would shadow the fixed routes under /<lang>/news/.
RESERVED_SLUGS = frozenset({"category", "tag", "search", "feed", "atom"})


class Language(models.TextChoices):
    EN = "en", _("English")
    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")

    @property
    def search_config(self) -> str:
        """PostgreSQL's text search configuration for this language: its own stemmer and
        stop words. The search vector trigger (migration 0002) maps languages the same way."""
        return {"en": "english", "fi": "finnish", "sv": "swedish"}[self.value]


def absolute_url(url: str) -> str:
    """`url` made absolute with SITE_URL, for feeds, sitemaps, social tags and the API,
    which must not depend on the host a request happened to use."""
    if url.startswith(("http://", "https://", "//")):
        return url
    return settings.SITE_URL + url


class SearchVectorIndex(GinIndex):
    """A GIN index on PostgreSQL; elsewhere a plain index, so that SQLite (which has no
    GIN and leaves the search vector empty) can still create and rebuild the table."""

    def create_sql(
        self, model: type[models.Model], schema_editor: Any, using: str = "", **kwargs: Any
    ) -> Any:
        if schema_editor.connection.vendor == "postgresql":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        return models.Index.create_sql(self, model, schema_editor, **kwargs)


class SanitizedHTMLField(models.TextField):
    """Rich text that is reduced to the allow-list whenever it is written."""

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs: Any) -> Any:
        """The rich-text editor, offering only what the allow-list keeps; its input is
        sanitised by the same `sanitize_html` when the form is cleaned."""
        from django_prose_editor.fields import ProseEditorFormField

        defaults = {
            "form_class": ProseEditorFormField,
            "config": {"extensions": EDITOR_EXTENSIONS},
            "sanitize": sanitize_html,
        }
        return super().formfield(**{**defaults, **kwargs})


class Category(models.Model):
    name_en = models.CharField(
        _("name (English)"), max_length=100, help_text=_("For example 'Studies' or 'Research'.")
    )
    name_fi = models.CharField(
        _("name (Finnish)"),
        max_length=100,
        blank=True,
        help_text=_("Shown on Finnish pages; the English name is used when empty."),
    )
    name_sv = models.CharField(
        _("name (Swedish)"),
        max_length=100,
        blank=True,
        help_text=_("Shown on Swedish pages; the English name is used when empty."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The category's address: /en/news/category/<slug>/."),
    )
    description_en = models.TextField(
        _("description (English)"),
        blank=True,
        help_text=_("Shown at the top of the category page."),
    )
    description_fi = models.TextField(_("description (Finnish)"), blank=True)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("display order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    class Meta:
        ordering = ["order", "name_en"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:category", kwargs={"slug": self.slug})

    def _localized(self, field: str) -> str:
        language = translation.get_language() or settings.LANGUAGE_CODE
        return getattr(self, f"{field}_{language[:2]}", "") or getattr(self, f"{field}_en")

    @property
    def name(self) -> str:
        """The name in the active language, falling back to English."""
        return self._localized("name")

    @property
    def description(self) -> str:
        return self._localized("description")


class Photo(models.Model):
    image = models.ImageField(
        _("image"),
        upload_to=original_name,
        storage=originals_storage,
        max_length=255,
        width_field="width",
        height_field="height",
        help_text=_(
            "A JPEG, PNG, WebP or GIF photo, at least 1600 pixels wide for hero use. "
            "Readers get resized copies without location or camera details."
        ),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_(
            "What the photo shows, for readers who cannot see it, e.g. 'Two people "
            "signing documents at a table'."
        ),
    )
    caption = models.CharField(
        _("default caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the photo, e.g. 'Rector X and Mayor Y signing the agreement'."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("The photographer or source, shown as 'Photo: …'."),
    )
    focal_x = models.FloatField(
        _("focal point x"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 = left edge, 1 = right edge; crops keep this point in view."),
    )
    focal_y = models.FloatField(
        _("focal point y"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 = top edge, 1 = bottom edge."),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    # What articles.images made for this photo: widths, formats and folder. Pages build
    # their srcsets from this alone, without touching storage.
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__isnull=True) | Q(focal_x__gte=0, focal_x__lte=1),
                name="photo_focal_x_in_unit_range",
            ),
            models.CheckConstraint(
                condition=Q(focal_y__isnull=True) | Q(focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_y_in_unit_range",
            ),
        ]

    def __str__(self) -> str:
        return self.caption or self.alt_text

    def uses(self) -> dict[str, models.QuerySet]:
        """The articles that show this photo, by role: hero, gallery, social image."""
        return {
            "hero": Article.objects.filter(hero_photo=self),
            "gallery": Article.objects.filter(gallery__photo=self).distinct(),
            "social": Article.objects.filter(social_image=self),
        }

    def is_used(self) -> bool:
        return any(articles.exists() for articles in self.uses().values())

    def live_articles(self) -> models.QuerySet:
        """Published and scheduled articles that show this photo, in any role: a change
        to the photo changes what they show (or will show at their time)."""
        shown = Q(hero_photo=self) | Q(gallery__photo=self) | Q(social_image=self)
        return Article.objects.filter(shown, status_q()).distinct()


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class PublicationState(models.TextChoices):
    """What the editor sees in the article list: a published article whose time has
    not come yet is Scheduled."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


# What article cards, feeds and search results read of an article and its hero photo.
CARD_FIELDS = (
    "title",
    "slug",
    "language",
    "lead",
    "featured",
    "published_at",
    "updated_at",
    "byline",
    "hero_photo__image",
    "hero_photo__width",
    "hero_photo__height",
    "hero_photo__alt_text",
    "hero_photo__caption",
    "hero_photo__credit",
    "hero_photo__renditions",
)


def status_q() -> Q:
    """The editor's part of the public rule: the article is published, not a draft or
    in review. Published and scheduled articles both have it."""
    return Q(status=Status.PUBLISHED)


def due_q(now: datetime) -> Q:
    """The clock's part of the public rule: the publish time has come."""
    return Q(published_at__lte=now)


def public_q(now: datetime) -> Q:
    """The public rule, the only statement of what readers may see at `now`.

    Every public page, feed, sitemap, search, the API, "Read more news" and the language
    alternates start from ArticleQuerySet.published(), which filters by it;
    Article.is_published() answers it for one article without a query
    (articles.conditions.matches); the page cache expires pages when the clock passes a
    time it compares with `now` (ArticleQuerySet.next_changes). A condition added here
    is followed by all of them, e.g. an end time:
    `& (Q(ends_at__isnull=True) | Q(ends_at__gt=now))`. Compare times with `now` itself:
    that is how the page cache finds them.
    """
    return status_q() & due_q(now)


class ArticleQuerySet(models.QuerySet):
    def published(self) -> ArticleQuerySet:
        """The public articles (public_q): what readers may see."""
        return self.filter(public_q(timezone.now()))

    def scheduled(self) -> ArticleQuerySet:
        """Published by an editor, public only from a future publish time on: the status
        part of the public rule without the clock's part."""
        return self.filter(status_q() & ~due_q(timezone.now()))

    def next_changes(self, now: datetime) -> list[ArticleQuerySet]:
        """When the public rule's answer next changes for one of these articles: for
        each field public_q compares with the clock (the publish time), its first value
        after `now` among the articles an editor published, as a query of one value at
        most, to be united with others (articles.caching.next_change). Each reads the
        first entry of an index (article_scheduled_idx for the publish time); the
        LIMIT sits in a subquery because SQLite allows none in a part of a UNION."""
        return [
            self.filter(
                pk__in=self.filter(status_q(), **{f"{field}__gt": now})
                .order_by(field)
                .values("pk")[:1]
            )
            .order_by()
            .values_list(field)
            for field in compared_with(public_q(now), now)
        ]

    def in_language(self, language: str) -> ArticleQuerySet:
        return self.filter(language=language)

    def card_fields(self) -> ArticleQuerySet:
        """The columns a card shows (articles/includes/article_card.html), with its
        photo's: not the body, the longest column by far, nor the rest, which cost time
        to turn into model fields on every card of every listing."""
        return self.select_related("hero_photo").only(*CARD_FIELDS)

    def for_cards(self) -> ArticleQuerySet:
        """Cards with their categories: the card columns, then one query for the
        categories of all the cards, in the categories' order."""
        return self.card_fields().prefetch_related("categories")

    def for_article_page(self) -> ArticleQuerySet:
        """The article with what its page shows: the row with its hero and social photos,
        then one query each for its categories, tags, gallery (with the photos) and
        media contacts. Its translations and "Read more news" are queries of their own
        (Article.public_translations, Article.related_articles)."""
        return self.select_related("hero_photo", "social_image").prefetch_related(
            "categories",
            "tags",
            Prefetch("gallery", queryset=GalleryPhoto.objects.select_related("photo")),
            "contacts",
        )

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def featured_first(self) -> ArticleQuerySet:
        return self.order_by("-featured", "-published_at", "-pk")


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    # The search vector is for the database's eyes only: never carry it to Python
    # (kilobytes per row on listing pages), and never write a stale copy back.
    DEFERRED = ("search_vector",)

    def get_queryset(self) -> ArticleQuerySet:
        return super().get_queryset().defer(*self.DEFERRED)


class TaggedArticle(TaggedItemBase):
    """An article's tag: a plain foreign key rather than taggit's generic relation, so
    tag pages join on an indexed integer instead of a content type and a cast."""

    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("tag on an article")
        verbose_name_plural = _("tags on articles")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_unique"),
        ]


class Article(models.Model):
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("The headline, plain text, e.g. 'New master's programme in data science'."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        help_text=_("The article's address, unique within its language."),
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        default=Language.EN,
        help_text=_("The language the article is written in; it is listed on that site."),
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text=_("The original article when this is a translation of the same story."),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences that sum up the story; shown on cards and in search."),
    )
    body = SanitizedHTMLField(
        _("body"),
        blank=True,
        help_text=_("The story, with subheadings, quotes, lists and links."),
    )
    hero_photo = models.ForeignKey(
        Photo,
        verbose_name=_("hero photo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hero_of",
        help_text=_("The large photo at the top of the article and on its card."),
    )
    hero_caption = models.CharField(
        _("hero caption"),
        max_length=500,
        blank=True,
        help_text=_("Replaces the photo's default caption in this article only."),
    )
    categories = models.ManyToManyField(
        Category,
        verbose_name=_("categories"),
        related_name="articles",
        # A draft may be saved without one; publishing requires one (publishing_problems).
        blank=True,
        help_text=_("One or more, e.g. Studies and University. Needed for publishing."),
    )
    tags = TaggableManager(
        verbose_name=_("tags"),
        through=TaggedArticle,
        blank=True,
        help_text=_("Comma-separated keywords."),
        # By name, whatever the case, wherever they are read or prefetched; not a
        # database change (no migration).
        ordering=[Lower("name"), "name"],
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "Draft: being written. In review: ready for an editor. Published: public from "
            "the publish time on. Only editors can publish, schedule or unpublish."
        ),
    )
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_(
            "When the article becomes public. A future time schedules it; empty means now."
        ),
    )
    updated_at = models.DateTimeField(
        _("updated"),
        null=True,
        blank=True,
        help_text=_("Shown as 'Updated' when the story has changed after publishing."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("Who wrote it in the admin; the person who created it when empty."),
    )
    byline = models.CharField(
        _("byline"),
        max_length=200,
        blank=True,
        help_text=_("The writer as shown to readers, e.g. 'Text: Anna Virtanen'."),
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Featured articles are listed first.")
    )
    seo_title = models.CharField(
        _("SEO title"),
        max_length=70,
        blank=True,
        help_text=_("For search engines and browser tabs; the title is used when empty."),
    )
    seo_description = models.CharField(
        _("SEO description"),
        max_length=200,
        blank=True,
        help_text=_("For search results and link previews; the lead is used when empty."),
    )
    social_image = models.ForeignKey(
        Photo,
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For link previews on social media; the hero photo is used when empty."),
    )
    source_url = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        default="",
        help_text=_(
            "Where an imported article came from (its address or feed id on the old site); "
            "a second import recognises it by this."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    modified_at = models.DateTimeField(_("last modified"), auto_now=True)
    # Title (weight A), lead (B) and body (C) in the article language's own text search
    # configuration. Written by a PostgreSQL trigger (migration 0002), so every path
    # that writes articles, bulk inserts and QuerySet.update() included, keeps it
    # current; always empty on SQLite, whose search falls back to substring matching.
    search_vector = SearchVectorField(null=True, editable=False)
    # Optimistic locking: every save through the admin compares and increments it in
    # one UPDATE, so a form opened before someone else's save is refused, not applied.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"], name="article_slug_unique_per_language"
            ),
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                name="article_one_translation_per_language",
            ),
            models.CheckConstraint(
                condition=~Q(translation_of=models.F("pk")),
                name="article_not_translation_of_itself",
            ),
            models.UniqueConstraint(
                fields=["source_url"],
                condition=~Q(source_url=""),
                name="article_source_url_unique",
            ),
        ]
        # Partial on the status part of the public rule (status_q): drafts and articles
        # in review are never in them.
        indexes = [
            # The news index and its pages: published articles of one language,
            # featured first, newest next (ArticleQuerySet.published().featured_first()).
            models.Index(
                "language",
                models.F("featured").desc(),
                models.F("published_at").desc(),
                models.F("id").desc(),
                name="article_public_listing_idx",
                condition=status_q(),
            ),
            # Newest first without featured pinning: category and tag pages and the
            # automatic "Read more news" picks (published().newest_first()).
            models.Index(
                "language",
                models.F("published_at").desc(),
                models.F("id").desc(),
                name="article_public_newest_idx",
                condition=status_q(),
            ),
            # The next scheduled article to fall due (ArticleQuerySet.next_changes):
            # the first entry after now, whatever the language.
            models.Index(
                fields=["published_at"],
                name="article_scheduled_idx",
                condition=status_q(),
            ),
            # Full-text search: search_vector @@ query (articles.search).
            SearchVectorIndex(fields=["search_vector"], name="article_search_vector_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        with transaction.atomic():
            previous = self._stored_address()
            super().save(*args, **kwargs)
            self._remember_old_address(previous)

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse("articles:detail", kwargs={"slug": self.slug})

    def _stored_address(self) -> dict[str, str] | None:
        """The slug and language as stored, when they may be public: one query on
        saving an existing published article, none otherwise."""
        if self._state.adding or self.pk is None:
            return None
        return Article.objects.filter(status_q(), pk=self.pk).values("slug", "language").first()

    def _remember_old_address(self, previous: dict[str, str] | None) -> None:
        """Keep a published article's old address working after its slug changes
        (ArticleSlugRedirect); an address in use again is no longer a redirect."""
        ArticleSlugRedirect.objects.filter(language=self.language, old_slug=self.slug).delete()
        if previous and (previous["slug"], previous["language"]) != (self.slug, self.language):
            ArticleSlugRedirect.objects.update_or_create(
                language=previous["language"],
                old_slug=previous["slug"],
                defaults={"article": self},
            )

    def clean(self) -> None:
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("'%(slug)s' is reserved for the site's own pages.") % {
                "slug": self.slug
            }
        original = self.translation_of
        if original is not None:
            if original.pk == self.pk:
                errors["translation_of"] = _("An article cannot be a translation of itself.")
            elif original.translation_of_id is not None:
                errors["translation_of"] = _(
                    "Link to the original article, not to another translation."
                )
            elif original.language == self.language:
                errors["translation_of"] = _("A translation must be in another language.")
        if errors:
            raise ValidationError(errors)

    def is_published(self) -> bool:
        """The instance twin of ArticleQuerySet.published(): public_q, answered for
        this article as it is in memory, without a query."""
        return matches(self, public_q(timezone.now()))

    @property
    def publication_state(self) -> PublicationState:
        if self.status != Status.PUBLISHED:
            return PublicationState(self.status)
        return PublicationState.PUBLISHED if self.is_published() else PublicationState.SCHEDULED

    def publishing_problems(self, categories: Any = None) -> dict[str, Any]:
        """What is missing before this article may be published, by field.

        `categories` are the ones about to be saved (a form's cleaned data); without
        them the saved categories are counted (one query).
        """
        problems: dict[str, str] = {}
        if not self.lead.strip():
            problems["lead"] = _("A published article needs a lead.")
        if self.hero_photo is None:
            problems["hero_photo"] = _("A published article needs a hero photo.")
        elif not self.hero_photo.alt_text.strip():
            problems["hero_photo"] = _(
                "The hero photo has no alt text: add it in the photo library first."
            )
        has_category = bool(categories) if categories is not None else self.categories.exists()
        if not has_category:
            problems["categories"] = _("A published article needs at least one category.")
        if not self.slug:
            problems["slug"] = _("A published article needs a slug.")
        return problems

    @property
    def caption(self) -> str:
        """The hero caption: this article's override, else the photo's own."""
        if self.hero_caption:
            return self.hero_caption
        return self.hero_photo.caption if self.hero_photo else ""

    @property
    def meta_title(self) -> str:
        """For search engines and link previews: the SEO title, else the title."""
        return self.seo_title or self.title

    @property
    def meta_description(self) -> str:
        return self.seo_description or self.lead

    @property
    def share_photo(self) -> Photo | None:
        """The photo for link previews: the social image, else the hero photo."""
        return self.social_image or self.hero_photo

    @property
    def last_modified(self) -> datetime | None:
        """When the public page last changed: an edit, or going public on schedule."""
        moments = [moment for moment in (self.published_at, self.modified_at) if moment]
        return max(moments, default=None)

    @property
    def date_modified(self) -> datetime | None:
        """The editorial 'Updated' time when there is one, else the publish time."""
        return self.updated_at if self.was_updated else self.published_at

    def get_full_url(self) -> str:
        return absolute_url(self.get_absolute_url())

    @property
    def was_updated(self) -> bool:
        return bool(self.updated_at and self.published_at and self.updated_at > self.published_at)

    def story_articles(self) -> ArticleQuerySet:
        """Every article of the same story (translations), this one included."""
        root_id = self.translation_of_id or self.pk
        return Article.objects.filter(Q(pk=root_id) | Q(translation_of_id=root_id))

    def public_translations(self) -> dict[str, Article]:
        """The public articles of this story in the other languages, by language in the
        order of settings.LANGUAGES. One query."""
        others = (
            self.story_articles()
            .published()
            .exclude(pk=self.pk)
            .only("pk", "title", "slug", "language")
            .order_by()
        )
        found = {article.language: article for article in others}
        return {code: found[code] for code, _name in settings.LANGUAGES if code in found}

    def related_articles(self, limit: int = 4) -> list[Article]:
        """'Read more news': the editor's links first, in their order, then the newest
        articles that share a category or a tag with this one; all public, in this
        article's language, never this one and never twice.

        Two queries whatever the limit: the cards, then their categories. The cards
        are found in three parts: the links, and the newest sharing a category and the
        newest sharing a tag, each a walk of an index that stops after `limit` entries.
        The two fills are semi-joins of their own: one `EXISTS … OR EXISTS …` cannot
        be one, and PostgreSQL then hashed every article of a large category (25 to
        45 ms at 100,000 articles). This article's categories and tags are read from
        the page's prefetch (ArticleQuerySet.for_article_page), else one query each.
        """
        public = Article.objects.published().in_language(self.language).exclude(pk=self.pk)
        # The links are few: all of them, placed first by the order below.
        parts = [public.filter(incoming_links__article=self).order_by().values("pk")]
        if category_ids := [category.pk for category in self.categories.all()]:
            in_category = Article.categories.through.objects.filter(
                article=OuterRef("pk"), category__in=category_ids
            )
            parts.append(public.filter(Exists(in_category)).newest_first().values("pk")[:limit])
        if tag_ids := [tag.pk for tag in self.tags.all()]:
            tagged = TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
            parts.append(public.filter(Exists(tagged)).newest_first().values("pk")[:limit])
        if not connection.features.supports_slicing_ordering_in_compound:
            # SQLite allows no LIMIT in a part of a UNION: there, each part is a subquery.
            parts = [Article.objects.filter(pk__in=part).order_by().values("pk") for part in parts]
        # An id in two parts is one card (IN), placed by its link if it has one.
        link = FilteredRelation("incoming_links", condition=Q(incoming_links__article=self))
        cards = (
            Article.objects.filter(pk__in=parts[0].union(*parts[1:], all=True))
            .annotate(link=link)
            .order_by(
                F("link__position").asc(nulls_last=True),
                F("link__id").asc(nulls_last=True),
                "-published_at",
                "-pk",
            )
            .for_cards()
        )
        return list(cards[:limit])


class ArticleSlugRedirect(models.Model):
    """An address a published article had before its slug changed; the article page
    answers it with a permanent redirect to the current address."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="slug_redirects",
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    old_slug = models.SlugField(_("old slug"), max_length=200)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("old article address")
        verbose_name_plural = _("old article addresses")
        constraints = [
            # Also the index for the article page's fallback lookup (language, slug).
            models.UniqueConstraint(
                fields=["language", "old_slug"], name="article_slug_redirect_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"/{self.language}/…/{self.old_slug}/ → {self.article}"


class GalleryPhoto(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="gallery"
    )
    photo = models.ForeignKey(
        Photo, verbose_name=_("photo"), on_delete=models.PROTECT, related_name="gallery_uses"
    )
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Replaces the photo's default caption in this gallery."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("gallery photo")
        verbose_name_plural = _("gallery")

    def __str__(self) -> str:
        return str(self.photo)

    @property
    def shown_caption(self) -> str:
        return self.caption or self.photo.caption


class RelatedLink(models.Model):
    """An editor's choice for 'Read more news', shown before the automatic picks."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="related_links"
    )
    target = models.ForeignKey(
        Article,
        verbose_name=_("related article"),
        on_delete=models.CASCADE,
        related_name="incoming_links",
        help_text=_("Only published articles in the same language are shown to readers."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("related news link")
        verbose_name_plural = _("related news links")
        constraints = [
            models.UniqueConstraint(fields=["article", "target"], name="related_link_unique"),
            models.CheckConstraint(
                condition=~Q(article=models.F("target")), name="related_link_not_to_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.target}"


class MediaContact(models.Model):
    """A person listed under 'Further information' at the end of an article."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    # "title" is also an article's headline; the context keeps the two apart in Finnish.
    title = models.CharField(
        pgettext_lazy("job title", "title"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Professor of Urban Planning'."),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("E.g. +358 50 123 4567.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("media contact")
        verbose_name_plural = _("further information")

    def __str__(self) -> str:
        return self.name


class SiteNoticeQuerySet(models.QuerySet):
    def active(self) -> SiteNoticeQuerySet:
        return self.filter(is_active=True, ends_at__gt=timezone.now())


class SiteNotice(models.Model):
    """A site-wide message, such as an emergency alert, shown until its end time."""

    message = models.CharField(
        _("message"), max_length=300, help_text=_("E.g. 'The campus is closed on 6 December.'")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to take the notice down before its end time."),
    )
    ends_at = models.DateTimeField(
        _("ends"), help_text=_("The notice disappears by itself at this time.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SiteNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("site notice")
        verbose_name_plural = _("site notices")

    def __str__(self) -> str:
        return self.message


class ContentVersion(models.Model):
    """One row whose counter goes up with every change to what public pages show.

    The page cache (articles.caching) reads it once per request and puts it in the cache
    key, so every worker process and machine sees an edit at once, even with a
    per-process cache: a change makes new keys rather than wiping old ones. It is bumped
    by signal receivers in the same transaction as the change (articles.caching).
    """

    # Not shown to anyone (no admin), so its names are not translated.
    version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return str(self.version)
