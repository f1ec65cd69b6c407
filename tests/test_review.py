"""Review with words: a writer submits a story with a note, an editor publishes,
schedules or sends it back with a comment, the notes are on the form, on the desk and
in the history, and nobody can press a button their role does not have."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Status
from pagecache.models import ContentVersion
from publishing.models import ReviewAction, ReviewNote
from tests.factories import make_article, make_user
from tests.test_workflow import _form_data, _ready_article

pytestmark = pytest.mark.django_db


def _change_url(article: Article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def _press(client, article: Article, action: str, note: str = "", **overrides):
    data = _form_data(article, review_action=action, review_note=note, **overrides)
    return client.post(_change_url(article), data)


def _last_comment(article: Article) -> str:
    return Version.objects.get_for_object(article).first().revision.get_comment()


def test_a_writer_is_offered_submit_for_review_and_not_publish(writer_client):
    article = make_article(status=Status.DRAFT)

    page = writer_client.get(_change_url(article)).text

    assert 'name="review_action" value="submitted"' in page
    assert 'value="published"' not in page
    assert 'name="review_note"' in page


def test_submitting_for_review_keeps_the_note_on_the_form_and_in_the_history(writer_client):
    article = make_article(status=Status.DRAFT)

    response = _press(writer_client, article, "submitted", "Check the quote from the mayor.")

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    note = ReviewNote.objects.get(article=article)
    assert (note.action, note.text, note.author.username) == (
        ReviewAction.SUBMITTED,
        "Check the quote from the mayor.",
        "wanda",
    )
    assert _last_comment(article).startswith(
        "Submitted for review: Check the quote from the mayor."
    )
    page = writer_client.get(_change_url(article)).text
    assert "Check the quote from the mayor." in page


def test_an_editor_sees_publish_schedule_and_send_back_on_a_story_in_review(editor_client):
    article = _ready_article(status=Status.REVIEW)

    page = editor_client.get(_change_url(article)).text

    for action in ("published", "scheduled", "sent_back"):
        assert f'name="review_action" value="{action}"' in page


def test_sending_back_needs_a_comment_and_writes_nothing_without_one(editor_client):
    article = _ready_article(status=Status.REVIEW, title="Library opens")

    response = _press(editor_client, article, "sent_back", "   ", title="Changed title")

    assert response.status_code == 200
    assert "Say what the writer should change before sending it back." in response.text
    article.refresh_from_db()
    assert (article.status, article.title) == (Status.REVIEW, "Library opens")
    assert not ReviewNote.objects.exists()


def test_what_was_sent_back_reaches_the_writer_on_the_form_and_the_desk(client, editor_client):
    writer = make_user("wanda", role="Writer")
    article = _ready_article(status=Status.REVIEW, author=writer, title="Library opens")

    response = _press(editor_client, article, "sent_back", "Add the photographer's name.")

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert _last_comment(article).startswith("Sent back: Add the photographer")
    client.force_login(writer)
    form = client.get(_change_url(article)).text
    assert "Sent back by eero" in form
    assert "Add the photographer&#x27;s name." in form
    desk = client.get("/admin/").text
    assert "Sent back:" in desk
    assert "Add the photographer&#x27;s name." in desk


def test_publish_now_publishes_at_once_with_an_optional_comment(editor_client):
    later = timezone.now() + timedelta(days=3)
    article = _ready_article(status=Status.REVIEW, published_at=later)

    response = _press(editor_client, article, "published")

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at <= timezone.now()
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert ReviewNote.objects.get(article=article).action == ReviewAction.PUBLISHED


def test_publish_now_still_needs_what_publishing_needs(editor_client):
    article = make_article(status=Status.REVIEW, hero_photo=None, lead="")

    response = _press(editor_client, article, "published", lead="")

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert not ReviewNote.objects.exists()


def test_schedule_needs_a_time_in_the_future(editor_client):
    article = _ready_article(status=Status.REVIEW)

    refused = _press(editor_client, article, "scheduled", published_at="")
    assert "Choose a publish time in the future to schedule the story." in refused.text

    tomorrow = timezone.localtime() + timedelta(days=1)
    accepted = _press(
        editor_client,
        article,
        "scheduled",
        "Embargo until the press conference.",
        published_at=tomorrow.strftime("%Y-%m-%dT%H:%M"),
    )
    assert accepted.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at > timezone.now()
    assert not Article.objects.published().filter(pk=article.pk).exists()


@pytest.mark.parametrize("action", ["published", "scheduled", "sent_back"])
def test_a_writer_cannot_press_an_editors_button(writer_client, action):
    article = _ready_article(status=Status.REVIEW)

    response = _press(writer_client, article, action, "Forged.")

    assert response.status_code == 200
    assert "is not possible for this story now" in response.text
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert not ReviewNote.objects.exists()


def test_an_unknown_action_is_a_form_error_not_a_crash(editor_client):
    article = _ready_article(status=Status.REVIEW)

    response = _press(editor_client, article, "<script>", "x")

    assert response.status_code == 200
    assert "Select a valid choice" in response.text


def test_a_note_without_a_button_is_a_comment_that_moves_nothing(editor_client):
    article = _ready_article(status=Status.REVIEW)

    response = editor_client.post(
        _change_url(article), _form_data(article, review_note="Looks good so far.")
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    note = ReviewNote.objects.get(article=article)
    assert (note.action, note.text) == (ReviewAction.COMMENTED, "Looks good so far.")
    assert "Looks good so far." in editor_client.get(_change_url(article)).text


def test_review_notes_are_private_and_do_not_expire_cached_pages():
    article = make_article(status=Status.PUBLISHED)
    before = ContentVersion.objects.get().version

    ReviewNote.objects.create(article=article, action=ReviewAction.COMMENTED, text="x")

    assert ContentVersion.objects.get().version == before


def test_a_published_story_offers_no_review_buttons(editor_client):
    article = _ready_article(status=Status.PUBLISHED)

    page = editor_client.get(_change_url(article)).text

    assert 'name="review_action"' not in page
