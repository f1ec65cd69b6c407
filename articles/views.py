"""Public news pages. Every page starts from Article.objects.published()."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from pagecache import caching
from siteidentity.current import current_identity

from . import metadata
from .models import Article, ArticleQuerySet, ArticleSlugRedirect, Person
from .navigation import all_categories, category_at
from .pagination import RememberedCountPaginator


def language_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """`/`: the news index in the visitor's language: the choice remembered by
    choose_language (a cookie) first, then the browser's Accept-Language, else English."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("news:index"))
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
            target = reverse("news:index")
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

    def get_paginator(self, queryset: Any, per_page: int, **kwargs: Any) -> Paginator:
        # The path names the listing (language, category or tag); ?page= does not count.
        return RememberedCountPaginator(queryset, per_page, listing=self.request.path, **kwargs)

    def paginate_queryset(self, queryset: ArticleQuerySet, page_size: int) -> tuple:
        """Page through ids, then fetch the page's articles as cards: a deep page's
        OFFSET then skips entries of the listing index alone (an index-only scan) rather
        than whole rows (at 100,000 articles, page 4,000 takes 10 ms instead of 60 ms).
        Three queries: the ids, the cards, their categories."""
        paginator, page, ids, is_paginated = super().paginate_queryset(
            queryset.values_list("pk", flat=True), page_size
        )
        ids = list(ids)
        by_id = queryset.order_by().for_cards().in_bulk(ids)
        page.object_list = [by_id[pk] for pk in ids if pk in by_id]
        return paginator, page, page.object_list, is_paginated


class ArticleIndexView(PublishedArticlesMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    heading: Any = _("News")

    def get_queryset(self) -> ArticleQuerySet:
        return super().get_queryset().featured_first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("heading", self.heading)
        context["categories"] = all_categories()
        page = context["page_obj"]
        context["canonical_url"] = metadata.canonical_url(self.request.path, page.number)
        context["page_range"] = page.paginator.get_elided_page_range(
            page.number, on_each_side=2, on_ends=1
        )
        context.setdefault("page_meta", self.get_page_meta())
        return context

    def get_page_meta(self) -> metadata.PageMeta:
        return metadata.PageMeta(
            title=str(self.heading),
            description=gettext(
                "News from %(organization)s: studies, research, cooperation and university life."
            )
            % {"organization": current_identity().name},
        )


class CategoryArticlesView(ArticleIndexView):
    template_name = "articles/category.html"

    def get_queryset(self) -> ArticleQuerySet:
        self.category = category_at(self.kwargs["slug"])
        # The category page is a chronological archive: no featured pinning.
        return super().get_queryset().filter(categories=self.category).newest_first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            category=self.category, heading=self.category.name, **kwargs
        )

    def get_page_meta(self) -> metadata.PageMeta:
        name = self.category.name
        return metadata.PageMeta(
            title=name,
            description=self.category.description
            or gettext("News in the category %(name)s.") % {"name": name},
            breadcrumbs=[
                metadata.news_crumb(),
                metadata.Crumb(name, self.category.get_absolute_url()),
            ],
        )


class TagArticlesView(ArticleIndexView):
    template_name = "articles/tag.html"

    def get_queryset(self) -> ArticleQuerySet:
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag).newest_first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(tag=self.tag, heading=self.tag.name, **kwargs)

    def get_page_meta(self) -> metadata.PageMeta:
        return metadata.PageMeta(
            title=self.tag.name,
            description=gettext("News tagged %(name)s.") % {"name": self.tag.name},
            breadcrumbs=[
                metadata.news_crumb(),
                metadata.Crumb(self.tag.name, reverse("news:tag", args=[self.tag.slug])),
            ],
        )


class AuthorArticlesView(ArticleIndexView):
    """`/<lang>/news/author/<slug>/`: a person, and the public articles in this language
    they wrote. Hidden people (former staff) have no page; their articles still show
    their name."""

    template_name = "articles/author.html"

    def get_queryset(self) -> ArticleQuerySet:
        people = Person.objects.visible().select_related("photo")
        self.person = get_object_or_404(people, slug=self.kwargs["slug"])
        return super().get_queryset().filter(authors__person=self.person).newest_first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        alternates = {}
        for code, _name in settings.LANGUAGES:  # the same person's page in each language
            with translation.override(code):
                alternates[code] = self.person.get_absolute_url()
        return super().get_context_data(
            person=self.person,
            heading=self.person.name,
            alternates=alternates,
            structured_data=metadata.profile_page(self.person),
            **kwargs,
        )

    def get_page_meta(self) -> metadata.PageMeta:
        person = self.person
        return metadata.PageMeta(
            title=person.name,
            description=person.shown_bio or gettext("News by %(name)s.") % {"name": person.name},
            photo=person.shown_photo,
            type="profile",
            breadcrumbs=[
                metadata.news_crumb(),
                metadata.Crumb(person.name, person.get_absolute_url()),
            ],
        )


class ArticleDetailView(DetailView):
    model = Article
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    public = True  # previews show an article in any state

    def get_queryset(self) -> ArticleQuerySet:
        articles = Article.objects.published() if self.public else Article.objects.all()
        return articles.for_article_page()

    def get_object(self, queryset: Any = None) -> Article:
        """The article at this address (in this language), or by id for previews, with
        everything its page shows (ArticleQuerySet.for_article_page)."""
        if "pk" in self.kwargs:
            lookup = {"pk": self.kwargs["pk"]}
        else:
            lookup = {"language": translation.get_language(), "slug": self.kwargs["slug"]}
        try:
            return self.get_queryset().get(**lookup)
        except Article.DoesNotExist:
            raise Http404("No public article at this address") from None

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            if "slug" not in kwargs:  # previews look articles up by id
                raise
            # An address the article had before its slug changed, or a story that ended:
            # a query each, on this path only.
            moved = (
                ArticleSlugRedirect.objects.filter(
                    language=translation.get_language(),
                    old_slug=kwargs["slug"],
                    article__in=Article.objects.published(),
                )
                .select_related("article")
                .first()
            )
            if moved is not None:
                return HttpResponsePermanentRedirect(moved.article.get_absolute_url())
            # A story whose end time has passed is gone on purpose, not missing.
            language = translation.get_language()
            if Article.objects.ended().filter(language=language, slug=kwargs["slug"]).exists():
                return render(request, "articles/gone.html", status=410)
            raise

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        article: Article = self.object
        translations = article.public_translations()
        # The language switcher and hreflang lead to the translation when there is one.
        alternates = {code: a.get_absolute_url() for code, a in translations.items()}
        alternates[article.language] = article.get_absolute_url()
        return super().get_context_data(
            # Kept per article and content version: its two queries were a third of a
            # cold article page (docs/performance.md).
            related_articles=caching.remember(f"related:{article.pk}", article.related_articles),
            translations=translations,
            alternates=alternates,
            page_meta=metadata.article_meta(article),
            structured_data=metadata.news_article(article),
            **kwargs,
        )
