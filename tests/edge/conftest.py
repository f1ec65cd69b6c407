"""A real Varnish in front of a real gunicorn, started once for the tests of this
folder and stopped when they are done: the production server (debug off, collected
static files, two workers) on the test database, so both see what a test writes
(PostgreSQL only), and varnishd with the repository's rules (deploy/varnish), each on a
port of this run (tests/security/servers.py). The server tells Varnish of its own
changes (EDGE_PURGE_URLS); a test that writes through the ORM sets the same for itself."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

from tests.security.servers import VARNISHD, gunicorn, production_env, reserved_port, varnish


@dataclass(frozen=True)
class Edge:
    proxy: str  # Varnish's URL, what readers ask
    site: str  # gunicorn's URL, behind it
    root: Path  # the logs: gunicorn.log, varnish/varnishd.log


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="package")
def edge_stack(
    django_db_setup, tmp_path_factory: pytest.TempPathFactory, static_root: Path
) -> Iterator[Edge]:
    if not VARNISHD.exists():
        pytest.fail(f"{VARNISHD} is missing: run 'sudo apt-get install -y varnish' (bin/test does)")
    from django.conf import settings

    root = tmp_path_factory.mktemp("edge")
    env = production_env(
        DATABASE_URL=_database_url(),
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(root / "media"),
        PHOTO_ORIGINALS_ROOT=str(root / "originals"),
        GUNICORN_ACCESS_LOG="/dev/null",
        # The tests' own key, so that a session a test makes (force_login) is good there.
        DJANGO_SECRET_KEY=settings.SECRET_KEY,
    )
    with reserved_port() as port:
        proxy = f"http://127.0.0.1:{port}"
        env["EDGE_PURGE_URLS"] = proxy  # the server's own changes (an editor's save)
        with (
            gunicorn(env, root / "gunicorn.log", workers=2, app="tests.edge.wsgi_cookie") as site,
            varnish(site, root / "varnish", port),
        ):
            yield Edge(proxy, site, root)


@pytest.fixture
def edge(edge_stack: Edge, settings, transactional_db) -> Edge:
    """The stack with an empty Varnish, and this test process telling it of changes."""
    from pagecache.models import ContentVersion
    from pagecache.purge import VarnishBan

    # A content version no earlier test used: each test empties the database, and the
    # server's own page cache must not take this test's version 1 for an earlier one's.
    ContentVersion.objects.update_or_create(pk=1, defaults={"version": time.time_ns()})
    VarnishBan(edge_stack.proxy).purge()  # nothing an earlier test left
    settings.EDGE_PURGE_URLS = [edge_stack.proxy]
    return edge_stack
