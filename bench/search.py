"""Search latency over many articles on PostgreSQL: p50/p95 per kind of query.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench \\
        python bench/search.py [--articles 50000] [--requests 100]

Needs PostgreSQL (the SQLite fallback is a development convenience, not what this
measures); the database in DATABASE_URL is migrated and filled with the demo plus N
synthetic articles, whose search vectors the database trigger writes as they are bulk
inserted. Each query is sent through Django's test client, so a figure is the whole
search page: the ranked query, the count, the snippets and the template, with the page
cache switched off (DJANGO_PAGE_CACHE=0): every request is ranked anew.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (name, language, query, category): from a word in every synthetic article to none.
QUERIES = [
    ("rare word", "en", "partnership", ""),
    ("topic word", "en", "baltic", ""),
    ("two words", "en", "timber architecture", ""),
    ("phrase", "en", '"healthy ageing"', ""),
    ("topic + category", "en", "recycling", "research"),
    ("in every article", "en", "university", ""),
    ("no match", "en", "xylophone", ""),
    ("finnish inflected", "fi", "yliopistossa", ""),
    ("swedish", "sv", "universitetet", ""),
    ("2,000 characters", "en", "research " * 222, ""),
    ("newest word", "en", "ageing", ""),
]


def _percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[max(0, round(len(sorted_values) * fraction) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL database you can spare, e.g. "
            "postgres://postgres@127.0.0.1:5432/newsroom_bench"
        )
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="newsroom-bench-media-"))
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ["DJANGO_PAGE_CACHE"] = "0"  # repeated addresses must not be cache hits

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article, Category
    from discovery import search

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    have = Article.objects.filter(slug__startswith="synthetic-").count()
    if have < args.articles:
        started = time.perf_counter()
        call_command("seed_demo", articles=args.articles - have, verbosity=0)
        print(f"Seeded {args.articles - have:,} articles in {time.perf_counter() - started:.0f} s")
    missing = Article.objects.filter(search_vector__isnull=True).count()
    if missing:
        raise SystemExit(f"{missing:,} articles have no search vector: is the trigger there?")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after seeding

    settings.DEBUG = False  # as in production: no query logging overhead
    client = Client()
    total = Article.objects.published().count()
    print(f"PostgreSQL, {total:,} public articles, {args.requests} requests per query")
    print(f"{'query':<20}{'results':>9}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}")
    every: list[float] = []
    for name, language, query, category in QUERIES:
        url = f"/{language}/news/search/?" + urlencode({"q": query, "category": category})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url[:80]} answered {response.status_code}")
        category_object = Category.objects.filter(slug=category).first()
        results = len(
            search.ranked_ids(
                search.clean_query(query), language=language, category=category_object
            )
        )
        query_count = len(queries)
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        every.extend(timings)
        print(
            f"{name:<20}{results:>9,}{statistics.median(timings):>9.1f}"
            f"{_percentile(timings, 0.95):>9.1f}{query_count:>9}"
        )
    every.sort()
    print(
        f"{'all queries':<20}{'':>9}{statistics.median(every):>9.1f}"
        f"{_percentile(every, 0.95):>9.1f}"
    )


if __name__ == "__main__":
    main()
