"""'Read more news': which articles an article page recommends, found in one statement.

Manual links come first in their order, then the newest articles that share a category
or a tag; all public, in the article's language, never the article itself. The three
parts are one UNION ALL of three index walks, each stopping at `limit` rows: the fill by
category and the fill by tag are separate semi-joins because one `EXISTS … OR EXISTS …`
cannot be one (PostgreSQL then hashed every article of a large category, 25 to 45 ms at
100,000 articles; this takes a fraction of a millisecond). Written in SQL rather than
with the ORM because building the same three querysets cost more than running them
(about 5 ms a page); the public rule restates ArticleQuerySet.published(), and
tests/test_related_news.py holds both to the same drafts, schedules and languages.
Only table and column names from the models are formatted into the SQL; every value is
a parameter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection
from django.utils import timezone

if TYPE_CHECKING:
    from .models import Article

MANUAL, FILL = 0, 1


def recommended_ids(
    article: Article, category_ids: list[int], tag_ids: list[int], limit: int
) -> list[int]:
    """The ids of the articles 'Read more news' shows for `article`, in order."""
    from .models import Article, RelatedLink, Status, TaggedArticle

    tables = {
        "article": Article._meta.db_table,
        "link": RelatedLink._meta.db_table,
        "in_category": Article.categories.through._meta.db_table,
        "tagged": TaggedArticle._meta.db_table,
    }
    public = "a.status = %s AND a.published_at <= %s AND a.language = %s AND a.id <> %s"
    public_params = [Status.PUBLISHED, timezone.now(), article.language, article.pk]
    parts = [
        (
            f"SELECT {MANUAL} AS part, a.id, a.published_at FROM {tables['link']} l"  # noqa: S608
            f" JOIN {tables['article']} a ON a.id = l.target_id"
            f" WHERE l.article_id = %s AND {public} ORDER BY l.position, l.id LIMIT %s",
            [article.pk, *public_params, limit],
        )
    ]
    for table, article_column, topic_column, ids in (
        (tables["in_category"], "article_id", "category_id", category_ids),
        (tables["tagged"], "content_object_id", "tag_id", tag_ids),
    ):
        if not ids:
            continue
        shared = (
            f"EXISTS (SELECT 1 FROM {table} t WHERE t.{article_column} = a.id"  # noqa: S608
            f" AND t.{topic_column} IN ({', '.join(['%s'] * len(ids))}))"
        )
        parts.append(
            (
                f"SELECT {FILL} AS part, a.id, a.published_at FROM {tables['article']} a"  # noqa: S608
                f" WHERE {public} AND {shared}"
                " ORDER BY a.published_at DESC, a.id DESC LIMIT %s",
                [*public_params, *ids, limit],
            )
        )
    # Each part in a derived table: SQLite allows ORDER BY and LIMIT in a compound
    # statement only there.
    sql = " UNION ALL ".join(
        f"SELECT * FROM ({part}) AS p{n}"  # noqa: S608
        for n, (part, _) in enumerate(parts)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [param for _, params in parts for param in params])
        rows = cursor.fetchall()

    manual = [pk for part, pk, _ in rows if part == MANUAL]
    fill = sorted(
        {
            (published_at, pk)
            for part, pk, published_at in rows
            if part == FILL and pk not in manual
        },
        reverse=True,
    )
    return (manual + [pk for _, pk in fill])[:limit]
