"""Public news pages. Every page starts from Article.objects.published()."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import signing
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
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from . import caching, metadata, search
from .models import Article, ArticleQuerySet, ArticleSlugRedirect
from .navigation import all_categories, category_at
from .pagination import RememberedCountPaginator
from .previews import PREVIEW_SALT
from .sitemaps import SITEMAPS


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
            % {"organization": settings.ORGANIZATION_NAME},
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
                metadata.Crumb(self.tag.name, reverse("articles:tag", args=[self.tag.slug])),
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
            # An address the article had before its slug changed: one more query.
            moved = (
                ArticleSlugRedirect.objects.filter(
                    language=translation.get_language(),
                    old_slug=kwargs["slug"],
                    article__in=Article.objects.published(),
                )
                .select_related("article")
                .first()
            )
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.article.get_absolute_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        article: Article = self.object
        translations = article.public_translations()
        # The language switcher and hreflang lead to the translation when there is one.
        alternates = {code: a.get_absolute_url() for code, a in translations.items()}
        alternates[article.language] = article.get_absolute_url()
        return super().get_context_data(
            # Kept per article and content version: its two queries were a third of a
            # cold article page (README "Performance").
            related_articles=caching.remember(f"related:{article.pk}", article.related_articles),
            translations=translations,
            alternates=alternates,
            page_meta=metadata.article_meta(article),
            structured_data=metadata.news_article(article),
            **kwargs,
        )


def search_view(request: HttpRequest) -> HttpResponse:
    """`/<lang>/news/search/?q=…&category=…`: ranked results with highlighted snippets.

    Any input gives a normal page: an empty or unusable query shows the form, an unknown
    category searches all, a page number out of range shows the last page. Four queries:
    the categories, the ranked ids, the page's articles and their categories.
    """
    query = search.clean_query(request.GET.get("q"))
    categories = all_categories()
    wanted = request.GET.get("category", "")
    category = next((c for c in categories if c.slug == wanted), None)
    ids = search.ranked_ids(query, language=translation.get_language(), category=category)
    page = Paginator(ids, PublishedArticlesMixin.paginate_by).get_page(request.GET.get("page"))
    page.object_list = search.page_articles(
        list(page.object_list), query, language=translation.get_language()
    )
    kept = {"q": query, **({"category": category.slug} if category else {})}
    return render(
        request,
        "articles/search.html",
        {
            "query": query,
            "categories": categories,
            "category": category,
            "articles": page.object_list,
            "page_obj": page,
            "paginator": page.paginator,
            "is_paginated": page.has_other_pages(),
            "page_range": page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            ),
            "page_query": urlencode(kept) if query else "",
            "canonical_url": metadata.canonical_url(request.path, page.number),
            "capped": len(ids) >= search.MAX_RESULTS,
            "page_meta": metadata.PageMeta(
                title=gettext("Search the news"),
                description=gettext("Search the news of %(organization)s.")
                % {"organization": settings.ORGANIZATION_NAME},
                breadcrumbs=[
                    metadata.news_crumb(),
                    metadata.Crumb(gettext("Search"), reverse("articles:search")),
                ],
            ),
        },
    )


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """`/sitemap.xml`: every page of every sitemap section, with absolute addresses from
    SITE_URL. One count query per section."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        location = settings.SITE_URL + reverse("sitemap-section", kwargs={"section": section})
        pages = sitemap_class().paginator.num_pages
        entries += [{"location": location}]
        entries += [{"location": f"{location}?p={page}"} for page in range(2, pages + 1)]
    return render(
        request, "articles/sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def robots_txt(request: HttpRequest) -> HttpResponse:
    """`/robots.txt`: everything public may be crawled but the admin and the search
    results; the sitemap's address is absolute, as the protocol requires."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/news/search/" for code, _name in settings.LANGUAGES),
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """An article in any state, rendered by the public article template.

    Staff with the view permission open it from the change form; it is never cached,
    and search engines are told not to index it.
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not (request.user.is_staff and request.user.has_perm("articles.view_article")):
            return _preview_refused(
                request,
                403,
                _("You are not allowed to preview articles."),
            )
        return super().dispatch(request, *args, **kwargs)

    public = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        # Render now, in the article's own language, whatever the URL prefix said.
        with translation.override(self.object.language):
            response = super().render_to_response(context, **kwargs)
            response.render()
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


@method_decorator(never_cache, name="dispatch")
class SharedPreviewView(ArticlePreviewView):
    """The same preview for a reviewer without an account, by a signed link that
    expires after settings.PREVIEW_LINK_MAX_AGE seconds."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            payload = signing.loads(
                kwargs["token"], salt=PREVIEW_SALT, max_age=settings.PREVIEW_LINK_MAX_AGE
            )
        except signing.SignatureExpired:
            return _preview_refused(
                request,
                403,
                _("This preview link has expired. Ask the editor for a new one."),
            )
        except signing.BadSignature:
            return _preview_refused(
                request,
                404,
                _("This preview link is not valid. Check that you copied all of it."),
            )
        self.kwargs["pk"] = payload.get("article") if isinstance(payload, dict) else None
        if not isinstance(self.kwargs["pk"], int):
            return _preview_refused(request, 404, _("This preview link is not valid."))
        return DetailView.dispatch(self, request, *args, **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not Article.objects.filter(pk=self.kwargs["pk"]).exists():
            return _preview_refused(
                request, 404, _("The article of this preview link no longer exists.")
            )
        return super().get(request, *args, **kwargs)


@never_cache
def _preview_refused(request: HttpRequest, status: int, message: Any) -> HttpResponse:
    return render(
        request,
        "articles/preview_refused.html",
        {"message": message, "status": status},
        status=status,
    )
