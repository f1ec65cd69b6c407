"""An article with an end time: an Editor sets it in the form, the story is public
until that moment and gone from then on (its address answers 410, "gone"), the admin
lists it as Ended, and a preview still shows it to staff. That every public surface
follows the end time is tests/test_public_rule.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article, Status
from publishing.previews import shared_preview_url
from tests.factories import make_article, make_category, make_photo
from tests.test_workflow import _form_data

pytestmark = pytest.mark.django_db


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M:%S")


@pytest.fixture
def story():
    return make_article(
        title="Summer exhibition in the main library",
        slug="summer-exhibition",
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
        hero_photo=make_photo(),
        categories=[make_category()],
    )


def test_an_editor_sets_the_end_time_in_the_site_time_zone(editor_client, story):
    ends = (timezone.now() + timedelta(days=30)).replace(microsecond=0)

    response = editor_client.post(
        f"/admin/articles/article/{story.pk}/change/", _form_data(story, ends_at=_local(ends))
    )

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.ends_at == ends


def test_the_end_time_must_come_after_the_publish_time(editor_client, story):
    response = editor_client.post(
        f"/admin/articles/article/{story.pk}/change/",
        _form_data(story, ends_at=_local(story.published_at - timedelta(hours=1))),
    )

    assert response.status_code == 200
    assert "The end time must be after the publish time." in response.text
    story.refresh_from_db()
    assert story.ends_at is None


def test_a_writer_may_not_set_an_end_time(writer_client):
    draft = make_article(status=Status.DRAFT)

    page = writer_client.get(f"/admin/articles/article/{draft.pk}/change/").text
    writer_client.post(
        f"/admin/articles/article/{draft.pk}/change/",
        _form_data(draft, ends_at=_local(timezone.now() + timedelta(days=1))),
    )

    assert 'name="ends_at"' not in page
    draft.refresh_from_db()
    assert draft.ends_at is None


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "This story is no longer available"),
        ("fi", "Tämä juttu ei ole enää saatavilla"),
        ("sv", "Den här artikeln finns inte längre"),
    ],
)
def test_after_its_end_time_the_address_says_gone_in_its_language(client, language, heading):
    article = make_article(
        language=language,
        slug="summer-exhibition",
        published_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(minutes=1),
    )

    response = client.get(f"/{language}/news/summer-exhibition/")

    assert response.status_code == 410
    assert heading in response.text
    assert f'lang="{language}"' in response.text
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_an_address_that_never_was_is_still_not_found(client):
    assert client.get("/en/news/never-was/").status_code == 404


def test_the_story_is_back_when_the_editor_clears_the_end_time(client, story, time_machine):
    Article.objects.filter(pk=story.pk).update(ends_at=timezone.now() + timedelta(hours=1))
    assert client.get("/en/news/summer-exhibition/").status_code == 200

    time_machine.move_to(timezone.now() + timedelta(hours=1, seconds=1))
    assert client.get("/en/news/summer-exhibition/").status_code == 410

    story.refresh_from_db()
    story.ends_at = None
    story.save()
    assert client.get("/en/news/summer-exhibition/").status_code == 200


def test_the_admin_lists_an_ended_story_as_ended(editor_client, story):
    Article.objects.filter(pk=story.pk).update(ends_at=timezone.now() - timedelta(minutes=1))

    listed = editor_client.get("/admin/articles/article/?state=ended").text
    published = editor_client.get("/admin/articles/article/?state=published").text

    assert "newsroom-state--ended" in listed and story.title in listed
    assert story.title not in published


def test_a_preview_still_shows_an_ended_story(editor_client, story):
    Article.objects.filter(pk=story.pk).update(ends_at=timezone.now() - timedelta(minutes=1))

    staff = editor_client.get(f"/en/news/preview/{story.pk}/")
    shared = Client().get(shared_preview_url(story))  # a reviewer without an account

    assert staff.status_code == 200 and story.title in staff.text
    assert shared.status_code == 200 and story.title in shared.text
