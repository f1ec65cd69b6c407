"""Render time and query count of each public page type, in process.

    python bench/pages.py [--articles 10000] [--requests 200]

Uses DATABASE_URL when set (e.g. a PostgreSQL database you can spare: it is migrated
and seeded), else a fresh SQLite file in a temporary folder. Seeds the demo content plus
N synthetic articles, then renders each page through Django's WSGI handler, as a server
would call it, and prints p50/p95 milliseconds and queries per page, and where the
median request's time goes: waiting for the database (SQL sent, rows back), rendering
templates, and the rest (building queries with the ORM, making model objects, views,
middleware). The page cache is switched off (DJANGO_PAGE_CACHE=0): this is the cold
cost of building a page. The HTTP-level load test is bench/load.py.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ["DJANGO_PAGE_CACHE"] = "0"  # every request renders its page

    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    have = Article.objects.filter(slug__startswith="synthetic-").count()
    if have < args.articles:
        call_command("seed_demo", articles=args.articles - have, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics after the bulk insert

    article = Article.objects.published().in_language("en").filter(featured=True).first()
    total = Article.objects.published().in_language("en").count()
    deep_page = max(1, total // 12 // 2)
    pages = {
        "index": "/en/news/",
        "article": article.get_absolute_url(),
        "category": "/en/news/category/studies/",
        "tag": "/en/news/tag/helsinki/",
        "author": f"/en/news/author/{article.authors.first().person.slug}/",
        f"deep page {deep_page}": f"/en/news/?page={deep_page}",
    }

    settings.DEBUG = False  # as in production: no query logging overhead
    client = Client()
    timer = _Timer()
    handler = WSGIHandler()
    print(f"{connection.vendor}, {total:,} public English articles, {args.requests} requests each")
    print(
        f"{'page':<18}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}"
        f"{'database':>10}{'templates':>11}{'the rest':>10}"
    )
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}; is the demo seeded?")
        query_count = len(queries)  # now: every request below resets the query log
        path, _, query = url.partition("?")
        timings, splits = [], []
        for _ in range(args.requests):
            timer.reset()
            start = time.perf_counter()
            with connection.execute_wrapper(timer.query):
                _get(handler, path, query)
            timings.append((time.perf_counter() - start) * 1000)
            splits.append((timings[-1], timer.database * 1000, timer.templates * 1000))
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        median, database, templates = sorted(splits)[len(splits) // 2]
        print(
            f"{name:<18}{p50:>9.1f}{p95:>9.1f}{query_count:>9}"
            f"{database:>10.1f}{templates:>11.1f}{median - database - templates:>10.1f}"
        )


class _Timer:
    """Time spent in SQL and in rendering templates (outermost render only)."""

    def __init__(self) -> None:
        from django.template.backends.django import Template

        self.reset()
        self.depth = 0
        render = Template.render

        def timed_render(template, *args, **kwargs):
            self.depth += 1
            start = time.perf_counter()
            try:
                return render(template, *args, **kwargs)
            finally:
                self.depth -= 1
                if not self.depth:
                    self.templates += time.perf_counter() - start

        Template.render = timed_render

    def reset(self) -> None:
        self.database = self.templates = 0.0

    def query(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.database += time.perf_counter() - start


def _get(handler, path: str, query: str) -> bytes:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    return b"".join(handler(environ, lambda status, headers, exc_info=None: None))


if __name__ == "__main__":
    main()
