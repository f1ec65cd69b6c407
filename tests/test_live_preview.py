"""The live preview beside the article form: the public page built from what the form
holds now, unsaved, and nothing kept of it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from articles.models import Article, Status
from pagecache.models import ContentVersion
from tests.factories import make_article, make_category, make_person, make_photo, make_user
from tests.test_workflow import _form_data

pytestmark = pytest.mark.django_db

ADD = "/admin/articles/article/live-preview/"


def _change(article: Article) -> str:
    return f"/admin/articles/article/{article.pk}/live-preview/"


@pytest.fixture
def draft():
    return make_article(
        title="Robots join the library",
        status=Status.DRAFT,
        published_at=None,
        hero_photo=make_photo(alt_text="A robot between shelves"),
        categories=[make_category(name_en="Campus", slug="campus")],
        lead="The library's new helpers carry books.",
        body="<p>They started on Monday.</p>",
    )


def test_the_preview_shows_what_the_form_holds_now_with_the_public_template(writer_client, draft):
    research = make_category(name_en="Research", slug="research")
    data = _form_data(
        draft,
        title="Robots join the university library",
        body="<h2>What they do</h2><p>They carry <strong>books</strong>.</p>",
        categories=[research.pk],
    )

    response = writer_client.post(_change(draft), data)

    assert response.status_code == 200
    html = response.json()["page"]
    assert "<h1" in html and "Robots join the university library" in html
    assert "<h2>What they do</h2>" in html
    assert "Research" in html  # the category chosen in the form, not yet saved
    assert "A robot between shelves" in html  # the hero photo, with its alt text
    assert 'name="robots" content="noindex, nofollow"' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_nothing_of_a_preview_is_kept(writer_client, draft):
    version = ContentVersion.objects.get().version
    before = Article.objects.values().get(pk=draft.pk)
    data = _form_data(draft, title="Changed only in the preview", slug="changed-slug")

    writer_client.post(_change(draft), data)
    writer_client.post(ADD, _form_data(title="A new story never saved", slug="new-story"))

    assert Article.objects.values().get(pk=draft.pk) == before
    assert list(draft.categories.values_list("slug", flat=True)) == ["campus"]
    assert not Article.objects.filter(slug__in=["new-story", "changed-slug"]).exists()
    assert not Version.objects.exists()
    assert ContentVersion.objects.get().version == version
    # The public page still shows the saved article, not the preview.
    assert writer_client.get(draft.get_absolute_url()).status_code == 404  # a draft


def test_a_form_that_cannot_be_saved_yet_says_what_is_missing(writer_client):
    response = writer_client.post(ADD, _form_data(title="", slug=""))

    html = response.json()["page"]
    assert response.status_code == 200
    assert "The preview will show when the form can be saved" in html
    assert "Title" in html and "This field is required." in html


def test_who_may_preview(client, draft):
    published = make_article(title="Already out", status=Status.PUBLISHED)
    data = _form_data(draft)

    # Visitors are sent to log in; nothing is rendered for them.
    response = client.post(_change(draft), data)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    # Staff without a role may not change articles.
    client.force_login(make_user("nobody"))
    assert client.post(_change(draft), data).status_code == 403
    # A Writer may not change a published article, so has no live preview of one.
    client.force_login(make_user("wanda", role="Writer"))
    assert client.post(_change(published), _form_data(published)).status_code == 403
    # Only POST: the preview is of a form's data.
    assert client.get(_change(draft)).status_code == 405
    assert client.post("/admin/articles/article/999999/live-preview/", data).status_code == 404


def test_the_change_form_has_the_preview_pane_and_its_script(writer_client, draft):
    html = writer_client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()

    assert 'class="live-preview"' in html
    assert f'data-url="{_change(draft)}"' in html
    assert "js/live-preview.js" in html
    add = writer_client.get("/admin/articles/article/add/").content.decode()
    assert f'data-url="{ADD}"' in add


def test_the_preview_costs_the_same_queries_for_a_short_or_a_long_story(writer_client, draft):
    def count(body: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            writer_client.post(_change(draft), _form_data(draft, body=body))
        return len(queries)

    assert count("<p>Short.</p>") == count("".join(f"<p>Paragraph {n}.</p>" for n in range(200)))


def test_the_preview_shows_the_authors_gallery_and_contacts_as_typed_and_keeps_none(
    writer_client, draft
):
    photo = make_photo(alt_text="Shelves seen from above")
    liisa = make_person("Liisa Librarian", title_en="Head of services", email="liisa@example.edu")
    first, second = make_person("Aino Author"), make_person("Ben Writer")
    data = _form_data(draft) | {
        "gallery-TOTAL_FORMS": "1",
        "gallery-0-position": "1",
        "gallery-0-photo": str(photo.pk),
        "gallery-0-caption": "The new shelves",
        "contacts-TOTAL_FORMS": "1",
        "contacts-0-position": "1",
        "contacts-0-person": str(liisa.pk),
        "authors-TOTAL_FORMS": "2",
        "authors-0-position": "2",
        "authors-0-person": str(second.pk),
        "authors-1-position": "1",
        "authors-1-person": str(first.pk),
    }

    response = writer_client.post(_change(draft), data)

    html = response.json()["page"]
    assert "Shelves seen from above" in html
    assert "The new shelves" in html
    assert "Liisa Librarian" in html
    assert "Head of services" in html
    assert "Aino Author</a> and <a" in html
    assert html.index("Aino Author") < html.index("Ben Writer")
    assert not draft.gallery.exists()
    assert not draft.contacts.exists()
    assert not draft.authors.exists()


def test_a_gallery_row_that_does_not_validate_yet_leaves_the_saved_gallery(writer_client, draft):
    data = _form_data(draft) | {
        "gallery-TOTAL_FORMS": "1",
        "gallery-0-position": "1",
        "gallery-0-photo": "999999",
        "gallery-0-caption": "Half typed",
    }

    response = writer_client.post(_change(draft), data)

    assert response.status_code == 200
    assert "Half typed" not in response.json()["page"]
