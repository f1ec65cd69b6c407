"""`import_feed`: legacy RSS 2.0 and Atom feeds, served from files and a real local
HTTP server (the old site), with its images."""

from __future__ import annotations

import functools
import hashlib
import io
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from PIL import Image

from articles.models import Article, Category, Status
from photos.models import Photo

from .factories import jpeg_bytes, make_article, make_category

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def legacy_site(tmp_path) -> Iterator[tuple[str, Path]]:
    """The old site on a local port: its feeds (pointing at itself) and its images.
    The second RSS story's image is gone (404), as on real old sites."""
    root = tmp_path / "legacy"
    (root / "wp-content/uploads/2025/11").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "wp-content/uploads/2025/11/kirjasto.jpg").write_bytes(jpeg_bytes(800, 533))
    png = io.BytesIO()
    Image.new("RGB", (480, 320), "#b5651d").save(png, "PNG")
    (root / "images/great-hall.png").write_bytes(png.getvalue())
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for name in ("legacy-news.rss", "legacy-news.atom"):
        text = (FIXTURES / name).read_text().replace("http://legacy.example", base)
        (root / name).write_text(text)
    # Polling for shutdown every 50 ms rather than 500: each test ends at once.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield base, root
    server.shutdown()
    server.server_close()


def _import(*args: str) -> str:
    out = io.StringIO()
    call_command("import_feed", *args, stdout=out)
    return out.getvalue()


def test_rss_entries_become_finnish_drafts_with_clean_html_dates_categories_and_photo(
    legacy_site,
):
    base, root = legacy_site
    studies = make_category(name_en="Studies", name_fi="Opiskelu", slug="studies")

    output = _import(str(root / "legacy-news.rss"))

    assert "Imported 2 new articles, 1 photos, 2 new categories, 1 already imported" in output
    assert "poistettu.jpg could not be downloaded" in output
    library = Article.objects.get(slug="kirjaston-aukioloajat-muuttuvat-joulun-ajaksi")
    assert library.language == "fi"
    assert library.status == Status.DRAFT
    assert not Article.objects.published().exists()
    # 09:00 at +02:00 is 07:00 UTC; the second story's 23:30 +03:00 is 20:30 UTC.
    assert library.published_at == datetime(2025, 11, 4, 7, 0, tzinfo=UTC)
    lichen = Article.objects.get(slug="tutkijat-loysivat-uuden-jakalalajin-nuuksiosta")
    assert lichen.published_at == datetime(2025, 10, 31, 20, 30, tzinfo=UTC)
    assert [credit.person.name for credit in library.authors.all()] == ["Anna Virtanen"]
    assert library.source_url == f"{base}/uutiset/2025/11/kirjaston-aukioloajat-joulu/"
    assert "<h2>Etäpalvelut toimivat</h2>" in library.body
    assert 'href="https://library.example.edu/e"' in library.body
    for unsafe in ("<script", "alert(", "style=", "onclick"):
        assert unsafe not in library.body
    assert library.lead.startswith("Pääkirjasto on suljettu 24.–26.12.")
    assert "<" not in library.lead
    # "Opiskelu" is the Finnish name of an existing category; "Kampus" is new.
    assert set(library.categories.all()) == {studies, Category.objects.get(slug="kampus")}
    with library.hero_photo.image.open("rb") as stored:
        downloaded = stored.read()
    original = (root / "wp-content/uploads/2025/11/kirjasto.jpg").read_bytes()
    assert hashlib.sha256(downloaded).digest() == hashlib.sha256(original).digest()
    assert library.hero_photo.width == 800
    assert library.hero_photo.alt_text == library.title
    assert lichen.hero_photo is None


def test_running_the_same_feed_again_adds_nothing(legacy_site):
    _base, root = legacy_site
    _import(str(root / "legacy-news.rss"))
    articles, photos = Article.objects.count(), Photo.objects.count()

    output = _import(str(root / "legacy-news.rss"))

    assert "Imported 0 new articles, 0 photos, 3 already imported" in output
    assert (Article.objects.count(), Photo.objects.count()) == (articles, photos)


def test_an_entry_imported_under_its_guid_is_recognised(legacy_site):
    base, root = legacy_site
    make_article(language="fi", slug="vanha", source_url=f"{base}/?p=4711")
    make_article(
        language="fi", slug="vanha-2", source_url=f"{base}/uutiset/2025/10/uusi-jakalalaji/"
    )

    output = _import(str(root / "legacy-news.rss"), "--dry-run")

    # The first story by its guid, the second by its link.
    assert "would import 0 new articles" in output
    assert "3 already imported" in output


def test_atom_from_the_old_site_published_with_media_photo_and_credit(legacy_site):
    base, _root = legacy_site
    make_category(name_en="Studies", slug="studies")

    output = _import(f"{base}/legacy-news.atom", "--publish")

    assert "Imported 2 new articles, 1 photos" in output
    welcome = Article.objects.get(source_url=f"{base}/en/news/rectors-welcome/")
    assert welcome.title == "Rector’s welcome to new students"
    assert welcome.language == "en"
    assert welcome.status == Status.PUBLISHED
    assert welcome.published_at == datetime(2025, 9, 1, 5, 0, tzinfo=UTC)
    assert welcome.lead == "The academic year opens with a ceremony in the Great Hall."
    assert "<blockquote>" in welcome.body and "<iframe" not in welcome.body
    assert sorted(welcome.categories.values_list("slug", flat=True)) == ["studies", "university"]
    assert welcome.hero_photo.credit == "Veikko Kuvaaja"
    assert welcome.hero_photo.alt_text == welcome.title
    assert welcome.hero_photo.image.name.endswith(".png")
    # Entries without a publish date use their update time.
    mondays = Article.objects.get(slug="campus-cafes-switch-to-plant-based-mondays")
    assert mondays.published_at == datetime(2025, 10, 6, 12, 0, tzinfo=UTC)
    assert mondays.lead == "From October, every Monday menu is plant-based."

    page = Client().get(welcome.get_absolute_url())
    assert page.status_code == 200
    assert (
        "Photo: Veikko Kuvaaja" in page.content.decode()
        or "Veikko Kuvaaja" in page.content.decode()
    )


def test_dry_run_changes_nothing_and_downloads_nothing(legacy_site, settings):
    _base, root = legacy_site

    output = _import(str(root / "legacy-news.rss"), "--dry-run")

    assert "Dry run, nothing written: would import 2 new articles" in output
    assert not Article.objects.exists()
    assert not Category.objects.exists()
    assert not Photo.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]


def test_something_that_is_not_a_feed_is_refused(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<!doctype html><title>Old site</title><p>Hello</p>")

    with pytest.raises(CommandError, match=r"is not an RSS 2\.0 or Atom feed"):
        call_command("import_feed", str(page), verbosity=0)
    assert not Article.objects.exists()


def test_a_missing_file_and_an_unreachable_site_are_refused_with_a_sentence(tmp_path):
    with pytest.raises(CommandError, match="cannot be read: No such file or directory"):
        call_command("import_feed", str(tmp_path / "nowhere.rss"), verbosity=0)
    # Port 9 (discard) is closed here: the connection is refused at once.
    with pytest.raises(CommandError, match=r"The feed at http://127\.0\.0\.1:9/feed/ cannot be"):
        call_command("import_feed", "http://127.0.0.1:9/feed/", verbosity=0)


def test_a_missing_feed_on_the_old_site_is_refused(legacy_site):
    base, _root = legacy_site

    with pytest.raises(CommandError, match="cannot be fetched: the server answered 404"):
        call_command("import_feed", f"{base}/no-such-feed.xml", verbosity=0)
