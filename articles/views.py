"""Public news pages. Every page starts from Article.objects.published()."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from .models import Article, ArticleQuerySet, Category


def language_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """`/`: the news index in the visitor's language: the choice remembered by
    choose_language (a cookie) first, then the browser's Accept-Language, else English."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("articles:index"))
    # The answer depends on both headers; a shared cache must not mix visitors up.
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


def choose_language(request: HttpRequest, language: str) -> HttpResponseRedirect:
    """The language switcher's links: remember the choice and go to the page in it.

    A plain GET link rather than Django's POST-only set_language, so the switcher
    works without forms or JavaScript; remembering a language is harmless if a third
    party triggers it. `next` is checked against this host, so the view cannot be
    used to send visitors to other sites; anything else leads to that language's news.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        with translation.override(language):
            target = reverse("articles:index")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    add_never_cache_headers(response)
    return response


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
