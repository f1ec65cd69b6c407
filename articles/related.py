"""'Read more news': the cards an article page recommends, found in one statement.

Manual links come first in their order, then the newest articles that share a category
or a tag; all public, in the article's language, never the article itself. The three
parts are one UNION ALL of three index walks, each stopping at `limit` rows: the fill by
category and the fill by tag are separate semi-joins because one `EXISTS … OR EXISTS …`
cannot be one (PostgreSQL then hashed every article of a large category, 25 to 45 ms at
100,000 articles; this takes a fraction of a millisecond). The same statement reads the
candidates' card columns, hero photos and category ids (articles.sql_json). Written in
SQL rather than with the ORM because building the querysets cost more than running them
(about 5 ms a page); the public rule restates ArticleQuerySet.published(), and
tests/test_related_news.py holds both to the same drafts, schedules and languages.
PostgreSQL plans it once per connection (articles.prepared). Only table and column names
from the models and the published status are formatted into the SQL; every other value
is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import connection
from django.utils import timezone

from . import prepared, sql_json

if TYPE_CHECKING:
    from .models import Article, Category

MANUAL, FILL = 0, 1


def recommended(article: Article, categories: Iterable[Category], limit: int) -> list[Article]:
    """The cards 'Read more news' shows for `article`, in order, with their hero photos
    and their categories (from `categories`, see models.show_categories)."""
    from .models import (
        CARD_FIELDS,
        Article,
        Photo,
        RelatedLink,
        Status,
        TaggedArticle,
        show_categories,
    )

    tables = {
        "article": Article._meta.db_table,
        "photo": Photo._meta.db_table,
        "link": RelatedLink._meta.db_table,
        "in_category": Article.categories.through._meta.db_table,
        "tagged": TaggedArticle._meta.db_table,
    }
    # The status is written into the SQL: the indexes of public articles are partial on
    # it, and a prepared statement's generic plan could use them for no parameter.
    public = (
        f"a.status = '{Status.PUBLISHED.value}'"
        " AND a.published_at <= %s AND a.language = %s AND a.id <> %s"
    )
    public_params = [timezone.now(), article.language, article.pk]
    # Each candidate: its part, its id, and for a manual link the link's order.
    parts = [
        (
            f"SELECT {MANUAL} AS part, a.id, l.position AS link_order, l.id AS link_id"  # noqa: S608
            f" FROM {tables['link']} l JOIN {tables['article']} a ON a.id = l.target_id"
            f" WHERE l.article_id = %s AND {public} ORDER BY l.position, l.id LIMIT %s",
            [article.pk, *public_params, limit],
        )
    ]
    shared_with = (
        ("in_category", "article_id", "category_id", [c.pk for c in article.categories.all()]),
        ("tagged", "content_object_id", "tag_id", [tag.pk for tag in article.tags.all()]),
    )
    # PostgreSQL takes the ids as one array, so that the statement is the same whatever
    # their number and is prepared once (articles.prepared); SQLite as a list.
    as_array = connection.vendor == "postgresql"
    for table, article_column, topic_column, ids in shared_with:
        if not ids and not as_array:
            continue
        topics = "= ANY(%s)" if as_array else f"IN ({', '.join(['%s'] * len(ids))})"
        shared = (
            f"EXISTS (SELECT 1 FROM {tables[table]} t WHERE t.{article_column} = a.id"  # noqa: S608
            f" AND t.{topic_column} {topics})"
        )
        parts.append(
            (
                f"SELECT {FILL} AS part, a.id, 0 AS link_order, 0 AS link_id"  # noqa: S608
                f" FROM {tables['article']} a WHERE {public} AND {shared}"
                " ORDER BY a.published_at DESC, a.id DESC LIMIT %s",
                [*public_params, *([ids] if as_array else ids), limit],
            )
        )
    # Each part in a derived table: SQLite allows ORDER BY and LIMIT in a compound
    # statement only there.
    candidates = " UNION ALL ".join(
        f"SELECT * FROM ({part}) AS p{n}"  # noqa: S608
        for n, (part, _) in enumerate(parts)
    )
    photo_fields = ["id", *(f.removeprefix("hero_photo__") for f in CARD_FIELDS if "__" in f)]
    card_columns = [
        Article._meta.get_field(name).column
        for name in ("id", "hero_photo", *(f for f in CARD_FIELDS if "__" not in f))
    ]
    columns = ", ".join(f"a.{connection.ops.quote_name(column)}" for column in card_columns)
    sql = (
        "SELECT r.part AS related_part, r.link_order, r.link_id,"  # noqa: S608
        f" {columns},"
        f" (SELECT {sql_json.row('p', Photo, photo_fields)} FROM {tables['photo']} p"
        " WHERE p.id = a.hero_photo_id) AS hero_photo_row,"
        f" (SELECT {sql_json.aggregate('c.category_id')} FROM {tables['in_category']} c"
        " WHERE c.article_id = a.id) AS category_ids"
        f" FROM ({candidates}) AS r JOIN {tables['article']} a ON a.id = r.id"
    )
    params = [param for _, params in parts for param in params]
    rows = list(Article.objects.raw(*prepared.statement(sql, params)))

    manual = sorted(
        (card for card in rows if card.related_part == MANUAL),
        key=lambda card: (card.link_order, card.link_id),
    )
    fill = sorted(
        (card for card in rows if card.related_part == FILL),
        key=lambda card: (card.published_at, card.pk),
        reverse=True,
    )
    cards, seen = [], set()
    for card in manual + fill:
        if card.pk not in seen and len(cards) < limit:
            seen.add(card.pk)
            cards.append(card)
    for card in cards:
        if card.hero_photo_row is not None:
            card.hero_photo = sql_json.made(
                Photo, photo_fields, [sql_json.parsed(card.hero_photo_row)]
            )[0]
    show_categories([(card, sql_json.listed(card.category_ids)) for card in cards], categories)
    return cards
