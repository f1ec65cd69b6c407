"""Articles written outside the admin (the demo content, import_news, import_feed) have
a history from the start: its first entry says where the text came from, and an editor
can go back to that text after changing it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from reversion.models import Version

from articles.demo import seed_demo
from articles.models import Article, GalleryPhoto, Status

from .admin_forms import save_change_form
from .factories import make_article, make_category, make_photo

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _history(client, article: Article) -> str:
    return client.get(f"/admin/articles/article/{article.pk}/history/").text


def _restore_first_revision(client, article: Article) -> None:
    """Open the oldest entry of the article's history and press Save, as an editor does."""
    first = Version.objects.get_for_object(article).last()
    response = save_change_form(client, f"/admin/articles/article/{article.pk}/history/{first.pk}/")
    assert response.status_code == 302, response.context["adminform"].form.errors


@pytest.mark.usefixtures("demo_photos_once")
def test_a_demo_articles_history_starts_with_its_demo_text_which_an_editor_can_restore(
    editor_client,
):
    seed_demo()
    article = Article.objects.filter(gallery__isnull=False, contacts__isnull=False).first()
    original_body, gallery = article.body, list(article.gallery.values_list("photo", "caption"))
    assert "Demo content" in _history(editor_client, article)

    save_change_form(
        editor_client,
        f"/admin/articles/article/{article.pk}/change/",
        body="<p>An editor's rewrite.</p>",
        **{"gallery-0-DELETE": "on"},
    )
    article.refresh_from_db()
    assert article.body == "<p>An editor's rewrite.</p>"

    _restore_first_revision(editor_client, article)
    article.refresh_from_db()
    assert article.body == original_body
    assert list(article.gallery.values_list("photo", "caption")) == gallery


def test_every_demo_article_has_exactly_one_first_revision_and_a_second_run_adds_none(
    demo_photos_once,
):
    seed_demo()
    seed_demo()
    for article in Article.objects.all():
        versions = Version.objects.get_for_object(article)
        assert [v.revision.comment for v in versions] == ["Demo content"], article.slug


def test_an_imported_articles_history_says_which_export_it_came_from(editor_client, tmp_path):
    article = make_article(
        title="Library opens", body="<p>The exported text.</p>", status=Status.DRAFT
    )
    GalleryPhoto.objects.create(article=article, photo=make_photo(), caption="Reading room")
    article.categories.set([make_category()])
    export = tmp_path / "newsroom-2025.zip"
    call_command("export_news", str(export), verbosity=0)
    Article.objects.all().delete()

    call_command("import_news", str(export), verbosity=0)
    imported = Article.objects.get(slug=article.slug)
    assert "Imported from newsroom-2025.zip" in _history(editor_client, imported)

    save_change_form(
        editor_client,
        f"/admin/articles/article/{imported.pk}/change/",
        body="<p>Rewritten.</p>",
        **{"gallery-0-DELETE": "on"},
    )
    _restore_first_revision(editor_client, imported)
    imported.refresh_from_db()
    assert imported.body == "<p>The exported text.</p>"
    assert list(imported.gallery.values_list("caption", flat=True)) == ["Reading room"]


def test_an_import_that_changes_an_article_adds_a_revision_and_one_that_does_not_adds_none(
    tmp_path,
):
    article = make_article(title="Original title")
    export = tmp_path / "export"
    call_command("export_news", str(export), verbosity=0)
    Article.objects.filter(pk=article.pk).update(title="Edited by mistake")

    call_command("import_news", str(export), verbosity=0)
    call_command("import_news", str(export), verbosity=0)

    versions = Version.objects.get_for_object(article)
    assert [v.revision.comment for v in versions] == ["Imported from export"]
    assert versions.get().field_dict["title"] == "Original title"


def test_an_article_from_a_legacy_feed_starts_its_history_with_the_feeds_text(
    editor_client, tmp_path
):
    feed = tmp_path / "old-site.rss"
    # No enclosures: the old site is not running in this test.
    text = (FIXTURES / "legacy-news.rss").read_text()
    feed.write_text(text.replace("<enclosure", "<ignored-enclosure"))
    call_command("import_feed", str(feed), verbosity=0)

    article = Article.objects.order_by("pk").first()
    original_body = article.body
    assert "Imported from old-site.rss" in _history(editor_client, article)
    save_change_form(
        editor_client, f"/admin/articles/article/{article.pk}/change/", body="<p>Rewritten.</p>"
    )
    _restore_first_revision(editor_client, article)
    article.refresh_from_db()
    assert article.body == original_body


def test_a_failed_import_leaves_no_revisions_behind(tmp_path):
    make_article()
    export = tmp_path / "export"
    call_command("export_news", str(export), verbosity=0)
    Article.objects.all().delete()

    call_command("import_news", str(export), "--dry-run", verbosity=0)

    assert not Article.objects.exists()
    assert not Version.objects.exists()


# What the history says of the first edit: a body that was not touched is not "changed",
# although the browser sends its line breaks as CRLF.


def _latest_change_message(article: Article) -> str:
    return LogEntry.objects.filter(object_id=str(article.pk)).latest("pk").get_change_message()


@pytest.mark.usefixtures("demo_photos_once")
def test_a_demo_article_saved_with_only_its_lead_changed_names_only_the_lead(editor_client):
    seed_demo()
    article = Article.objects.filter(body__contains="\n", status=Status.PUBLISHED).first()
    body = article.body

    response = save_change_form(
        editor_client, f"/admin/articles/article/{article.pk}/change/", lead="A sharper lead."
    )

    assert response.status_code == 302
    assert _latest_change_message(article) == "Changed Lead."
    assert "Changed Lead." in _history(editor_client, article)
    article.refresh_from_db()
    assert (article.lead, article.body) == ("A sharper lead.", body)


def test_an_imported_article_saved_with_only_its_lead_changed_names_only_the_lead(
    editor_client, tmp_path
):
    feed = tmp_path / "old-site.rss"
    text = (FIXTURES / "legacy-news.rss").read_text()
    feed.write_text(text.replace("<enclosure", "<ignored-enclosure"))
    call_command("import_feed", str(feed), verbosity=0)
    article = Article.objects.filter(body__contains="\n").first()

    save_change_form(
        editor_client, f"/admin/articles/article/{article.pk}/change/", lead="A sharper lead."
    )

    assert _latest_change_message(article) == "Changed Lead."


def test_a_body_that_really_changed_is_still_named(editor_client):
    article = make_article(body="<p>First.</p>\n<p>Second.</p>", status=Status.DRAFT)

    save_change_form(
        editor_client,
        f"/admin/articles/article/{article.pk}/change/",
        body="<p>First.</p>\r\n<p>Second, corrected.</p>",
    )

    assert _latest_change_message(article) == "Changed Body."
