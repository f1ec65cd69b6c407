"""Fixtures for every test: fresh media folders and cache, quick password hashing, the
site's default language, a client logged in as a Writer or an Editor;
PostgreSQL-only tests deselected on SQLite. And the demo photos, drawn once, for the
tests that seed them; the collected static files, once, for the tests that run the site
as production does (tests/security, tests/edge)."""

from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.rendition_worker import rendition_worker  # noqa: F401  (a fixture for every test)


class QuickPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's default hasher with one iteration instead of a million: each user a test
    creates and each login cost a quarter of a second of CPU otherwise. The hashes are
    ordinary pbkdf2_sha256 ones (the iteration count is part of each), so a production
    gunicorn that a test logs in to checks them with its own hasher."""

    iterations = 1


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language, whatever language the test
    before it requested (Django keeps the last one active in the thread)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["tests.conftest.QuickPBKDF2PasswordHasher"]


@pytest.fixture
def writer_client(client):
    """The test client logged in as Wanda, a Writer."""
    from tests.factories import make_user

    client.force_login(make_user("wanda", role="Writer"))
    return client


@pytest.fixture
def editor_client(client):
    """The test client logged in as Eero, an Editor."""
    from tests.factories import make_user

    client.force_login(make_user("eero", role="Editor"))
    return client


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files go to fresh folders per test, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PHOTO_ORIGINALS_ROOT = tmp_path / "originals"


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def static_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """collectstatic's output (debug off serves the hashed names of its manifest), made
    once: it depends on the code alone, not on a test's database or settings."""
    from tests.security.servers import collectstatic

    root = tmp_path_factory.mktemp("static")
    collectstatic(root)
    return root


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, request, tmp_path_factory
):
    """Browser tests on SQLite (bin/test runs the `both_databases` ones there) get a test
    database in a file. The live server answers from threads of its own, and an
    in-memory database is one connection they would share with the test (SQLite then
    answers "database table is locked"); a file gives each thread its own."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    browser = any(item.get_closest_marker("browser") for item in request.session.items)
    if browser and database["ENGINE"].endswith("sqlite3"):
        test_file = tmp_path_factory.mktemp("sqlite") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(test_file)


@pytest.fixture
def demo_photos_once(monkeypatch):
    """seed_demo's photos drawn and rendered once per test session (drawing is
    deterministic and takes a couple of seconds a picture): every test still stores
    real files and rows, made from the remembered pictures (tests/factories.py)."""
    from articles.demo import seeding
    from photos import renditions
    from tests.factories import draw_once, render_once

    monkeypatch.setattr(seeding, "draw_photo", draw_once)
    monkeypatch.setattr(renditions, "render", render_once)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `postgres` belong to the PostgreSQL pass of bin/test. On SQLite they
    are deselected (reported as such, never counted as passed or skipped)."""
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    postgres_only = [item for item in items if item.get_closest_marker("postgres")]
    if postgres_only:
        config.hook.pytest_deselected(items=postgres_only)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]
