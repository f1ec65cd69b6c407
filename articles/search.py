"""Searching the public articles of one language.

On PostgreSQL: full-text search in the article language's own configuration (its
stemmer finds "yliopistossa" from "yliopisto"), over the stored, GIN-indexed search
vector that a trigger keeps current (migration 0002), ranked with title above lead above
body, with highlighted snippets from ts_headline. On other databases (SQLite in
development and the demo): every word must appear in the title, lead or body, newest
first, with the words highlighted in the lead.

Snippets are built from plain text and escaped here; the only markup they ever carry is
the <mark> this module adds.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Article, ArticleQuerySet, Category, Language

# Long enough for any real question; a pasted page is cut rather than refused.
MAX_QUERY_LENGTH = 200
# The substring fallback ANDs one condition per word; keep that bounded.
MAX_FALLBACK_WORDS = 8
SNIPPET_LENGTH = 240

# Private-use characters mark the highlights inside ts_headline's plain-text output, so
# that the text can be escaped as a whole before they become <mark> elements.
_START, _STOP = "\ue000", "\ue001"
_HIGHLIGHT = re.compile(f"{_START}([^{_START}{_STOP}]*){_STOP}")
_WORD_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?*+-&|<>"


def clean_query(raw: str | None) -> str:
    """The query as searched and shown: control characters (NUL, which PostgreSQL
    refuses, among them) dropped, whitespace collapsed, cut to MAX_QUERY_LENGTH."""
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"} else char
        for char in (raw or "")[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def search_articles(
    query: str, *, language: str, category: Category | None = None
) -> ArticleQuerySet:
    """Public articles in `language` matching `query`, best first.

    `query` is a cleaned query (clean_query); an empty one finds nothing. The result is
    lazily evaluated: paginate it, then call add_snippets() on the page.
    """
    articles = Article.objects.published().in_language(language).for_cards()
    if category is not None:
        articles = articles.filter(categories=category)
    if not query:
        return articles.none()
    if uses_full_text_search():
        return _full_text(articles, query, language)
    return _substring(articles, query)


def _full_text(articles: ArticleQuerySet, query: str, language: str) -> ArticleQuerySet:
    config = Language(language).search_config
    # websearch syntax: quotes for phrases, "or", "-" to exclude; never a syntax error.
    search_query = SearchQuery(query, config=config, search_type="websearch")
    return (
        articles.filter(search_vector=search_query)
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            # Computed after the sort and limit: only for the page's articles.
            headline=SearchHeadline(
                Concat("lead", Value("\n"), "body", output_field=TextField()),
                search_query,
                config=config,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-published_at", "-pk")
    )


def _words(query: str) -> list[str]:
    words = (word.strip(_WORD_EDGE_PUNCTUATION) for word in query.split())
    return [word for word in words if word][:MAX_FALLBACK_WORDS]


def _substring(articles: ArticleQuerySet, query: str) -> ArticleQuerySet:
    words = _words(query)
    if not words:
        return articles.none()
    for word in words:
        articles = articles.filter(
            Q(title__icontains=word) | Q(lead__icontains=word) | Q(body__icontains=word)
        )
    return articles.newest_first()


def add_snippets(articles: Iterable[Article], query: str) -> None:
    """Give each article a `snippet`: safe HTML, the matches in <mark>. No queries."""
    words = _words(query)
    for article in articles:
        headline = getattr(article, "headline", None)
        if headline is not None:
            article.snippet = render_headline(headline)
        else:
            article.snippet = highlight(_shorten(article.lead), words)


def render_headline(headline: str) -> SafeString:
    """ts_headline's output as safe HTML.

    The headline is the article's own text: the body's tags are gone, but its entities
    (&amp;, &lt;) are still there. Decode them, escape everything, and only then turn
    the private-use markers into <mark> elements; stray markers are dropped.
    """
    text = escape(html.unescape(headline))
    text = _HIGHLIGHT.sub(r"<mark>\1</mark>", text).replace(_START, "").replace(_STOP, "")
    # mark_safe is right here: the text was escaped whole; <mark> is the only markup.
    return mark_safe(text)  # noqa: S308


def highlight(text: str, words: list[str]) -> SafeString:
    """`text` escaped, with each occurrence of one of `words` (any case) in <mark>."""
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    parts = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    # mark_safe is right here: every piece of the text went through escape().
    return mark_safe("".join(parts))  # noqa: S308


def _shorten(text: str) -> str:
    if len(text) <= SNIPPET_LENGTH:
        return text
    return text[:SNIPPET_LENGTH].rsplit(" ", 1)[0] + " …"
