"""What the article page shows beside the article (ArticleQuerySet.for_article_page,
Article.public_translations): the parts in the models' order, under the public rule."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import ArticleAuthor, ArticleContact, GalleryPhoto, Status
from tests.factories import make_article, make_category, make_person, make_photo

pytestmark = pytest.mark.django_db


def _alternates(page: str) -> dict[str, str]:
    prefix = '<link rel="alternate" hreflang="'
    links = [line.strip() for line in page.splitlines() if line.strip().startswith(prefix)]
    return {
        link.removeprefix(prefix).split('"')[0]: link.split('href="')[1].split('"')[0]
        for link in links
    }


def test_a_translation_links_to_the_original_and_the_other_public_translations(client):
    original = make_article(language="en", slug="partnership", title="Partnership")
    finnish = make_article(language="fi", slug="kumppanuus", translation_of=original)
    make_article(language="sv", slug="utkast", status=Status.DRAFT, translation_of=original)

    alternates = _alternates(client.get(finnish.get_absolute_url()).text)

    assert alternates == {
        "fi": "http://testserver/fi/news/kumppanuus/",
        "en": "http://testserver/en/news/partnership/",
    }


def test_a_scheduled_translation_is_linked_only_once_it_is_due(client):
    original = make_article(language="en", slug="partnership")
    make_article(
        language="sv",
        slug="partnerskap",
        translation_of=original,
        published_at=timezone.now() + timedelta(minutes=5),
    )

    assert "sv" not in _alternates(client.get(original.get_absolute_url()).text)


def test_an_article_alone_shows_no_empty_parts(client):
    article = make_article(title="Alone", categories=[], tags=[])

    page = client.get(article.get_absolute_url()).text

    assert "Alone" in page
    for part in ('class="gallery"', 'class="contacts"', 'class="tag-list"', "article:section"):
        assert part not in page
    address = f"http://testserver{article.get_absolute_url()}"
    assert _alternates(page) == {"en": address}


def test_parts_come_in_their_order_whatever_order_they_were_added_in(client):
    later = make_category(name_en="Research", slug="research", order=2)
    first = make_category(name_en="Studies", slug="studies", order=1)
    article = make_article(categories=[later, first], tags=["zebra", "Aalto", "campus"])
    for position, name in ((2, "Second Contact"), (1, "First Contact")):
        ArticleContact.objects.create(article=article, person=make_person(name), position=position)
    for position, name in ((2, "Second Author"), (1, "First Author")):
        ArticleAuthor.objects.create(article=article, person=make_person(name), position=position)
    for position, caption in ((3, "Third photo"), (1, "First photo"), (2, "Second photo")):
        GalleryPhoto.objects.create(
            article=article, photo=make_photo(caption=caption), position=position
        )

    page = client.get(article.get_absolute_url()).text

    def in_page_order(*texts: str) -> bool:
        return sorted(texts, key=page.index) == list(texts)

    assert in_page_order('content="Studies"', 'content="Research"')
    assert in_page_order(">Aalto<", ">campus<", ">zebra<")
    assert in_page_order("First Contact", "Second Contact")
    assert in_page_order("First Author", "Second Author")
    assert in_page_order("First photo", "Second photo", "Third photo")


def test_gallery_photos_keep_their_alt_text_credit_and_renditions(client):
    article = make_article()
    photo = make_photo(alt_text="Students on the lawn", credit="Photo: Jane Doe")
    GalleryPhoto.objects.create(article=article, photo=photo, caption="Spring on campus")

    page = client.get(article.get_absolute_url()).text
    gallery = page[page.index('class="gallery"') :]

    assert 'alt="Students on the lawn"' in gallery
    assert "Photo: Jane Doe" in gallery
    assert "Spring on campus" in gallery
    photo.refresh_from_db()  # the renditions made on upload, in their own folder
    assert f'src="/media/{photo.renditions["dir"]}' in gallery
    assert 'loading="lazy"' in gallery
