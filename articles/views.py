"""Public news pages. Every page starts from Article.objects.published()."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from .models import Article, ArticleQuerySet, Category

PREVIEW_SALT = "articles.preview"


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


def preview_token(article: Article) -> str:
    """A signed, timestamped token for sharing a preview of `article` without an account."""
    return signing.dumps({"article": article.pk}, salt=PREVIEW_SALT, compress=True)


def preview_url(article: Article) -> str:
    """The staff preview of `article`, under its own language's prefix."""
    with translation.override(article.language):
        return reverse("articles:preview", kwargs={"pk": article.pk})


def shared_preview_url(article: Article) -> str:
    with translation.override(article.language):
        return reverse("articles:shared-preview", kwargs={"token": preview_token(article)})


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

    def get_queryset(self) -> ArticleQuerySet:
        return Article.objects.select_related("hero_photo", "social_image").prefetch_related(
            "categories", "tags", "gallery__photo", "contacts"
        )

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
        if not self.get_queryset().filter(pk=self.kwargs["pk"]).exists():
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
