"""People: authors and media contacts credited through the article form, the byline and
"Further information" on the page, author pages with their feeds, JSON-LD, the API,
the sitemap, hidden people (former staff) and who may change people."""

from __future__ import annotations

from datetime import timedelta

import extruct
import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import html as lxml_html

from articles.models import Article, ArticleAuthor, Person, Status
from tests.factories import make_article, make_category, make_person, make_photo, make_user
from tests.test_workflow import ADD_URL, _form_data

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def anna() -> Person:
    return make_person(
        "Anna Virtanen",
        slug="anna-virtanen",
        title_en="Science Writer",
        title_fi="Tiedetoimittaja",
        unit_en="Communications",
        unit_fi="Viestintä",
        unit_sv="Kommunikation",
        bio_en="Anna writes about research.",
        email="anna@example.edu",
    )


def _credit_rows(prefix: str, people: list[tuple[int, Person]]) -> dict[str, str]:
    """An inline of the article form: (position, person) rows, in the order typed."""
    data = {f"{prefix}-TOTAL_FORMS": str(len(people))}
    for number, (position, person) in enumerate(people):
        data |= {
            f"{prefix}-{number}-position": str(position),
            f"{prefix}-{number}-person": person.pk,
        }
    return data


def _byline(page: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(page).find_class("article-dates__byline")[0]


# The article form, the byline and "Further information".


def test_an_editor_credits_two_authors_in_order_and_a_contact_through_the_article_form(
    editor_client, anna
):
    ben = make_person("Ben Koski", slug="ben-koski")
    contact = make_person("Liisa Press", title_en="Press Officer", phone="+358 50 1")
    data = _form_data(
        status="published",
        hero_photo=make_photo().pk,
        categories=[make_category().pk],
        **_credit_rows("authors", [(2, ben), (1, anna)]),
        **_credit_rows("contacts", [(1, contact)]),
    )

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="campus-library")
    assert [c.person for c in article.authors.all()] == [anna, ben]
    assert [c.person for c in article.contacts.all()] == [contact]
    page = editor_client.get(article.get_absolute_url()).text
    byline = _byline(page)
    assert byline.text_content().strip() == "By Anna Virtanen and Ben Koski"
    assert [a.get("href") for a in byline.iter("a")] == [
        "/en/news/author/anna-virtanen/",
        "/en/news/author/ben-koski/",
    ]
    further = page[page.index("Further information") :]
    assert "Liisa Press" in further and "Press Officer" in further


def test_a_new_article_offers_the_editor_s_own_person_as_first_author(client, anna):
    client.force_login(make_user("anna", role="Writer"))  # anna@example.edu

    page = client.get(ADD_URL).text

    assert 'name="authors-TOTAL_FORMS" value="1"' in page
    assert f'<option value="{anna.pk}" selected>Anna Virtanen</option>' in page
    other = client.get(f"/admin/articles/article/{make_article(status=Status.DRAFT).pk}/change/")
    assert 'name="authors-TOTAL_FORMS" value="0"' in other.text


def test_three_authors_are_joined_with_commas_and_the_page_language_s_word(client, anna):
    people = [anna, make_person("Ben Koski"), make_person("Cecilia Ek")]
    english = make_article(authors=people)
    finnish = make_article(language="fi", authors=people)
    swedish = make_article(language="sv", authors=people)

    def byline(article: Article) -> str:
        return _byline(client.get(article.get_absolute_url()).text).text_content().strip()

    assert byline(english) == "By Anna Virtanen, Ben Koski and Cecilia Ek"
    assert byline(finnish) == "Teksti: Anna Virtanen, Ben Koski ja Cecilia Ek"
    assert byline(swedish) == "Text: Anna Virtanen, Ben Koski och Cecilia Ek"


def test_a_contact_shows_title_and_unit_in_the_page_s_language_else_in_english(client, anna):
    finnish = make_article(language="fi", contacts=[anna])
    swedish = make_article(language="sv", contacts=[anna])

    fi_page = client.get(finnish.get_absolute_url()).text
    sv_page = client.get(swedish.get_absolute_url()).text

    assert "Tiedetoimittaja" in fi_page and "Viestintä" in fi_page
    # No Swedish title: the English one; the Swedish unit.
    assert "Science Writer" in sv_page and "Kommunikation" in sv_page


def test_a_writer_may_add_a_person_but_not_hide_one(writer_client):
    response = writer_client.post(
        "/admin/articles/person/add/",
        {"name": "New Co-author", "slug": "new-co-author", "hidden": "on"},
    )

    assert response.status_code == 302
    person = Person.objects.get(slug="new-co-author")
    assert not person.hidden  # the field is an Editor's: read-only for Writers


