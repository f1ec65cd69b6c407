"""'Read more news': the cards an article page recommends, found in one statement.

Manual links come first in their order, then the newest articles that share a category
or a tag; all public, in the article's language, never the article itself, never twice.
The three parts are one UNION ALL of three index walks, each stopping at `limit` rows:
the fill by category and the fill by tag are separate semi-joins because one
`EXISTS … OR EXISTS …` cannot be one (PostgreSQL then hashed every article of a large
category, 25 to 45 ms at 100,000 articles; this takes a fraction of a millisecond). Of
the candidates, the first copy of each article is kept, and only the `limit` cards shown
have their card columns, hero photos and category ids read (articles.sql_json). Written
in SQL rather than with the ORM because building the querysets cost more than running
them (about 5 ms a page); the public rule restates ArticleQuerySet.published(), and
tests/test_related_news.py holds both to the same drafts, schedules and languages.
PostgreSQL plans it once per connection (articles.prepared). Only table and column names
from the models and the published status are formatted into the SQL; every other value
is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from django.db import connection
from django.utils import timezone

from . import prepared, sql_json

if TYPE_CHECKING:
    from .models import Article, Category

MANUAL, FILL = 0, 1


def recommended(article: Article, categories: Iterable[Category], limit: int) -> list[Article]:
    """The cards 'Read more news' shows for `article`, in order, with their hero photos
    and their categories (from `categories`, see models.attach_categories)."""
    from .models import Article, Photo, attach_categories

    category_ids = [category.pk for category in article.categories.all()]
    tag_ids = [tag.pk for tag in article.tags.all()]
    public = [timezone.now(), article.language, article.pk]
    params = [article.pk, *public, limit]
    if connection.vendor == "postgresql":
        # The ids as one array each: the statement is the same whatever their number,
        # prepared once (articles.prepared).
        sql = _sql(connection.vendor, None, None)
        params += [*public, category_ids, limit, *public, tag_ids, limit]
    else:
        sql = _sql(connection.vendor, len(category_ids), len(tag_ids))
        for ids in (category_ids, tag_ids):
            params += [*public, *ids, limit] if ids else []
    params.append(limit)

    cards = list(Article.objects.raw(*prepared.statement(sql, params)))
    for card in cards:
        photo = sql_json.one(Photo, _photo_fields(), vars(card).pop("hero_photo_row"))
        if photo is not None:
            card.hero_photo = photo
    attach_categories(cards, categories)
    return cards


@lru_cache(maxsize=64)
def _sql(vendor: str, category_count: int | None, tag_count: int | None) -> str:
    """The statement for `vendor`: with the ids as arrays (counts None), or as lists of
    the given lengths, a fill left out when its list is empty."""
    from .models import (
        CARD_FIELDS,
        Article,
        Photo,
        RelatedLink,
        Status,
        TaggedArticle,
        category_ids_sql,
    )

    article, in_category = Article._meta.db_table, Article.categories.through._meta.db_table
    # The status is written into the SQL: the indexes of public articles are partial on
    # it, and a prepared statement's generic plan could use them for no parameter.
    public = (
        f"a.status = '{Status.PUBLISHED.value}'"
        " AND a.published_at <= %s AND a.language = %s AND a.id <> %s"
    )
    # Each candidate: its part, its id and, for a manual link, the link's order.
    parts = [
        f"SELECT {MANUAL} AS part, a.id, l.position AS link_order, l.id AS link_id"  # noqa: S608
        f" FROM {RelatedLink._meta.db_table} l JOIN {article} a ON a.id = l.target_id"
        f" WHERE l.article_id = %s AND {public} ORDER BY l.position, l.id LIMIT %s"
    ]
    for table, article_column, topic_column, count in (
        (in_category, "article_id", "category_id", category_count),
        (TaggedArticle._meta.db_table, "content_object_id", "tag_id", tag_count),
    ):
        if count == 0:
            continue
        topics = "= ANY(%s)" if count is None else f"IN ({', '.join(['%s'] * count)})"
        parts.append(
            f"SELECT {FILL} AS part, a.id, 0 AS link_order, 0 AS link_id"  # noqa: S608
            f" FROM {article} a WHERE {public} AND EXISTS (SELECT 1 FROM {table} t"
            f" WHERE t.{article_column} = a.id AND t.{topic_column} {topics})"
            " ORDER BY a.published_at DESC, a.id DESC LIMIT %s"
        )
    # Each part in a derived table: SQLite allows ORDER BY and LIMIT in a compound
    # statement only there.
    candidates = " UNION ALL ".join(
        f"SELECT * FROM ({part}) AS p{n}"  # noqa: S608
        for n, part in enumerate(parts)
    )
    card_columns = ", ".join(
        f"a.{connection.ops.quote_name(Article._meta.get_field(name).column)}"
        for name in ("id", "hero_photo", *(f for f in CARD_FIELDS if "__" not in f))
    )
    return (
        f"SELECT {card_columns},"  # noqa: S608
        f" (SELECT {sql_json.row('p', Photo, _photo_fields())} FROM {Photo._meta.db_table} p"
        " WHERE p.id = a.hero_photo_id) AS hero_photo_row,"
        f" ({category_ids_sql('a')}) AS category_ids"
        " FROM (SELECT r.*, ROW_NUMBER() OVER"
        " (PARTITION BY r.id ORDER BY r.part, r.link_order, r.link_id) AS copy"
        f" FROM ({candidates}) AS r) AS r JOIN {article} a ON a.id = r.id"
        " WHERE r.copy = 1"
        " ORDER BY r.part, r.link_order, r.link_id, a.published_at DESC, a.id DESC LIMIT %s"
    )


@lru_cache(maxsize=1)
def _photo_fields() -> tuple[str, ...]:
    """The hero photo's fields a card shows."""
    from .models import CARD_FIELDS

    return ("id", *(f.removeprefix("hero_photo__") for f in CARD_FIELDS if "__" in f))
