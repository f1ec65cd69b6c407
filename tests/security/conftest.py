"""Fixtures for the tests that run the site as production does: a port for a proxy, and
one production server for the tests that only send it requests (the collected static
files, once per run, are tests/conftest.py's static_root)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.security.servers import (
    PROJECT,
    gunicorn,
    production_env,
    reserved_port,
)


@pytest.fixture
def proxy_port() -> Iterator[int]:
    """A port of this run for a TcpProxy, free for the test's length."""
    with reserved_port() as port:
        yield port


@dataclass(frozen=True)
class ProductionSite:
    url: str
    root: Path  # the site's own folder: db.sqlite3, media/, originals/, gunicorn.log

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    @property
    def media(self) -> Path:
        return self.root / "media"


@pytest.fixture(scope="package")
def production_site(
    tmp_path_factory: pytest.TempPathFactory, static_root: Path
) -> Iterator[ProductionSite]:
    """The production server, started once for the tests of this folder that only send
    it requests: debug off, collected static files, the repository's gunicorn.conf.py
    with two workers, and a SQLite database of its own holding four articles with hero
    photos in one category. Stopped when the folder's tests are done."""
    root = tmp_path_factory.mktemp("production-site")
    env = production_env(
        DATABASE_URL=f"sqlite:///{root / 'db.sqlite3'}",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(root / "media"),
        PHOTO_ORIGINALS_ROOT=str(root / "originals"),
    )
    for command in (
        ["manage.py", "migrate", "--noinput", "-v0"],
        [
            "manage.py",
            "shell",
            "-c",
            "from tests.factories import make_article, make_category, make_photo; "
            "category = make_category(); "
            "[make_article(hero_photo=make_photo(), categories=[category]) for _ in range(4)]",
        ],
    ):
        subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
            [sys.executable, *command], cwd=PROJECT, env=env, check=True, capture_output=True
        )
    with gunicorn(env, root / "gunicorn.log", workers=2) as url:
        yield ProductionSite(url, root)
