"""The accessibility statement per language and the feedback form: stored privately,
protected from spam without an outside service, listed for staff."""

import datetime

import pytest
from django.test import Client

from feedback.models import FeedbackMessage
from feedback.spam import start_token
from pagecache.models import ContentVersion
from siteidentity.models import AccessibilityStatement

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_wait(settings):
    settings.FEEDBACK_MIN_SECONDS = 0


def _message(**changes):
    return {
        "message": "The gallery's arrows cannot be reached with the keyboard.",
        "name": "Reader",
        "email": "reader@example.org",
        "page": "/en/news/",
        "website": "",
        "started": start_token(),
        **changes,
    }


def _statement(language: str, **fields) -> AccessibilityStatement:
    return AccessibilityStatement.objects.create(
        language=language,
        conformance="partial",
        known_issues="Some older photos lack text alternatives.\n\nPDF attachments are not tagged.",
        checked_on=datetime.date(2026, 11, 30),
        feedback_email="access@example.edu",
        **fields,
    )


@pytest.mark.parametrize(
    ("language", "heading", "status"),
    [
        ("en", "Accessibility statement", "partially conforms"),
        ("fi", "Saavutettavuusseloste", "täyttää osittain"),
        ("sv", "Tillgänglighetsutlåtande", "uppfyller delvis"),
    ],
)
def test_the_statement_reads_in_each_language(client, language, heading, status):
    _statement(language)
    page = client.get(f"/{language}/accessibility/")
    assert page.status_code == 200
    assert f'<h1 class="page-text__title">{heading}</h1>' in page.text
    assert status in page.text
    assert "PDF attachments are not tagged." in page.text
    assert "access@example.edu" in page.text


def test_before_a_statement_is_written_the_page_says_so_and_offers_feedback(client):
    page = client.get("/en/accessibility/").text
    assert "is preparing the accessibility statement" in page
    assert 'href="/en/feedback/"' in page


def test_every_page_links_to_the_statement_and_feedback_in_its_language(client):
    for path in ["/sv/news/", "/sv/news/search/", "/sv/accessibility/", "/sv/feedback/"]:
        page = client.get(path).text
        assert 'href="/sv/accessibility/"' in page, path
        assert 'href="/sv/feedback/"' in page, path


def test_a_message_is_stored_with_its_language_and_changes_no_public_page(client, no_wait):
    client.get("/fi/news/")
    version = ContentVersion.objects.values_list("version", flat=True).first()
    response = client.post("/fi/feedback/", _message())
    assert response.status_code == 302
    assert response["Location"] == "/fi/feedback/?sent=1"
    message = FeedbackMessage.objects.get()
    assert (message.language, message.email) == ("fi", "reader@example.org")
    assert ContentVersion.objects.values_list("version", flat=True).first() == version
    assert client.get("/fi/news/")["X-Cache"] == "hit"
    thanks = client.get("/fi/feedback/?sent=1")
    assert "Kiitos" in thanks.text


def test_the_form_is_never_cached(client):
    response = client.get("/en/feedback/")
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert client.get("/en/feedback/")["X-Cache"] != "hit" if "X-Cache" in response else True


def test_a_filled_trap_is_thanked_and_not_stored(client, no_wait):
    response = client.post("/en/feedback/", _message(website="http://spam.example"))
    assert response.status_code == 302
    assert not FeedbackMessage.objects.exists()


def test_a_form_sent_within_seconds_of_being_shown_is_refused(client, settings):
    settings.FEEDBACK_MIN_SECONDS = 60
    response = client.post("/en/feedback/", _message())
    assert response.status_code == 400
    assert "sent too quickly" in response.text
    assert not FeedbackMessage.objects.exists()


def test_a_forged_start_time_is_refused(client, no_wait):
    response = client.post("/en/feedback/", _message(started="1700000000:forged"))
    assert response.status_code == 400
    assert not FeedbackMessage.objects.exists()


def test_an_address_may_send_five_messages_an_hour(no_wait):
    sender = Client(REMOTE_ADDR="10.9.8.7")
    for _ in range(5):
        assert sender.post("/en/feedback/", _message()).status_code == 302
    refused = sender.post("/en/feedback/", _message())
    assert refused.status_code == 429
    assert "Too many messages" in refused.text
    assert FeedbackMessage.objects.count() == 5
    assert Client(REMOTE_ADDR="10.9.8.6").post("/en/feedback/", _message()).status_code == 302


def test_an_empty_message_is_refused_with_a_sentence(client, no_wait):
    response = client.post("/en/feedback/", _message(message=""))
    assert response.status_code == 400
    assert "This field is required." in response.text


def test_editors_read_feedback_in_the_admin_and_cannot_write_it(editor_client, no_wait):
    Client().post("/en/feedback/", _message())
    listing = editor_client.get("/admin/feedback/feedbackmessage/")
    assert listing.status_code == 200
    assert "The gallery&#x27;s arrows cannot be reached" in listing.text
    assert editor_client.get("/admin/feedback/feedbackmessage/add/").status_code == 403


def test_writers_do_not_see_feedback(writer_client):
    assert writer_client.get("/admin/feedback/feedbackmessage/").status_code == 403


def test_an_editor_writes_the_statement_in_the_admin(editor_client):
    response = editor_client.post(
        "/admin/siteidentity/accessibilitystatement/add/",
        {
            "language": "sv",
            "conformance": "full",
            "checked_on": "2026-12-01",
            "checked_how": "",
            "known_issues": "",
            "feedback_email": "access@example.edu",
            "feedback_phone": "",
        },
    )
    assert response.status_code == 302
    editor_client.logout()
    assert "uppfyller" in Client().get("/sv/accessibility/").text


def test_an_editor_marks_messages_handled_without_touching_public_pages(editor_client, no_wait):
    Client().post("/en/feedback/", _message())
    message = FeedbackMessage.objects.get()
    version = ContentVersion.objects.values_list("version", flat=True).first()
    response = editor_client.post(
        "/admin/feedback/feedbackmessage/",
        {"action": "mark_handled", "_selected_action": [message.pk]},
        follow=True,
    )
    assert "1 message marked as handled." in response.text
    message.refresh_from_db()
    assert message.handled
    assert ContentVersion.objects.values_list("version", flat=True).first() == version
