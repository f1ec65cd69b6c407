"""The query plans of every public page type at scale, from PostgreSQL's EXPLAIN ANALYZE.

    python bench/explain.py [--articles 100000]

Uses DATABASE_URL (default: the local PostgreSQL database `newsroom_bench` that
bench/load.py seeds; `createdb newsroom_bench` first). Seeds N synthetic articles when
there are fewer, renders each page once uncached, and runs EXPLAIN (ANALYZE, BUFFERS) on
every query the page made. Prints each query's execution time, the indexes it used and
any sequential scan of a table with more than a thousand rows — full-table work per
request, which the page must not do. Exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BIG_TABLE_ROWS = 1000


def plan_nodes(node: dict) -> Iterator[dict]:
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()

    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")  # static files by their plain names
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article, Category

    if connection.vendor != "postgresql":
        raise SystemExit("bench/explain.py reads PostgreSQL's plans: set DATABASE_URL to one.")
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    have = Article.objects.filter(slug__startswith="synthetic-").count()
    if have < args.articles:
        print(f"Seeding {args.articles - have:,} synthetic articles …", flush=True)
        call_command("seed_demo", articles=args.articles - have, verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND reltuples > %s",
            [BIG_TABLE_ROWS],
        )
        big_tables = {name: int(rows) for name, rows in cursor.fetchall()}
    public = Article.objects.published().in_language("en")
    total = public.count()
    article = public.filter(featured=True).first() or public.first()
    category = Category.objects.filter(articles__in=public).first()
    tag = article.tags.first()
    pages = {
        "index": "/en/news/",
        "article": article.get_absolute_url(),
        "category": category.get_absolute_url(),
        "tag": f"/en/news/tag/{tag.slug}/" if tag else None,
        "deep page": f"/en/news/?page={max(1, total // 12 // 2)}",
        "search": "/en/news/search/?q=university",
        "feed": "/en/news/feed/",
        "sitemap": "/sitemap-articles.xml?p=5",
        "api": "/api/v1/articles/?page=200",
    }
    print(
        f"{total:,} public English articles; tables over {BIG_TABLE_ROWS:,} rows: "
        + ", ".join(f"{name} ({rows:,})" for name, rows in sorted(big_tables.items()))
    )

    client = Client()
    full_scans = []
    for name, url in pages.items():
        if url is None:
            continue
        separator = "&" if "?" in url else "?"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{url}{separator}explain=1")
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        total_ms = 0.0
        print(f"\n{name}: {url}")
        made = queries.captured_queries
        for number, query in enumerate(made, 1):
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query["sql"])
                (explained,) = cursor.fetchone()[0]
            milliseconds = explained["Execution Time"]
            planning = explained["Planning Time"]
            total_ms += milliseconds + planning
            used, scanned = set(), []
            for node in plan_nodes(explained["Plan"]):
                if node.get("Index Name"):
                    used.add(node["Index Name"])
                table = node.get("Relation Name")
                if node["Node Type"] == "Seq Scan" and table in big_tables:
                    scanned.append(table)
            what = ", ".join(sorted(used)) or "no index (small tables)"
            print(f"  {number:>2}. {milliseconds:7.2f} ms (+{planning:.2f} ms planning)  {what}")
            for table in scanned:
                print(f"      FULL SCAN of {table}: {query['sql'][:160]}")
                full_scans.append((name, table))
        print(f"  {'':>3} {total_ms:7.2f} ms in {len(made)} queries, planning included")

    if full_scans:
        raise SystemExit(f"\n{len(full_scans)} full-table scans per request: {full_scans}")
    print("\nNo page scans a whole table.")


if __name__ == "__main__":
    main()
