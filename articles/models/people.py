"""People: the authors of articles and their media contacts ("Further information"),
each with a title, unit and short bio in the site's languages."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from photos.models import Photo
from photos.rights import shown_now

# The fields that have a value per site language (title_en, title_fi, title_sv, …).
TRANSLATED = ("title", "unit", "bio")


def free_slug(name: str, taken: Callable[[str], bool]) -> str:
    """A person's slug made from `name`, numbered ("anna-virtanen-2") until `taken`
    says it is free: for people that imports know by name only."""
    base = slugify(name)[:190] or "person"
    slug, number = base, 2
    while taken(slug):
        slug, number = f"{base}-{number}", number + 1
    return slug


class PersonQuerySet(models.QuerySet):
    def visible(self) -> PersonQuerySet:
        """The people who have an author page: not hidden (former staff)."""
        return self.filter(hidden=False)

    def named(self, name: str) -> Person:
        """The first person of this name, or a new one with a free slug made from it
        (imports that know a name only)."""
        if (person := self.filter(name=name).order_by("pk").first()) is not None:
            return person
        slug = free_slug(name, lambda slug: self.filter(slug=slug).exists())
        return self.create(name=name, slug=slug)


class Person(models.Model):
    name = models.CharField(
        _("name"), max_length=200, help_text=_("As readers see it, e.g. 'Anna Virtanen'.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The address of the person's author page."),
    )
    # "title" is also an article's headline; the context keeps the two apart in Finnish.
    title_en = models.CharField(
        pgettext_lazy("job title", "title (English)"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Professor of Urban Planning'."),
    )
    title_fi = models.CharField(
        pgettext_lazy("job title", "title (Finnish)"), max_length=200, blank=True
    )
    title_sv = models.CharField(
        pgettext_lazy("job title", "title (Swedish)"), max_length=200, blank=True
    )
    unit_en = models.CharField(
        _("unit (English)"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Faculty of Social Sciences'."),
    )
    unit_fi = models.CharField(_("unit (Finnish)"), max_length=200, blank=True)
    unit_sv = models.CharField(_("unit (Swedish)"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("E.g. +358 50 123 4567.")
    )
    photo = models.ForeignKey(
        Photo,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait for the author page."),
    )
    bio_en = models.TextField(
        _("short bio (English)"),
        max_length=1000,
        blank=True,
        help_text=_("A few sentences for the author page; plain text."),
    )
    bio_fi = models.TextField(_("short bio (Finnish)"), max_length=1000, blank=True)
    bio_sv = models.TextField(_("short bio (Swedish)"), max_length=1000, blank=True)
    hidden = models.BooleanField(
        _("hidden from author pages"),
        default=False,
        help_text=_(
            "For former staff: no author page and no link from bylines; their articles "
            "still show their name."
        ),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        permissions = [("hide_person", _("Can hide people from author pages"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The author page in the active language."""
        return reverse("news:author", kwargs={"slug": self.slug})

    def in_language(self, name: str, language: str | None = None) -> str:
        """A translated field (title, unit, bio) in `language` (the active one by
        default), else in English, else in whichever language has it."""
        language = language or translation.get_language()
        codes = [language, settings.LANGUAGE_CODE, *(code for code, _n in settings.LANGUAGES)]
        return next((value for code in codes if (value := getattr(self, f"{name}_{code}", ""))), "")

    @property
    def shown_photo(self) -> Photo | None:
        """The portrait while its licence runs (photos.rights), else None."""
        return shown_now(self.photo)

    @property
    def shown_title(self) -> str:
        return self.in_language("title")

    @property
    def shown_unit(self) -> str:
        return self.in_language("unit")

    @property
    def shown_bio(self) -> str:
        return self.in_language("bio")


class _Credit(models.Model):
    """A person on an article, in an order of the editor's choosing."""

    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        # Names the article: the list of what keeps a person from being deleted.
        return f"{self.person} – {self.article}"  # type: ignore[attr-defined]


class ArticleAuthor(_Credit):
    """An author in the article's byline; the first is named first."""

    article = models.ForeignKey(
        "Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="authors"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="authored"
    )

    class Meta(_Credit.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="article_author_unique"),
        ]


class ArticleContact(_Credit):
    """A person listed under 'Further information' at the end of the article."""

    article = models.ForeignKey(
        "Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="contacts"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="contact_for"
    )

    class Meta(_Credit.Meta):
        verbose_name = _("media contact")
        verbose_name_plural = _("further information")
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="article_contact_unique"),
        ]
