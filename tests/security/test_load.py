"""Load: 64 connections from a second process (wrk) on 127.0.0.1 against gunicorn and
PostgreSQL, mixing pages, search, feeds and the API, for LOADTEST_SECONDS (30 in the
suite, a smoke test; bench/soak.sh runs it for five minutes), while an editor
publishes and edits articles every few seconds. Zero 5xx, zero lost edits, and every
change visible on the public page within a second of its commit."""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from datetime import timedelta

import pytest
from django.db import close_old_connections
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_article, make_category, make_photo
from tests.security.servers import PROJECT, get, gunicorn, production_env
from tests.security.test_faults import _database_url

sys.path.insert(0, str(PROJECT / "bench"))
from loadtest import run_wrk

SECONDS = int(os.environ.get("LOADTEST_SECONDS", "30"))
EDIT_EVERY = 3.0  # seconds between the editor's changes
VISIBLE_WITHIN = 1.0


def _wait_until_visible(url: str, marker: bytes, committed: float) -> tuple[float, float]:
    """Poll the public page until it shows `marker`. Returns how long after the commit
    the first request that got the change was sent (how stale the site can be: every
    request sent later sees the change), and when its answer arrived (that plus the
    loaded server's response time)."""
    while time.monotonic() - committed < 60:
        sent = time.monotonic()
        status, body = get(url, timeout=30)
        if status == 200 and marker in body:
            return sent - committed, time.monotonic() - committed
        time.sleep(0.02)
    return float("inf"), float("inf")


@pytest.mark.postgres
def test_load_with_an_editor_publishing_and_editing(transactional_db, tmp_path, static_root):
    categories = [make_category(slug=f"load-{n}", name_en=f"Load {n}") for n in range(4)]
    photo = make_photo()
    public = [
        make_article(
            title=f"Campus research story {n}",
            categories=[categories[n % 4]],
            tags=["campus", f"topic-{n % 5}"],
            hero_photo=photo,
            body="<p>" + "Research on the campus continues with students. " * 30 + "</p>",
        )
        for n in range(60)
    ]
    drafts = [
        make_article(
            title=f"Upcoming story {n}",
            status=Status.DRAFT,
            published_at=None,
            categories=[categories[0]],
            hero_photo=photo,
        )
        for n in range(int(SECONDS / EDIT_EVERY) + 2)
    ]
    env = production_env(
        DATABASE_URL=_database_url(),
        DATABASE_CONN_MAX_AGE="60",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    paths = [
        "/en/news/",
        "/en/news/?page=2",
        "/fi/news/",
        "/en/news/search/?q=campus",
        "/en/news/search/?q=research+students",
        "/en/news/search/?q=nothingmatchesthis",
        "/en/news/feed/",
        "/en/news/atom/",
        "/en/news/category/load-1/",
        "/en/news/tag/campus/",
        "/api/v1/articles/",
        "/sitemap.xml",
        *(article.get_absolute_url() for article in public[:20]),
    ]

    delays: list[float] = []  # commit → first request that saw the change
    answered: list[float] = []  # commit → that request's answer
    edits: dict[int, list[str]] = {}
    editor_errors: list[BaseException] = []
    load_done = threading.Event()

    def editor(base: str) -> None:
        try:
            number, started = 0, time.monotonic()
            # An edit every EDIT_EVERY seconds, however long the previous check took.
            while not load_done.wait(
                max(0.0, started + (number + 1) * EDIT_EVERY - time.monotonic())
            ):
                number += 1
                marker = f"Edit-{number}-{time.time_ns()}"
                if number % 2:  # publish a draft
                    article = drafts[number // 2]
                    article.status = Status.PUBLISHED
                    article.published_at = timezone.now() - timedelta(seconds=1)
                    article.lead = marker
                else:  # edit a published article's title and lead
                    article = Article.objects.get(pk=public[number % len(public)].pk)
                    article.title = f"Campus research story {marker}"
                    article.lead = f"{article.lead} {marker}"
                article.save()
                committed = time.monotonic()
                edits.setdefault(article.pk, []).append(marker)
                stale, seen = _wait_until_visible(
                    base + article.get_absolute_url(), marker.encode(), committed
                )
                delays.append(stale)
                answered.append(seen)
                close_old_connections()
        except BaseException as error:  # reported in the test's thread
            editor_errors.append(error)

    with gunicorn(env, tmp_path / "gunicorn.log", workers=4) as base:
        assert get(base + "/healthz")[0] == 200
        thread = threading.Thread(target=editor, args=(base,), daemon=True)
        thread.start()
        try:
            result = run_wrk(base, paths, seconds=SECONDS, connections=64)
        finally:
            load_done.set()
            thread.join(timeout=60)

    print(  # the figures, for whoever reads the test log (bench/ has the driver)
        f"load: {result['requests']} requests in {result['seconds']:.0f} s "
        f"({result['requests_per_second']}/s), latency {result['latency_ms']}, "
        f"statuses {result['statuses']}, {len(delays)} edits, "
        f"requests sent {max(delays, default=0):.3f} s after a commit saw it (max), "
        f"their answers came {max(answered, default=0):.3f} s after it (max)"
    )
    assert not editor_errors, editor_errors
    server_errors = {status: n for status, n in result["statuses"].items() if status >= 500}
    assert server_errors == {}, result
    assert set(result["statuses"]) <= {200}, result
    assert result["errors"] == {"connect": 0, "read": 0, "write": 0, "timeout": 0}, result
    assert result["requests"] > SECONDS * 10, result
    # The editor kept working the whole time, and each change showed within a second.
    assert len(delays) >= SECONDS / EDIT_EVERY - 3, delays
    assert max(delays) < VISIBLE_WITHIN, sorted(delays)[-5:]
    # Zero lost edits: every article holds every change made to it, in order.
    for pk, markers in edits.items():
        article = Article.objects.get(pk=pk)
        assert markers[-1] in article.lead
        if article.title.startswith("Campus research story Edit-"):
            assert article.title.endswith(markers[-1])
            for earlier, later in itertools.pairwise(markers):
                assert article.lead.index(earlier) < article.lead.index(later)
        assert article.is_published()
    log = (tmp_path / "gunicorn.log").read_text()
    assert '" 50' not in log, "the access log records a server error"