def test_a_writer_cannot_change_a_person_a_published_article_credits(writer_client, anna):
    make_article(authors=[anna])
    url = f"/admin/articles/person/{anna.pk}/change/"

    response = writer_client.post(url, {"name": "Someone Else", "slug": "anna-virtanen"})

    assert response.status_code == 403
    anna.refresh_from_db()
    assert anna.name == "Anna Virtanen"
    # A person only drafts credit is theirs to correct.
    draft_only = make_person("Typo Nmae")
    make_article(status=Status.DRAFT, authors=[draft_only])
    fixed = writer_client.post(
        f"/admin/articles/person/{draft_only.pk}/change/",
        {"name": "Typo Name", "slug": draft_only.slug},
    )
    assert fixed.status_code == 302
    assert not make_user("wendy", role="Writer").has_perm("articles.delete_person")


def test_an_editor_hides_a_former_colleague_and_cannot_delete_a_credited_person(
    editor_client, anna
):
    article = make_article(authors=[anna])

    response = editor_client.post(
        f"/admin/articles/person/{anna.pk}/change/",
        {"name": anna.name, "slug": anna.slug, "hidden": "on"},
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.hidden

    delete = editor_client.post(f"/admin/articles/person/{anna.pk}/delete/", {"post": "yes"})
    assert Person.objects.filter(pk=anna.pk).exists()
    assert "Cannot delete person" in delete.text
    assert f"Anna Virtanen – {article.title}" in delete.text


def test_the_people_list_shows_titles_and_article_counts_and_finds_by_email(editor_client, anna):
    make_article(authors=[anna])
    make_article(authors=[anna])

    page = editor_client.get("/admin/articles/person/?q=anna@example.edu").text

    row = lxml_html.fromstring(page).find_class("field-article_count")[0]
    assert row.text_content() == "2"
    assert "Science Writer" in page


# Hidden people.


def test_a_hidden_person_is_named_without_a_link_and_has_no_author_page(client, anna):
    anna.hidden = True
    anna.save()
    article = make_article(authors=[anna])

    page = client.get(article.get_absolute_url())

    assert page.status_code == 200
    byline = _byline(page.text)
    assert byline.text_content().strip() == "By Anna Virtanen"
    assert list(byline.iter("a")) == []
    assert client.get("/en/news/author/anna-virtanen/").status_code == 404
    assert client.get("/en/news/author/anna-virtanen/feed/").status_code == 404
    assert client.get("/en/news/author/nobody/").status_code == 404


# The author page.


def test_the_author_page_lists_only_their_public_articles_in_its_language(client, anna):
    now = timezone.now()
    theirs = [
        make_article(
            title=f"Story by Anna {n}", authors=[anna], published_at=now - timedelta(hours=n)
        )
        for n in range(1, 14)
    ]
    make_article(title="Draft by Anna", status=Status.DRAFT, authors=[anna])
    make_article(title="Scheduled by Anna", published_at=now + timedelta(hours=1), authors=[anna])
    make_article(title="Annan uutinen", language="fi", authors=[anna])
    make_article(title="Story by someone else", authors=[make_person()])

    first = client.get("/en/news/author/anna-virtanen/").text
    second = client.get("/en/news/author/anna-virtanen/?page=2").text

    titles = [
        h.text_content().strip() for h in lxml_html.fromstring(first).find_class("card__title")
    ]
    assert titles == [article.title for article in theirs[:12]]
    assert theirs[12].title in second
    for hidden in ("Draft by Anna", "Scheduled by Anna", "Annan uutinen", "someone else"):
        assert hidden not in first + second
    head = lxml_html.fromstring(first).find("head")
    assert (
        head.find("link[@rel='canonical']").get("href") == f"{SITE}/en/news/author/anna-virtanen/"
    )
    alternates = {
        link.get("hreflang"): link.get("href") for link in head.findall("link[@hreflang]")
    }
    assert alternates == {
        code: f"{SITE}/{code}/news/author/anna-virtanen/" for code in ("en", "fi", "sv")
    }
    assert client.get("/en/news/author/anna-virtanen/?page=abc").status_code == 404


def test_the_author_page_introduces_the_person_in_its_language(client, anna):
    anna.photo = make_photo(alt_text="Anna Virtanen in the newsroom")
    anna.save()

    english = client.get("/en/news/author/anna-virtanen/").text
    finnish = client.get("/fi/news/author/anna-virtanen/").text

    assert "Science Writer, Communications" in english
    assert "Anna writes about research." in english
    assert 'alt="Anna Virtanen in the newsroom"' in english
    assert "Tiedetoimittaja, Viestintä" in finnish
    assert "Anna writes about research." in finnish  # no Finnish bio: the English one


def test_a_portrait_leaves_the_author_page_at_its_licence_end(client, anna):
    anna.photo = make_photo(
        alt_text="Anna Virtanen in the newsroom", licence_ends_at=timezone.now() - timedelta(1)
    )
    anna.save()

    page = client.get("/en/news/author/anna-virtanen/").text

    assert "Anna Virtanen in the newsroom" not in page
    assert "author-profile__portrait" not in page


def test_the_author_page_is_a_profile_page_for_search_engines(client, anna):
    page = client.get("/en/news/author/anna-virtanen/").text

    found = extruct.extract(page, base_url=SITE, syntaxes=["json-ld"], uniform=True)["json-ld"]
    profile = next(item for item in found if item["@type"] == "ProfilePage")
    assert profile["mainEntity"] == {
        "@type": "Person",
        "name": "Anna Virtanen",
        "url": f"{SITE}/en/news/author/anna-virtanen/",
        "jobTitle": "Science Writer",
        "worksFor": {"@type": "Organization", "name": "Communications"},
        "description": "Anna writes about research.",
    }


@pytest.mark.parametrize("kind", ["feed", "atom"])
def test_the_author_feed_lists_their_public_articles(client, anna, kind):
    make_article(title="Anna on telescopes", authors=[anna, make_person("Ben Koski")])
    make_article(title="Draft by Anna", status=Status.DRAFT, authors=[anna])
    make_article(title="Not by Anna", authors=[make_person()])
    page = client.get("/en/news/author/anna-virtanen/").text
    assert f'href="/en/news/author/anna-virtanen/{kind}/"' in page

    feed = feedparser.parse(client.get(f"/en/news/author/anna-virtanen/{kind}/").content)

    assert not feed.bozo
    assert "Anna Virtanen" in feed.feed.title
    assert [entry.title for entry in feed.entries] == ["Anna on telescopes"]
    assert feed.entries[0].author == "Anna Virtanen, Ben Koski"


# The API and the sitemap.


def test_the_api_lists_authors_and_contacts_with_their_pages(client, anna):
    former = make_person("Former Writer", hidden=True)
    contact = make_person("Liisa Press", title_fi="Tiedottaja", email="liisa@example.edu")
    article = make_article(language="fi", authors=[anna, former], contacts=[contact])

    data = client.get(f"/api/v1/articles/{article.pk}/").json()

    assert data["authors"] == [
        {
            "name": "Anna Virtanen",
            "url": f"{SITE}/fi/news/author/anna-virtanen/",
            "title": "Tiedetoimittaja",
            "unit": "Viestintä",
        },
        {"name": "Former Writer", "url": None, "title": "", "unit": ""},
    ]
    assert data["contacts"] == [
        {
            "name": "Liisa Press",
            "url": f"{SITE}/fi/news/author/{contact.slug}/",
            "title": "Tiedottaja",
            "unit": "",
            "email": "liisa@example.edu",
            "phone": "",
        }
    ]
    assert "byline" not in data


def test_the_sitemap_lists_author_pages_of_visible_people_with_public_articles(client, anna):
    make_article(authors=[anna])
    make_article(language="fi", authors=[anna])
    make_article(authors=[make_person("Former", slug="former", hidden=True)])
    make_article(status=Status.DRAFT, authors=[make_person("Drafty", slug="drafty")])

    sitemap = client.get("/sitemap-authors.xml").text

    assert f"{SITE}/en/news/author/anna-virtanen/" in sitemap
    assert f"{SITE}/fi/news/author/anna-virtanen/" in sitemap
    assert f"{SITE}/sv/news/author/anna-virtanen/" not in sitemap  # nothing in Swedish
    assert 'hreflang="fi"' in sitemap
    assert "former" not in sitemap and "drafty" not in sitemap
    assert "sitemap-authors.xml" in client.get("/sitemap.xml").text


def test_author_is_a_reserved_slug(editor_client):
    response = editor_client.post(ADD_URL, _form_data(slug="author"))

    assert response.status_code == 200
    assert "reserved" in str(response.context["adminform"].form.errors["slug"])


# Query counts: the same for one author as for three.


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["article", "api", "author", "feed"])
def test_pages_make_the_same_queries_for_one_author_or_three(client, anna, page):
    def site_with(authors: int) -> str:
        Article.objects.all().delete()
        others = [make_person() for _ in range(authors - 1)]
        articles = [
            make_article(authors=[anna, *others], contacts=others, hero_photo=make_photo())
            for _ in range(3)
        ]
        return {
            "article": articles[0].get_absolute_url(),
            "api": "/api/v1/articles/",
            "author": "/en/news/author/anna-virtanen/",
            "feed": "/en/news/author/anna-virtanen/feed/",
        }[page]

    one = _queries(client, site_with(1))
    three = _queries(client, site_with(3))

    assert one == three
    assert ArticleAuthor.objects.filter(person=anna).count() == 3
