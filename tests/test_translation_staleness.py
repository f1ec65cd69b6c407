"""Translations that stay in step: a significant update of the original (the editor's
choice; a typo fix is not one) moves its public "Updated" time and marks its
translations "source changed" in the article list (filterable) and on their form, with
what changed in the original's title, lead and body; saving the translation clears it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_article, make_category, make_photo, make_revision, make_user
from tests.test_workflow import _form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(time_machine):
    time_machine.move_to(timezone.now() - timedelta(days=2), tick=False)
    editor = make_user("ella", role="Editor")
    original = make_article(
        title="Climate data hub opens",
        lead="The hub opens on Monday.",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        hero_photo=make_photo(),
        categories=[make_category()],
    )
    make_revision(original, editor)
    finnish = make_article(
        title="Ilmastodatakeskus avautuu",
        language="fi",
        slug="ilmastodatakeskus",
        translation_of=original,
        status=Status.DRAFT,
    )
    time_machine.move_to(timezone.now() + timedelta(days=1), tick=False)
    return original, finnish


def _save_original(client, original: Article, **changes):
    response = client.post(
        f"/admin/articles/article/{original.pk}/change/", _form_data(original, **changes)
    )
    assert response.status_code == 302
    original.refresh_from_db()


def test_a_significant_update_marks_the_translation_with_what_changed(editor_client, story):
    original, finnish = story

    _save_original(
        editor_client,
        original,
        lead="The hub opens on Tuesday after a delay.",
        significant_update="on",
    )

    assert original.updated_at == timezone.now()
    editor_client.get("/admin/")  # shows (and so clears) the "was changed" message
    listed = editor_client.get("/admin/articles/article/?translation=source_changed").text
    assert "Ilmastodatakeskus avautuu" in listed and "Source changed" in listed
    assert "Climate data hub opens" not in listed
    form = editor_client.get(f"/admin/articles/article/{finnish.pk}/change/").text
    assert "The original has changed since this translation was saved" in form
    start = form.index('class="newsroom-source-changed"')
    banner = form[start : form.index("</section>", start)]
    assert "newsroom-diff__field--lead" in banner
    assert "Monday" in banner and "Tuesday" in banner  # the lead's old and new words
    assert "newsroom-diff__field--title" not in banner  # unchanged


def test_saving_the_translation_clears_the_mark(editor_client, story, time_machine):
    original, finnish = story
    _save_original(editor_client, original, lead="Changed.", significant_update="on")
    time_machine.move_to(timezone.now() + timedelta(minutes=5), tick=False)

    response = editor_client.post(
        f"/admin/articles/article/{finnish.pk}/change/",
        _form_data(finnish, translation_of=original.pk),
    )

    assert response.status_code == 302
    assert not Article.objects.source_changed().exists()
    form = editor_client.get(f"/admin/articles/article/{finnish.pk}/change/").text
    assert "The original has changed" not in form
    current = editor_client.get("/admin/articles/article/?translation=current").text
    assert "Ilmastodatakeskus avautuu" in current


def test_a_typo_fix_moves_neither_the_updated_time_nor_the_translations(editor_client, story):
    original, _finnish = story

    _save_original(editor_client, original, lead="The hub opens on Monday!")

    assert original.updated_at is None
    assert not Article.objects.source_changed().exists()
    page = editor_client.get(original.get_absolute_url()).text
    assert "Updated" not in page


def test_the_page_shows_updated_after_a_significant_update(client, editor_client, story):
    original, _finnish = story

    _save_original(editor_client, original, lead="Changed.", significant_update="on")

    page = client.get(original.get_absolute_url()).text
    assert "Updated" in page


def test_the_list_costs_the_same_queries_however_many_translations(editor_client, story):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get("/admin/articles/article/").status_code == 200
        return len(captured)

    few = queries()
    original, _finnish = story
    for n in range(5):
        make_article(title=f"Extra {n}", language="sv", slug=f"extra-{n}", translation_of=None)
    make_article(title="Swedish", language="sv", slug="svenska", translation_of=original)
    assert queries() == few
