"""`export_news` and `import_news`: the round trip, idempotency and damaged exports."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation
from taggit.models import Tag

from articles.demo import seed_demo
from articles.models import (
    Article,
    ArticleAuthor,
    Category,
    Correction,
    GalleryPhoto,
    Person,
    RelatedLink,
    Status,
)
from photos.models import Photo

from .factories import make_article, make_category, make_photo

# The demo's pictures are drawn and rendered once a session (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_photos_once")]


def _public_urls() -> list[str]:
    """Every public page: indexes, category, tag and author pages, every public article."""
    urls = []
    public = Article.objects.published()
    for language in ("en", "fi", "sv"):
        with translation.override(language):
            urls.append(f"/{language}/news/")
            urls.append(f"/{language}/news/?page=2")
            urls += [f"/{language}/news/category/{c.slug}/" for c in Category.objects.all()]
            tags = Tag.objects.filter(
                articles_taggedarticle_items__content_object__in=public
            ).distinct()
            urls += [f"/{language}/news/tag/{t.slug}/" for t in tags]
            urls += [f"/{language}/news/author/{p.slug}/" for p in Person.objects.visible()]
    urls += [a.get_absolute_url() for a in public]
    return sorted(urls)


def _render(urls: list[str]) -> dict[str, str]:
    pages = {}
    # A page that fails must fail the same way after the round trip, so failures are
    # compared rather than raised.
    client = Client(raise_request_exception=False)
    # Renditions are made anew on import, in a folder named by the new photo id and a
    # random part: name each folder by its photo's original file instead (whose own
    # folder is random too; the file name stays).
    folders = {
        photo.renditions["dir"]: PurePosixPath(photo.image.name).name
        for photo in Photo.objects.all()
        if photo.renditions.get("dir")
    }
    for url in urls:
        response = client.get(url)
        html = response.content.decode()
        # A form's CSRF token differs per request; nothing else may.
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", html)
        for folder, original in folders.items():
            html = html.replace(folder, f"renditions-of/{original}/")
        pages[url] = f"{response.status_code}\n{html}"
    return pages


def _photo_bytes() -> dict[str, str]:
    result = {}
    for photo in Photo.objects.all():
        with photo.image.open("rb") as handle:
            result[PurePosixPath(photo.image.name).name] = hashlib.sha256(handle.read()).hexdigest()
    return result


def _empty_the_site(media_root: Path) -> None:
    shutil.rmtree(settings.PHOTO_ORIGINALS_ROOT, ignore_errors=True)
    Article.objects.all().delete()
    Person.objects.all().delete()
    Photo.objects.all().delete()
    Category.objects.all().delete()
    Tag.objects.all().delete()
    shutil.rmtree(media_root, ignore_errors=True)


def _media_files(media_root: Path) -> list[Path]:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


@pytest.mark.parametrize("suffix", [".zip", ""])
def test_round_trip_into_an_empty_site_gives_the_same_pages_and_photo_bytes(
    tmp_path, settings, suffix
):
    seed_demo(synthetic=14)
    corrected = Article.objects.published().first()
    Correction.objects.create(article=corrected, text="The hall is B, not A.")
    draft = Article.objects.filter(status=Status.DRAFT).count()
    urls = _public_urls()
    before, photos_before = _render(urls), _photo_bytes()
    assert len(urls) > 30 and draft > 0
    export = tmp_path / f"export{suffix}"

    call_command("export_news", str(export), verbosity=0)
    _empty_the_site(Path(settings.MEDIA_ROOT))
    assert _render(urls) != before  # the site really is empty now
    call_command("import_news", str(export), verbosity=0)

    assert _public_urls() == urls
    after = _render(urls)
    assert [u for u in urls if after[u] != before[u]] == []
    assert _photo_bytes() == photos_before
    assert Article.objects.filter(status=Status.DRAFT).count() == draft
    assert Article.objects.exclude(translation_of=None).count() > 0
    assert GalleryPhoto.objects.exists() and RelatedLink.objects.exists()
    assert ArticleAuthor.objects.exists() and Person.objects.exclude(bio_fi="").exists()
    assert Correction.objects.get().text == "The hall is B, not A."


def test_a_second_import_changes_nothing(tmp_path, capsys):
    seed_demo()
    export = tmp_path / "export.zip"
    call_command("export_news", str(export), verbosity=0)
    stamps = dict(Article.objects.values_list("pk", "modified_at"))
    photos = Photo.objects.count()

    call_command("import_news", str(export))

    assert "already in place; nothing changed" in capsys.readouterr().out
    assert dict(Article.objects.values_list("pk", "modified_at")) == stamps
    assert Photo.objects.count() == photos


def test_import_updates_what_differs_and_restores_links(tmp_path, capsys):
    original = make_article(title="Original title", categories=[make_category(slug="research")])
    translation_fi = make_article(language="fi", translation_of=original, title="Alkuperäinen")
    export = tmp_path / "export"
    call_command("export_news", str(export), verbosity=0)
    Article.objects.filter(pk=original.pk).update(title="Edited by mistake")
    original.categories.clear()
    Article.objects.filter(pk=translation_fi.pk).update(translation_of=None)

    call_command("import_news", str(export))

    assert "updated 2 articles" in capsys.readouterr().out
    original.refresh_from_db()
    translation_fi.refresh_from_db()
    assert original.title == "Original title"
    assert list(original.categories.values_list("slug", flat=True)) == ["research"]
    assert translation_fi.translation_of == original


def test_dry_run_reports_but_writes_nothing(tmp_path, settings, capsys):
    make_article(hero_photo=make_photo(), categories=[make_category()])
    export = tmp_path / "export.zip"
    call_command("export_news", str(export), verbosity=0)
    _empty_the_site(Path(settings.MEDIA_ROOT))

    call_command("import_news", str(export), "--dry-run")

    assert "would have created 1 articles, 1 categories, 1 photos" in capsys.readouterr().out
    assert not Article.objects.exists() and not Photo.objects.exists()
    assert _media_files(Path(settings.MEDIA_ROOT)) == []


def test_export_refuses_to_overwrite(tmp_path):
    existing = tmp_path / "export.zip"
    existing.write_bytes(b"keep me")

    with pytest.raises(CommandError, match="already exists; export into a new path"):
        call_command("export_news", str(existing), verbosity=0)
    assert existing.read_bytes() == b"keep me"


def test_an_export_that_fails_halfway_leaves_nothing_behind(tmp_path):
    make_article(hero_photo=make_photo())
    lost = make_photo(size=(600, 400))  # other bytes: the export must read its file
    lost.image.storage.delete(lost.image.name)  # the file is gone from the disk
    out = tmp_path / "out"
    out.mkdir()

    with pytest.raises(CommandError, match=rf"The file of photo {lost.pk} .* cannot be read"):
        call_command("export_news", str(out / "export.zip"), verbosity=0)
    assert list(out.iterdir()) == []  # neither the export nor its .partial


# --------------------------------------------------------------- damaged exports


@pytest.fixture
def exported(tmp_path, settings) -> Path:
    """A folder export of one illustrated article, the site emptied afterwards."""
    make_article(
        hero_photo=make_photo(), categories=[make_category(slug="studies")], tags=["campus"]
    )
    folder = tmp_path / "export"
    call_command("export_news", str(folder), verbosity=0)
    _empty_the_site(Path(settings.MEDIA_ROOT))
    return folder


def _rewrite_consistently(folder: Path, name: str, data: object) -> None:
    """Change a data file and its checksum: damage the checksum cannot see."""
    raw = json.dumps(data).encode()
    (folder / name).write_bytes(raw)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"][name] = hashlib.sha256(raw).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))


def _assert_nothing_imported(settings) -> None:
    assert not Article.objects.exists()
    assert not Photo.objects.exists()
    assert not Category.objects.exists()
    assert not Tag.objects.exists()
    assert not Person.objects.exists()
    assert _media_files(Path(settings.MEDIA_ROOT)) == []


def test_a_changed_data_file_is_refused_by_its_checksum(exported, settings):
    articles = exported / "articles.json"
    articles.write_bytes(articles.read_bytes()[:-40])  # cut short, as by a full disk

    with pytest.raises(CommandError, match=r"damaged: articles\.json does not match its checksum"):
        call_command("import_news", str(exported), verbosity=0)
    _assert_nothing_imported(settings)


def test_a_missing_photo_file_is_refused(exported, settings):
    for photo in (exported / "photos").iterdir():
        photo.unlink()

    with pytest.raises(CommandError, match=r"incomplete: photos/[0-9a-f]{64}\.jpg is missing"):
        call_command("import_news", str(exported), verbosity=0)
    _assert_nothing_imported(settings)


def test_a_truncated_zip_is_refused(tmp_path, settings):
    make_article(hero_photo=make_photo())
    export = tmp_path / "export.zip"
    call_command("export_news", str(export), verbosity=0)
    _empty_the_site(Path(settings.MEDIA_ROOT))
    export.write_bytes(export.read_bytes()[: export.stat().st_size // 2])

    with pytest.raises(CommandError, match=r"neither an export folder nor a \.zip file"):
        call_command("import_news", str(export), verbosity=0)
    _assert_nothing_imported(settings)


def test_a_newer_format_version_is_refused(exported, settings):
    manifest = json.loads((exported / "manifest.json").read_text())
    manifest["version"] = 4
    (exported / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(
        CommandError, match="format version 4; this Newsroom reads versions 1, 2 and 3"
    ):
        call_command("import_news", str(exported), verbosity=0)
    _assert_nothing_imported(settings)


def test_an_export_of_format_version_1_without_corrections_still_imports(exported):
    articles = json.loads((exported / "articles.json").read_text())
    for row in articles:
        del row["corrections"], row["authors"], row["contacts"]
    _rewrite_consistently(exported, "articles.json", articles)
    (exported / "people.json").unlink()
    manifest = json.loads((exported / "manifest.json").read_text())
    manifest["version"] = 1
    del manifest["files"]["people.json"]
    (exported / "manifest.json").write_text(json.dumps(manifest))

    call_command("import_news", str(exported), verbosity=0)

    assert Article.objects.count() == 1
    assert not Correction.objects.exists()


def test_a_link_to_an_article_outside_the_export_is_refused(exported, settings):
    articles = json.loads((exported / "articles.json").read_text())
    articles[0]["translation_of"] = ["fi", "not-exported"]
    _rewrite_consistently(exported, "articles.json", articles)

    with pytest.raises(CommandError, match="links to fi/not-exported, which is not in the export"):
        call_command("import_news", str(exported), verbosity=0)
    _assert_nothing_imported(settings)


def test_a_failure_after_photos_are_stored_leaves_no_files_and_no_rows(exported, settings):
    """The photo is written to storage before the bad article date is met: it must go."""
    articles = json.loads((exported / "articles.json").read_text())
    articles[0]["published_at"] = "the day after tomorrow"
    _rewrite_consistently(exported, "articles.json", articles)

    with pytest.raises(CommandError, match=r"Nothing was imported\. The export does not fit"):
        call_command("import_news", str(exported), verbosity=0)
    _assert_nothing_imported(settings)


def test_something_that_is_not_an_export_is_refused(tmp_path):
    stray = tmp_path / "stray.zip"
    with zipfile.ZipFile(stray, "w") as archive:
        archive.writestr("readme.txt", "hello")

    with pytest.raises(CommandError, match=r"incomplete: manifest\.json is missing"):
        call_command("import_news", str(stray), verbosity=0)
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_news", str(tmp_path / "nowhere"), verbosity=0)
