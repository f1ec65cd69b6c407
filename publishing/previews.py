"""Addresses of an unpublished article's previews: the staff preview and the signed link
for a reviewer without an account (checked by views.SharedPreviewView)."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse
from django.utils import translation

from articles.models import Article

PREVIEW_SALT = "articles.preview"


def preview_token(article: Article) -> str:
    """A signed, timestamped token for sharing a preview of `article` without an account."""
    return signing.dumps({"article": article.pk}, salt=PREVIEW_SALT, compress=True)


def preview_url(article: Article) -> str:
    """The staff preview of `article`, under its own language's prefix."""
    with translation.override(article.language):
        return reverse("news:preview", kwargs={"pk": article.pk})


def shared_preview_url(article: Article) -> str:
    with translation.override(article.language):
        return reverse("news:shared-preview", kwargs={"token": preview_token(article)})
