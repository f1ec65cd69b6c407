"""The editor's admin pages work for staff: lists, filters, search, forms, autocomplete."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from photos.models import Photo
from tests.factories import jpeg_bytes, make_article, make_category, make_photo
from tests.test_workflow import _inlines

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.edu", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/article/",
        "/admin/articles/article/?status__exact=published&language__exact=en",
        "/admin/articles/article/?q=partnership",
        "/admin/articles/article/add/",
        "/admin/photos/photo/",
        "/admin/photos/photo/add/",
        "/admin/articles/category/",
        "/admin/articles/sitenotice/add/",
    ],
)
def test_admin_pages_open_for_staff(staff_client, url):
    make_article(title="City partnership", hero_photo=make_photo(), categories=[make_category()])

    assert staff_client.get(url).status_code == 200


def test_article_list_shows_thumbnails_and_categories(staff_client):
    make_article(
        title="City partnership",
        hero_photo=make_photo(),
        categories=[make_category(name_en="Cooperation")],
    )

    page = staff_client.get("/admin/articles/article/").text

    assert 'class="newsroom-thumbnail"' in page
    assert "Cooperation" in page


def test_change_form_shows_the_hero_preview_and_inlines(staff_client):
    article = make_article(hero_photo=make_photo())

    page = staff_client.get(f"/admin/articles/article/{article.pk}/change/").text

    assert 'class="newsroom-thumbnail"' in page
    assert "Read more news: chosen links" in page
    assert "gallery-TOTAL_FORMS" in page
    assert "contacts-TOTAL_FORMS" in page
    assert "authors-TOTAL_FORMS" in page


def test_photo_autocomplete_finds_photos_by_alt_text(staff_client):
    rector = make_photo(alt_text="Rector signing the agreement", caption="The signing")
    make_photo(alt_text="Students on stairs")

    response = staff_client.get(
        "/admin/autocomplete/",
        {
            "term": "rector",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "hero_photo",
        },
    )

    assert response.json()["results"] == [{"id": str(rector.pk), "text": "The signing"}]


def test_staff_can_write_an_article_in_the_admin(staff_client):
    studies = make_category(name_en="Studies")
    photo = make_photo()
    data = {
        "title": "A new study path",
        "slug": "a-new-study-path",
        "language": "en",
        "lead": "Students can now combine design and engineering.",
        "body": '<p>Hello</p><script>alert("x")</script><h2>Why</h2>',
        "hero_photo": photo.pk,
        "hero_caption": "",
        "categories": [studies.pk],
        "tags": "design, engineering",
        "status": "published",
        "published_at": "",
        "updated_at": "",
        **_inlines(),
    }

    response = staff_client.post("/admin/articles/article/add/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="a-new-study-path")
    assert article.author.username == "editor"
    assert article.is_published()
    assert article.body == "<p>Hello</p><h2>Why</h2>"
    assert sorted(article.tags.names()) == ["design", "engineering"]
    assert staff_client.get(article.get_absolute_url()).status_code == 200


def test_reserved_slug_is_refused_with_a_message(staff_client):
    data = {
        "title": "Search",
        "slug": "search",
        "language": "en",
        "status": "draft",
        "categories": [make_category().pk],
        **_inlines(),
    }

    response = staff_client.post("/admin/articles/article/add/", data)

    assert response.status_code == 200
    assert "is reserved for the site" in response.text
    assert not Article.objects.exists()


def test_photo_upload_stores_dimensions_and_requires_alt_text(staff_client):
    upload = SimpleUploadedFile("campus.jpg", jpeg_bytes(800, 600), content_type="image/jpeg")

    missing_alt = staff_client.post("/admin/photos/photo/add/", {"image": upload})
    assert missing_alt.status_code == 200
    assert "This field is required." in missing_alt.text
    assert not Photo.objects.exists()

    upload.seek(0)
    staff_client.post(
        "/admin/photos/photo/add/",
        {"image": upload, "alt_text": "Campus in winter", "credit": "A. Photographer"},
    )
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (800, 600)
    assert re.fullmatch(r"\d{4}/\d{2}/[0-9a-f]{32}/[^/]+", photo.image.name)


def test_change_form_lists_translations_and_offers_to_add_the_missing_ones(staff_client):
    studies = make_category(name_en="Studies")
    photo = make_photo()
    english = make_article(title="City partnership", categories=[studies], hero_photo=photo)
    finnish = make_article(
        title="Kumppanuus", language="fi", status="draft", translation_of=english
    )

    page = staff_client.get(f"/admin/articles/article/{english.pk}/change/").text

    assert f'<a href="/admin/articles/article/{finnish.pk}/change/">Kumppanuus</a> (Draft)' in page
    add_swedish = (
        f"/admin/articles/article/add/?translation_of={english.pk}&amp;language=sv"
        f"&amp;categories={studies.pk}&amp;hero_photo={photo.pk}"
    )
    assert f'Swedish: <a href="{add_swedish}">Add translation</a>' in page

    # From the translation, the links lead back to the original and on to the others.
    page = staff_client.get(f"/admin/articles/article/{finnish.pk}/change/").text
    assert f'English: <a href="/admin/articles/article/{english.pk}/change/">' in page
    assert f"add/?translation_of={english.pk}&amp;language=sv" in page


def test_add_translation_link_opens_a_prefilled_form(staff_client):
    studies = make_category(name_en="Studies")
    english = make_article(title="City partnership", categories=[studies])

    response = staff_client.get(
        f"/admin/articles/article/add/?translation_of={english.pk}&language=fi"
        f"&categories={studies.pk}"
    )

    form = response.context["adminform"].form
    assert form["translation_of"].value() == str(english.pk)
    assert form["language"].value() == "fi"
    assert form["categories"].value() == [str(studies.pk)]
    assert f'<option value="{english.pk}" selected>City partnership</option>' in response.text


def test_new_article_form_says_translations_come_after_saving(staff_client):
    page = staff_client.get("/admin/articles/article/add/").text

    assert "Save the article first; then you can add its translations." in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", ["Artikkelit", "Otsikko", "Ingressi", "Lisää käännös", "Tallenna", "Pääkuva"]),
        ("sv", ["Artiklar", "Rubrik", "Ingress", "Lägg till översättning", "Spara", "Huvudbild"]),
    ],
)
def test_admin_speaks_the_editors_browser_language(client, language, expected):
    user = get_user_model().objects.create_superuser("toimittaja", "t@example.edu", "pw")
    client.force_login(user)
    article = make_article(title="City partnership")

    page = client.get(
        f"/admin/articles/article/{article.pk}/change/", HTTP_ACCEPT_LANGUAGE=language
    ).text

    assert f'<html lang="{language}"' in page
    for text in expected:
        assert text in page, text
    # Our own field names and help texts come from our catalogue.
    assert "One or two sentences" not in page


@pytest.mark.parametrize(("language", "log_in"), [("fi", "Kirjaudu sisään"), ("sv", "Logga in")])
def test_admin_login_page_follows_the_browser_language(client, language, log_in):
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=language).text

    assert f'<html lang="{language}"' in page
    assert f'value="{log_in}"' in page


@pytest.mark.parametrize("old", ["", "add/", "7/change/", "7/original/", "?q=lab&o=2"])
def test_bookmarks_of_the_photo_admin_from_before_photos_had_their_own_app_still_work(
    staff_client, old
):
    response = staff_client.get(f"/admin/articles/photo/{old}")
    assert response.status_code == 301
    assert response["Location"] == f"/admin/photos/photo/{old}"


@pytest.mark.parametrize("odd", ["7/change/%0d%0aX: y", "../../", "x/", "7/original/more/"])
def test_odd_addresses_under_the_old_photo_admin_are_not_found(staff_client, odd):
    assert staff_client.get(f"/admin/articles/photo/{odd}").status_code == 404


def test_the_article_forms_carry_exactly_one_rich_text_editor(staff_client):
    """One editor for the body, and nowhere a second one (an inline's empty form, a
    hidden field, a duplicated widget) that a screen reader could reach."""
    article = make_article()
    for url in ("/admin/articles/article/add/", f"/admin/articles/article/{article.pk}/change/"):
        page = staff_client.get(url).text
        assert page.count("data-django-prose-editor-") == 1, url
        assert len(re.findall(r"<textarea[^>]*\bname=\"body\"", page)) == 1, url
        assert page.count('src="/static/django_prose_editor/configurable.js"') == 1, url
