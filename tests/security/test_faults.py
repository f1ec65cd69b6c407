"""Faults: the database going away and coming back, an unwritable media folder during
an upload, an import killed half-way, and media traversal against a real gunicorn."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from articles.models import Article, Status
from photos.models import Photo
from tests.factories import jpeg_bytes, make_article, make_category
from tests.security.servers import PROJECT, TcpProxy, get, gunicorn, production_env


def _database_url(port: int | None = None) -> str:
    db = connection.settings_dict
    host, real_port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{host}:{port or real_port}/{db['NAME']}"


@pytest.mark.postgres
def test_database_outage_gives_503_pages_and_recovers_without_restart(
    transactional_db, tmp_path, static_root, proxy_port
):
    article = make_article(title="Outage-proof story", categories=[make_category()])
    host = connection.settings_dict["HOST"] or "127.0.0.1"
    proxy = TcpProxy(proxy_port, (host, int(connection.settings_dict["PORT"] or 5432)))
    proxy.start()
    env = production_env(
        DATABASE_URL=_database_url(proxy_port),
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    url = article.get_absolute_url()
    try:
        with gunicorn(env, tmp_path / "gunicorn.log") as base:
            assert get(base + url)[0] == 200
            assert get(base + "/healthz")[0] == 200

            proxy.stop()  # the database goes away: open connections cut, new ones refused
            for page in (url, "/en/news/", "/en/news/search/?q=story"):
                status, body = get(base + page)
                assert status == 503, (page, status, body[:300])
                assert b"Temporarily unavailable" in body and b"Traceback" not in body
            status, body = get(base + "/fi/news/")
            assert status == 503 and "Tilapäisesti poissa käytöstä".encode() in body
            assert get(base + "/healthz")[0] == 503

            proxy.start()  # back, and the same gunicorn serves again without a restart
            status, body = get(base + url)
            assert status == 200 and b"Outage-proof story" in body
            assert get(base + "/healthz")[0] == 200

            # Mid-request: the next connection dies after the database has answered the
            # login and the first queries, while the page is still being put together.
            proxy.stop()
            proxy.cut_after = 1500
            proxy.start()
            # A page not asked for before, which the cache cannot answer, so it is built
            # now (a cached page needs only the one small content-version query).
            status, body = get(base + article.categories.get().get_absolute_url())
            assert status == 503, (status, body[:300])
            assert b"Temporarily unavailable" in body
            proxy.cut_after = None
            status, body = get(base + url)
            assert status == 200 and b"Outage-proof story" in body
    finally:
        proxy.stop()
    log = (tmp_path / "gunicorn.log").read_text()
    assert "Traceback" not in log or "OperationalError" in log


@pytest.mark.parametrize("folder", ["PHOTO_ORIGINALS_ROOT"])
def test_unwritable_media_folder_gives_a_clear_error_and_stores_nothing(
    admin_client, settings, tmp_path, folder
):
    """Tests run as root, for whom chmod does not stop writes, and a tmpfs or loop device
    cannot be mounted here: a folder inside a regular file's path makes every directory
    creation and write fail (ENOTDIR), as a read-only or full disk would. The originals'
    folder (the renditions' folder is the worker's: tests/test_photo_processing.py); the
    other is writable, and empty afterwards."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PHOTO_ORIGINALS_ROOT = tmp_path / "originals"
    setattr(settings, folder, blocker / "media")

    upload = SimpleUploadedFile("campus.jpg", jpeg_bytes(), "image/jpeg")
    response = admin_client.post(
        "/admin/photos/photo/add/", {"image": upload, "alt_text": "Campus"}, follow=True
    )

    assert response.status_code == 200
    assert "The photo could not be stored" in response.text
    assert not Photo.objects.exists()
    stored = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert [path.name for path in stored] == ["not-a-folder"]


# Enough that the import is still writing, seconds from its end, when a fifth is done
# (its progress lines come per tenth) and it is killed.
IMPORTED_ARTICLES = 1000


@pytest.mark.postgres
def test_import_killed_half_way_leaves_no_partial_articles(transactional_db, tmp_path):
    category = make_category(slug="research")
    Article.objects.bulk_create(
        Article(
            title=f"Imported story {number}",
            slug=f"imported-{number}",
            language="en",
            lead="A lead.",
            body="<p>" + "A body paragraph. " * 40 + "</p>",
            status=Status.PUBLISHED,
            published_at="2026-01-01T10:00:00+00:00",
        )
        for number in range(IMPORTED_ARTICLES)
    )
    export = tmp_path / "export.zip"
    env = production_env(DATABASE_URL=_database_url(), MEDIA_ROOT=str(tmp_path / "media"))
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "export_news", str(export)],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
    )
    Article.objects.all().delete()
    category.delete()

    importer = subprocess.Popen(  # noqa: S603
        [sys.executable, "-u", "manage.py", "import_news", str(export)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seen = []
    for line in importer.stdout:
        seen.append(line)
        progress = re.match(r"articles: (\d+)/(\d+)", line.strip())
        if progress and int(progress[1]) >= int(progress[2]) // 5:
            break  # a fifth of the articles written, in the import's one transaction
    assert importer.poll() is None, f"the import ended before it could be killed: {seen}"
    importer.send_signal(signal.SIGKILL)
    importer.wait(timeout=30)
    time.sleep(0.5)  # PostgreSQL notices the dead backend and rolls its transaction back

    assert importer.returncode == -signal.SIGKILL
    assert Article.objects.count() == 0, seen
    assert not Article.objects.filter(slug__startswith="imported-").exists()

    # Run again to the end: everything arrives.
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "import_news", str(export)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert Article.objects.count() == IMPORTED_ARTICLES


def test_media_traversal_against_gunicorn(production_site):
    """The same probes as tests/security/test_http_attacks.py, over a raw socket to the
    production server, so no client normalises the path first. A secret lies next to
    its media folder."""
    import http.client

    media, site_root = production_site.media, production_site.root
    (media / "renditions").mkdir(parents=True, exist_ok=True)
    (media / "renditions" / "ok.txt").write_text("fine")
    (site_root / "secret.txt").write_text("TOP-SECRET-CONTENT")
    probes = [
        "/media/../secret.txt",
        "/media/%2e%2e/secret.txt",
        "/media/%2E%2E%2Fsecret.txt",
        "/media/..%2fsecret.txt",
        "/media/..%5csecret.txt",
        "/media/renditions/../../secret.txt",
        "/media/renditions/%2e%2e/%2e%2e/secret.txt",
        "/media/%252e%252e/secret.txt",
        f"/media/{site_root}/secret.txt",
        f"/media//{site_root}/secret.txt",
        "/media/%00../secret.txt",
        "/media/..%00/secret.txt",
        "/media/..%c0%afsecret.txt",
        "/media/../../newsroom/settings.py",
        "/media/" + "a" * 5000,
        "/media/renditions/" + quote("ä" * 300),
    ]
    base, port = production_site.url, production_site.port
    assert get(base + "/media/renditions/ok.txt") == (200, b"fine")
    for probe in probes:
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        client.putrequest("GET", probe, skip_accept_encoding=True)
        client.endheaders()
        response = client.getresponse()
        body = response.read()
        client.close()
        assert response.status in (400, 404, 414), (probe, response.status)
        assert b"TOP-SECRET" not in body and b"SECRET_KEY" not in body, probe
