"""The news index, category and tag pages: order, pagination and bad input."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [article.title for article in response.context["articles"]]


def test_root_redirects_to_the_news_in_the_browsers_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fi-FI,fi;q=0.9").url == "/fi/news/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="sv").url == "/sv/news/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").url == "/en/news/"
    assert client.get("/").url == "/en/news/"


def test_index_lists_featured_first_then_newest(client):
    now = timezone.now()
    make_article(title="Old", published_at=now - timedelta(days=3))
    make_article(title="Featured but older", featured=True, published_at=now - timedelta(days=5))
    make_article(title="Newest", published_at=now - timedelta(hours=1))

    assert _titles(client.get("/en/news/")) == ["Featured but older", "Newest", "Old"]


def test_index_shows_twelve_per_page_and_the_rest_on_page_two(client):
    for _ in range(13):
        make_article()

    first = client.get("/en/news/")
    second = client.get("/en/news/?page=2")

    assert len(first.context["articles"]) == 12
    assert 'href="?page=2"' in first.text
    assert len(second.context["articles"]) == 1
    assert set(_titles(first)).isdisjoint(_titles(second))


@pytest.mark.parametrize("page", ["abc", "99999", "0", "-1", "1.5", "x" * 2000])
def test_bad_page_numbers_are_not_found_not_errors(client, page):
    make_article()

    assert client.get("/en/news/", {"page": page}).status_code == 404


def test_empty_index_is_a_normal_page(client):
    response = client.get("/sv/news/")

    assert response.status_code == 200
    assert "Här har inga nyheter publicerats ännu." in response.text


def test_category_page_lists_only_that_categorys_articles(client):
    studies = make_category(name_en="Studies", name_fi="Opiskelu", slug="studies")
    research = make_category(name_en="Research", slug="research")
    make_article(title="About studies", categories=[studies])
    make_article(title="About research", categories=[research])

    response = client.get("/en/news/category/studies/")

    assert _titles(response) == ["About studies"]
    assert "<h1" in response.text and "Studies</h1>" in response.text


def test_category_name_follows_the_page_language(client):
    make_category(name_en="Studies", name_fi="Opiskelu", name_sv="", slug="studies")

    assert "Opiskelu</h1>" in client.get("/fi/news/category/studies/").text
    # No Swedish name yet: the English one stands in.
    assert "Studies</h1>" in client.get("/sv/news/category/studies/").text


def test_tag_page_lists_only_tagged_articles(client):
    make_article(title="Tagged", tags=["Architecture"])
    make_article(title="Untagged")

    response = client.get("/en/news/tag/architecture/")

    assert _titles(response) == ["Tagged"]


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/no-such-story/",
        "/en/news/category/no-such-category/",
        "/en/news/tag/no-such-tag/",
        "/de/news/",
        "/en/news/" + "a" * 2000 + "/",
    ],
)
def test_unknown_addresses_are_not_found(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "Page not found" in response.text


def test_tags_with_finnish_and_swedish_letters_have_working_pages(client):
    article = make_article(language="sv", slug="cykelparkering", tags=["Hållbarhet"])

    assert 'href="/sv/news/tag/h%C3%A5llbarhet/"' in client.get(article.get_absolute_url()).text
    response = client.get("/sv/news/tag/hållbarhet/")

    assert response.status_code == 200
    assert [a.title for a in response.context["articles"]] == [article.title]


def test_a_card_shows_every_change_to_what_it_shows(client):
    """A card is made from its article on each render: any change to the title, lead,
    categories, photo or language shows at once."""
    from tests.factories import make_photo

    photo = make_photo(alt_text="Researchers on the ice")
    category = make_category(slug="research", name_en="Research", name_fi="Tutkimus")
    story = make_article(
        title="Sea ice study", lead="Ice thins.", categories=[category], hero_photo=photo
    )

    def card() -> str:
        page = client.get("/en/news/").content.decode()
        return page[page.index('<article class="card') :]

    assert "Research" in card() and "Researchers on the ice" in card()

    category.name_en = "Research and science"
    category.save()
    photo.alt_text = "Two researchers drilling the ice"
    photo.save()
    story.lead = "The ice is thinner than ever."
    story.save()

    shown = card()
    assert "Research and science" in shown
    assert "Two researchers drilling the ice" in shown
    assert "The ice is thinner than ever." in shown

    make_article(language="fi", title="Merijää", categories=[category], hero_photo=photo)
    finnish = client.get("/fi/news/").content.decode()
    assert "Tutkimus" in finnish[finnish.index('<article class="card') :]


def test_signed_photo_addresses_are_fresh_on_every_render(client, monkeypatch):
    """Signed media addresses (S3 with AWS_QUERYSTRING_AUTH) expire: card and photo
    markup holding them is made anew for each page rendered."""
    import itertools
    import re

    from django.core.files.storage import default_storage

    from tests.factories import make_photo

    make_article(title="Signed", hero_photo=make_photo(), categories=[make_category()])
    signatures = itertools.count()
    plain_url = default_storage.url
    monkeypatch.setattr(default_storage, "querystring_auth", True, raising=False)
    monkeypatch.setattr(
        default_storage, "url", lambda name: f"{plain_url(name)}?sig={next(signatures)}"
    )

    def signature(page: str) -> str:
        return re.search(r'<img class="card__image" src="[^"?]+\?sig=(\d+)"', page).group(1)

    from pagecache.caching import content_changed

    first = signature(client.get("/en/news/").content.decode())
    content_changed()  # rendered anew, not served from the page cache
    second = signature(client.get("/en/news/").content.decode())
    assert first != second
