"""Corrections, clarifications and updates: an Editor adds a dated note in the article
form; the page shows it in its language with the "Updated" time it moved, the JSON-LD
carries dateModified and a CorrectionComment, the Atom entry's `updated` changes and
its summary says so, and the API lists it. Writers may read notes but not add them."""

from __future__ import annotations

from datetime import timedelta

import extruct
import feedparser
import pytest
from django.utils import timezone

from articles.models import Article, Correction, CorrectionKind, Status
from tests.factories import make_article, make_category, make_photo
from tests.test_workflow import _form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return make_article(
        title="Helsinki and the university sign a partnership",
        slug="partnership",
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
        hero_photo=make_photo(),
        categories=[make_category()],
    )


def _add_note(client, article: Article, kind: str, text: str):
    data = _form_data(article) | {
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-kind": kind,
        "corrections-0-text": text,
        "corrections-0-noted_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M:%S"),
    }
    return client.post(f"/admin/articles/article/{article.pk}/change/", data)


def test_an_editor_adds_a_correction_and_the_page_shows_it_with_the_updated_time(
    client, editor_client, story
):
    response = _add_note(editor_client, story, "correction", "The agreement runs to 2030.")

    assert response.status_code == 302
    note = Correction.objects.get()
    story.refresh_from_db()
    assert story.updated_at == note.noted_at
    page = client.get("/en/news/partnership/").text
    assert "Corrections and updates" in page
    assert "The agreement runs to 2030." in page
    assert "Updated:" in page


def test_a_finnish_story_names_its_corrections_in_finnish(client):
    article = make_article(language="fi", slug="kumppanuus")
    Correction.objects.create(article=article, kind=CorrectionKind.CLARIFICATION, text="Tarkennus.")

    page = client.get("/fi/news/kumppanuus/").text

    assert "Tarkennus" in page and "Oikaisut ja päivitykset" in page


def test_structured_data_carries_the_correction_and_the_modified_date(client, story):
    note = Correction.objects.create(article=story, text="The hall is B, not A.")

    page = client.get("/en/news/partnership/").text

    found = extruct.extract(page, base_url="http://testserver/", syntaxes=["json-ld"])
    data = next(item for item in found["json-ld"] if item["@type"] == "NewsArticle")
    assert data["dateModified"] == timezone.localtime(note.noted_at).isoformat()
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Correction: The hall is B, not A.",
            "datePublished": timezone.localtime(note.noted_at).isoformat(),
        }
    ]


def test_the_atom_entry_is_updated_and_says_so(client, story):
    before = feedparser.parse(client.get("/en/news/atom/").content).entries[0]
    note = Correction.objects.create(
        article=story, kind=CorrectionKind.UPDATE, text="The signing was moved to Friday."
    )

    after = feedparser.parse(client.get("/en/news/atom/").content).entries[0]

    assert after.updated_parsed != before.updated_parsed
    assert after.updated_parsed[:6] == note.noted_at.utctimetuple()[:6]
    assert after.summary.startswith("Updated ")


def test_the_api_lists_the_corrections(client, story):
    Correction.objects.create(article=story, text="The hall is B, not A.")

    data = client.get(f"/api/v1/articles/{story.pk}/").json()

    assert data["corrections"][0]["kind"] == "correction"
    assert data["corrections"][0]["text"] == "The hall is B, not A."
    assert data["updated_at"] is not None


def test_a_writer_sees_corrections_but_cannot_add_one(writer_client):
    draft = make_article(status=Status.DRAFT, title="A draft")
    Correction.objects.create(article=draft, text="Already noted.")

    page = writer_client.get(f"/admin/articles/article/{draft.pk}/change/").text
    _add_note(writer_client, draft, "correction", "Forged.")

    assert "Already noted." in page
    assert list(Correction.objects.values_list("text", flat=True)) == ["Already noted."]


def test_a_correction_never_moves_the_updated_time_backwards(story):
    later = timezone.now()
    Article.objects.filter(pk=story.pk).update(updated_at=later)

    Correction.objects.create(article=story, text="Old note.", noted_at=later - timedelta(hours=2))

    story.refresh_from_db()
    assert story.updated_at == later
