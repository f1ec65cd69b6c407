"""The article: a story in one language, with its rules for saving and publishing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from photos.models import Photo

from ..addresses import absolute_url
from ..conditions import matches
from . import public_rule
from .category import Category
from .choices import Language, PublicationState, Status
from .fields import SanitizedHTMLField
from .indexes import ARTICLE_INDEXES
from .parts import ArticleSlugRedirect, TaggedArticle
from .public_rule import status_q
from .querysets import ArticleManager, ArticleQuerySet
from .shown_photos import ShownPhotos

# Slugs that would shadow the fixed routes under /<lang>/news/.
RESERVED_SLUGS = frozenset({"category", "tag", "author", "search", "feed", "atom"})


class Article(ShownPhotos, models.Model):
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
    # For a translation: when it was last saved against its original. The original's
    # significant updates after that (its updated_at) mark it "source changed".
    source_seen_at = models.DateTimeField(_("original last reviewed"), null=True, editable=False)
    ends_at = models.DateTimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_(
            "From this moment the story is gone from the site, its feeds, search and the "
            "API (its address answers 'gone'). Empty: it stays."
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
        # Not the byline's authors (people, the "authors" inline): the staff account.
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_(
            "The staff account that wrote it in the admin; whoever created it when empty. "
            "Readers see the authors below."
        ),
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
        indexes = ARTICLE_INDEXES

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if self.translation_of_id is not None and self.source_seen_at is None:
            self.source_seen_at = timezone.now()
        with transaction.atomic():
            previous = self._stored_address()
            super().save(*args, **kwargs)
            self._remember_old_address(previous)

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse("news:detail", kwargs={"slug": self.slug})

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
        if self.ends_at and self.published_at and self.ends_at <= self.published_at:
            errors["ends_at"] = _("The end time must be after the publish time.")
        if errors:
            raise ValidationError(errors)

    def is_published(self) -> bool:
        """The instance twin of ArticleQuerySet.published(): public_q, answered for
        this article as it is in memory, without a query."""
        return matches(self, public_rule.public_q(timezone.now()))

    @property
    def publication_state(self) -> PublicationState:
        if self.status != Status.PUBLISHED:
            return PublicationState(self.status)
        now = timezone.now()
        if matches(self, public_rule.public_q(now)):
            return PublicationState.PUBLISHED
        if matches(self, public_rule.ended_q(now)):
            return PublicationState.ENDED
        return PublicationState.SCHEDULED

    def publishing_problems(
        self, categories: Any = None, *, already_published: bool = False
    ) -> dict[str, Any]:
        """What is missing before this article may be published, by field.

        `categories` are the ones about to be saved (a form's cleaned data); without
        them the saved categories are counted (one query). A hero photo whose licence
        has ended refuses publishing, but not saving an article `already_published`:
        a typo fix must go through, and readers see it without the photo meanwhile.
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
        elif not self.hero_photo.has_renditions:
            # Readers would get no photo at all: the article waits for its renditions.
            problems["hero_photo"] = _(
                "The hero photo is still being processed (or its processing failed: see "
                "the photo library). Publish when it shows as ready."
            )
        elif not already_published and (licence_problem := self.hero_licence_problem()):
            problems["hero_photo"] = licence_problem
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
        """'Read more news' for this article (ArticleQuerySet.related_to)."""
        return Article.objects.related_to(self, limit)
