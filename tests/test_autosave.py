"""Never lose typing: an editor's unsaved form is kept privately, offered back as
"Restore unsaved changes?", dropped on save or discard; and the form names the other
editors who have the story open."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, Status
from publishing.autosave import present_for
from publishing.models import Autosave
from tests.factories import make_article, make_user
from tests.test_workflow import _form_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"


def _change_url(article: Article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def _autosave(client, article: Article | None, **typed):
    url = (
        f"/admin/articles/article/{article.pk}/autosave/"
        if article
        else "/admin/articles/article/autosave/"
    )
    return client.post(url, _form_data(article, **typed))


def test_typing_is_kept_privately_and_the_form_says_when(writer_client):
    article = make_article(status=Status.DRAFT, title="Library opens")

    response = _autosave(writer_client, article, title="Library opens on Monday")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    answer = response.json()
    assert answer["saved"] == f"Saved privately at {timezone.localtime():%H:%M}"
    kept = Autosave.objects.get(article=article)
    assert kept.data["title"] == ["Library opens on Monday"]
    assert "csrfmiddlewaretoken" not in kept.data
    article.refresh_from_db()
    assert article.title == "Library opens"  # the story itself is untouched


def test_a_sign_of_life_keeps_nothing(writer_client):
    article = make_article(status=Status.DRAFT)

    response = writer_client.post(
        f"/admin/articles/article/{article.pk}/autosave/?changed=0", _form_data(article)
    )

    assert response.json()["saved_at"] is None
    assert not Autosave.objects.exists()


def test_returning_offers_the_unsaved_changes_and_restores_them(writer_client):
    article = make_article(status=Status.DRAFT, title="Library opens")
    _autosave(writer_client, article, title="Library opens on Monday", lead="Typed lead.")

    offered = writer_client.get(_change_url(article)).text
    assert "Restore unsaved changes?" in offered
    assert 'value="Library opens"' in offered

    restored = writer_client.get(_change_url(article) + "?restore=1").text
    assert 'value="Library opens on Monday"' in restored
    assert "Typed lead." in restored
    assert "Restore unsaved changes?" not in restored
    assert "Your unsaved changes are back in the form." in restored
    assert 'data-restored="1"' in restored


def test_saving_the_story_drops_its_autosave(writer_client):
    article = make_article(status=Status.DRAFT)
    _autosave(writer_client, article, title="Typed")

    response = writer_client.post(_change_url(article), _form_data(article, title="Typed"))

    assert response.status_code == 302
    assert not Autosave.objects.exists()
    assert "Restore unsaved changes?" not in writer_client.get(_change_url(article)).text


def test_discarding_drops_the_autosave_and_returns_to_the_saved_story(writer_client):
    article = make_article(status=Status.DRAFT)
    _autosave(writer_client, article, title="Typed")

    response = writer_client.post(f"/admin/articles/article/{article.pk}/autosave/discard/")

    assert response.status_code == 303
    assert response["Location"] == _change_url(article)
    assert not Autosave.objects.exists()


def test_a_new_story_typed_before_its_first_save_is_offered_back(writer_client):
    _autosave(writer_client, None, title="A story never saved", slug="never-saved")

    offered = writer_client.get(ADD_URL).text
    assert "Restore unsaved changes?" in offered
    restored = writer_client.get(ADD_URL + "?restore=1").text
    assert 'value="A story never saved"' in restored

    saved = writer_client.post(ADD_URL, _form_data(title="A story never saved"))
    assert saved.status_code == 302
    assert not Autosave.objects.exists()


def test_an_autosave_is_seen_only_by_the_editor_who_typed_it(client, writer_client):
    article = make_article(status=Status.DRAFT)
    _autosave(writer_client, article, title="Wanda's typing")

    client.force_login(make_user("eero", role="Editor"))
    page = client.get(_change_url(article)).text
    restored = client.get(_change_url(article) + "?restore=1").text

    assert "Restore unsaved changes?" not in page
    assert "Wanda&#x27;s typing" not in restored


def test_restoring_over_a_newer_save_is_announced(writer_client):
    article = make_article(status=Status.DRAFT)
    _autosave(writer_client, article, title="Typed")
    Article.objects.filter(pk=article.pk).update(version=article.version + 1)

    page = writer_client.get(_change_url(article)).text

    assert "Someone has saved the story since" in page


def test_the_form_names_the_others_who_have_the_story_open(client, writer_client):
    article = make_article(status=Status.DRAFT)
    writer_client.get(_change_url(article))  # Wanda opens the story

    client.force_login(make_user("eero", role="Editor"))
    page = client.get(_change_url(article)).text
    assert "wanda also has this story open." in page
    heartbeat = client.post(
        f"/admin/articles/article/{article.pk}/autosave/?changed=0", _form_data(article)
    )
    assert heartbeat.json()["presence"].startswith("wanda also has this story open.")

    with time_machine.travel(timezone.now() + present_for() + timedelta(seconds=1)):
        later = client.get(_change_url(article)).text
    assert "also has this story open" not in later


@pytest.mark.parametrize(
    ("url", "method", "status"),
    [
        ("/admin/articles/article/999999/autosave/", "post", 404),
        ("/admin/articles/article/x%00y/autosave/", "post", 404),
        ("/admin/articles/article/autosave/", "get", 405),
        ("/admin/articles/article/999999/autosave/discard/", "post", 404),
    ],
)
def test_hostile_autosave_addresses_get_clear_answers(writer_client, url, method, status):
    assert getattr(writer_client, method)(url).status_code == status


def test_a_writer_cannot_autosave_a_published_story(writer_client):
    article = make_article(status=Status.PUBLISHED)

    assert _autosave(writer_client, article, title="Forged").status_code == 403
    assert not Autosave.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    article = make_article(status=Status.DRAFT)

    response = _autosave(client, article, title="Forged")

    assert response.status_code == 302
    assert not Autosave.objects.exists()
