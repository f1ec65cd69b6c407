"""What hangs off an article: its tags, old addresses, gallery and related links."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItemBase

from photos.models import Photo

from .choices import Language


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


class ArticleSlugRedirect(models.Model):
    """An address a published article had before its slug changed; the article page
    answers it with a permanent redirect to the current address."""

    article = models.ForeignKey(
        "Article",
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
        "Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="gallery"
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
        "Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="related_links"
    )
    target = models.ForeignKey(
        "Article",
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
