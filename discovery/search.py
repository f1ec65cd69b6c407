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

from articles.models import Article, ArticleQuerySet, Category, Language

# Long enough for any real question; a pasted page is cut rather than refused.
MAX_QUERY_LENGTH = 200
# The substring fallback ANDs one condition per word; keep that bounded.
MAX_FALLBACK_WORDS = 8
SNIPPET_LENGTH = 240
# A search finds at most this many articles: the newest matches (see _full_text).
MAX_RESULTS = 1000

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
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        # Cut at a word boundary, so the last word is not a fragment that matches nothing.
        text = text[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0][:MAX_QUERY_LENGTH]
    return text.strip()


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def ranked_ids(query: str, *, language: str, category: Category | None = None) -> list[int]:
    """The ids of the public articles in `language` matching `query`, best first, at
    most MAX_RESULTS. One query; an empty query (see clean_query) finds nothing.

    The ids, not the articles: the count for the pages is their number, and only the
    page's articles are then loaded, with their snippets (page_articles).
    """
    if not query:
        return []
    articles = Article.objects.published().in_language(language)
    if category is not None:
        # A semi-join on the link table: the planner then never builds a hash of whole
        # article rows (search vectors included) to join the category.
        in_category = Article.categories.through.objects.filter(category=category)
        articles = articles.filter(pk__in=in_category.values("article_id"))
    if uses_full_text_search():
        return _full_text(articles, query, language)
    return _substring(articles, query)


def page_articles(ids: list[int], query: str, *, language: str) -> list[Article]:
    """The articles for one page of `ids`, in that order, each with a `snippet`: one
    query for the articles with their photos and snippets, one for their categories."""
    if not ids:
        return []
    articles = Article.objects.filter(pk__in=ids).for_cards()
    if uses_full_text_search():
        config = Language(language).search_config
        articles = articles.annotate(
            headline=SearchHeadline(
                Concat("lead", Value("\n"), "body", output_field=TextField()),
                _search_query(query, config),
                config=config,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
    by_id = {article.pk: article for article in articles}
    found = [by_id[pk] for pk in ids if pk in by_id]
    add_snippets(found, query)
    return found


def _search_query(query: str, config: str) -> SearchQuery:
    # websearch syntax: quotes for phrases, "or", "-" to exclude; never a syntax error.
    return SearchQuery(query, config=config, search_type="websearch")


def _full_text(articles: ArticleQuerySet, query: str, language: str) -> list[int]:
    """Rank the newest MAX_RESULTS matches, best first, newest first among equals.

    Ranking reads each candidate's vector from the table, so a word found in most
    articles ("university") would read most of the table on every search. The newest
    MAX_RESULTS matches bound that (bench/search.py): for news little is lost, since a
    reader after an old story adds a word. The planner walks the newest-first index for
    common words and uses the GIN index for rare ones; ts_rank runs only on the
    candidates, and the final order is a sort of at most MAX_RESULTS pairs here.
    """
    search_query = _search_query(query, Language(language).search_config)
    candidates = (
        articles.filter(search_vector=search_query)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-published_at", "-pk")
        .values_list("pk", "rank")[:MAX_RESULTS]
    )
    # sorted() is stable: equal ranks keep the newest first.
    return [pk for pk, _rank in sorted(candidates, key=lambda pair: -pair[1])]


def _words(query: str) -> list[str]:
    words = (word.strip(_WORD_EDGE_PUNCTUATION) for word in query.split())
    return [word for word in words if word][:MAX_FALLBACK_WORDS]


def _substring(articles: ArticleQuerySet, query: str) -> list[int]:
    words = _words(query)
    if not words:
        return []
    for word in words:
        articles = articles.filter(
            Q(title__icontains=word) | Q(lead__icontains=word) | Q(body__icontains=word)
        )
    return list(articles.newest_first().values_list("pk", flat=True)[:MAX_RESULTS])


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
