"""The search page, the sitemap index and robots.txt."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext

from articles import metadata
from articles.navigation import all_categories
from articles.views import PublishedArticlesMixin
from siteidentity.current import current_identity

from . import search
from .sitemaps import SITEMAPS


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
        "discovery/search.html",
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
                % {"organization": current_identity().name},
                breadcrumbs=[
                    metadata.news_crumb(),
                    metadata.Crumb(gettext("Search"), reverse("news:search")),
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
        request,
        "discovery/sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
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
