"""Public news pages. Every page starts from Article.objects.published()."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from .models import Article, ArticleQuerySet, Category


def language_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """`/`: the news index in the visitor's language (cookie, then Accept-Language)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        return HttpResponseRedirect(reverse("articles:index"))


class PublishedArticlesMixin:
    """The queryset, pagination and template shared by the public article pages."""

    paginate_by = 12
    request: HttpRequest

    def get_queryset(self) -> ArticleQuerySet:
        return Article.objects.published().in_language(translation.get_language())


class ArticleIndexView(PublishedArticlesMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    heading: Any = _("News")

    def get_queryset(self) -> ArticleQuerySet:
        return super().get_queryset().for_cards().featured_first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("heading", self.heading)
        context["categories"] = Category.objects.all()
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(
            page.number, on_each_side=2, on_ends=1
        )
        return context


class CategoryArticlesView(ArticleIndexView):
    template_name = "articles/category.html"

    def get_queryset(self) -> ArticleQuerySet:
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        # The category page is a chronological archive: no featured pinning.
        return super().get_queryset().filter(categories=self.category).newest_first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            category=self.category, heading=self.category.name, **kwargs
        )


class TagArticlesView(ArticleIndexView):
    template_name = "articles/tag.html"

    def get_queryset(self) -> ArticleQuerySet:
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag).newest_first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(tag=self.tag, heading=self.tag.name, **kwargs)


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self) -> ArticleQuerySet:
        return (
            super()
            .get_queryset()
            .select_related("hero_photo", "social_image")
            .prefetch_related("categories", "tags", "gallery__photo", "contacts")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        article: Article = self.object
        translations = article.public_translations()
        # The language switcher and hreflang lead to the translation when there is one.
        alternates = {language: a.get_absolute_url() for language, a in translations.items()}
        alternates[article.language] = article.get_absolute_url()
        return super().get_context_data(
            related_articles=article.related_articles(),
            translations=translations,
            alternates=alternates,
            **kwargs,
        )
