"""The article page has the parts of a university news article."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from articles.models import GalleryPhoto
from tests.factories import make_article, make_category, make_person, make_photo

pytestmark = pytest.mark.django_db


class _Outline(HTMLParser):
    """Collects the tags, in order, with their attributes: enough to assert structure."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _outline(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Outline()
    parser.feed(html)
    return parser.tags


@pytest.fixture
def article():
    photo = make_photo(
        alt_text="Two people sign documents at a table",
        caption="The rector and the mayor sign the agreement.",
        credit="Sakari Röyskö",
    )
    published = timezone.now() - timedelta(days=2)
    article = make_article(
        title="City and university sign a new partnership",
        lead="The partnership deepens cooperation for 2026–2030.",
        body=(
            "<p>The partnership builds on long cooperation.</p>"
            "<h2>Three main themes</h2><p>Vitality, research and labour.</p>"
            "<blockquote><p>'Helsinki needs more know-how,' says the mayor.</p></blockquote>"
        ),
        hero_photo=photo,
        published_at=published,
        updated_at=published + timedelta(days=1),
        authors=[make_person("Communications")],
        contacts=[
            make_person(
                "Anna Virtanen",
                title_en="Head of Partnerships",
                unit_en="University Services",
                email="anna.virtanen@example.edu",
                phone="+358 50 123 4567",
            )
        ],
        categories=[
            make_category(name_en="Cooperation", slug="cooperation", order=1),
            make_category(name_en="University", slug="university", order=2),
        ],
        tags=["Helsinki"],
    )
    return article


def test_article_page_has_categories_title_and_lead(client, article):
    page = client.get(article.get_absolute_url()).text
    page = page[page.index('<article class="article">') :]

    assert page.index(">Cooperation<") < page.index(">University<") < page.index("<h1")
    assert '<h1 class="article__title">City and university sign a new partnership</h1>' in page
    assert "The partnership deepens cooperation for 2026–2030." in page
    assert 'href="/en/news/category/cooperation/"' in page


def test_hero_photo_is_a_figure_with_caption_and_credit(client, article):
    page = client.get(article.get_absolute_url()).text
    tags = [tag for tag, _attrs in _outline(page)]
    figure = page[page.index('<figure class="figure figure--hero">') : page.index("</figure>")]

    assert tags.index("figure") < tags.index("img", tags.index("figure"))
    assert 'alt="Two people sign documents at a table"' in figure
    assert 'width="640" height="427"' in figure
    assert "<figcaption" in figure
    assert "The rector and the mayor sign the agreement." in figure
    assert "Photo: Sakari Röyskö" in figure


def test_per_article_caption_replaces_the_photos_own(client, article):
    article.hero_caption = "President and mayor in Helsinki City Hall."
    article.save()

    page = client.get(article.get_absolute_url()).text

    assert "President and mayor in Helsinki City Hall." in page
    assert "The rector and the mayor sign the agreement." not in page


def test_body_keeps_subheadings_and_quotes(client, article):
    page = client.get(article.get_absolute_url()).text

    assert "<h2>Three main themes</h2>" in page
    assert "<blockquote><p>'Helsinki needs more know-how,' says the mayor.</p></blockquote>" in page


def test_published_and_updated_are_machine_readable_times(client, article):
    page = client.get(article.get_absolute_url()).text
    times = [attrs["datetime"] for tag, attrs in _outline(page) if tag == "time"]

    # To the second: HTML allows at most three fraction digits, Python writes six.
    published = timezone.localtime(article.published_at).isoformat(timespec="seconds")
    updated = timezone.localtime(article.updated_at).isoformat(timespec="seconds")
    assert f'Published: <time datetime="{published}"' in page
    assert f'Updated: <time datetime="{updated}"' in page
    assert len(times) == 2


def test_updated_is_hidden_when_not_later_than_publishing(client, article):
    article.updated_at = None
    article.save()

    assert "Updated:" not in client.get(article.get_absolute_url()).text


def test_share_block_copies_the_absolute_url_and_has_plain_links(client, article):
    page = client.get(article.get_absolute_url()).text
    url = "http://testserver" + article.get_absolute_url()

    assert f'data-share-url="{url}"' in page
    assert 'data-copied-text="URL copied!"' in page
    assert '<p class="share__status" role="status"></p>' in page
    assert "mailto:?subject=" in page
    assert "linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Ftestserver" in page
    # No third-party scripts: the only script is our own (JSON-LD is data, not code).
    scripts = [
        attrs.get("src")
        for tag, attrs in _outline(page)
        if tag == "script" and attrs.get("type") != "application/ld+json"
    ]
    assert scripts == ["/static/js/share.js"]


def test_further_information_lists_media_contacts(client, article):
    page = client.get(article.get_absolute_url()).text
    section = page[page.index("Further information") :]

    assert "Anna Virtanen" in section
    assert "Head of Partnerships" in section
    assert "University Services" in section
    assert 'href="mailto:anna.virtanen@example.edu"' in section
    assert 'href="tel:+358501234567"' in section


def test_gallery_shows_photos_in_their_order_with_captions(client, article):
    second = make_photo(caption="Second in gallery")
    first = make_photo(caption="First in gallery")
    GalleryPhoto.objects.create(article=article, photo=second, position=2)
    GalleryPhoto.objects.create(article=article, photo=first, position=1, caption="Override")

    page = client.get(article.get_absolute_url()).text

    assert page.index("Override") < page.index("Second in gallery")
    assert "First in gallery" not in page


def test_page_has_skip_link_landmarks_and_language(client, article):
    page = client.get(article.get_absolute_url()).text

    assert page.index('class="skip-link" href="#main"') < page.index("<header")
    assert '<html lang="en">' in page
    assert '<main id="main"' in page
    assert '<article class="article">' in page
    assert '<link rel="canonical" href="http://testserver/en/news/' in page
    assert '<meta name="description" content="The partnership deepens cooperation' in page


def test_tags_link_to_their_tag_page(client, article):
    page = client.get(article.get_absolute_url()).text

    assert 'href="/en/news/tag/helsinki/"' in page


def test_language_switcher_leads_to_the_public_translation(client, article):
    make_article(
        language="fi", slug="kumppanuus", title="Kumppanuussopimus", translation_of=article
    )
    make_article(language="sv", slug="partnerskap", status="draft", translation_of=article)

    page = client.get(article.get_absolute_url()).text

    # Through choose_language, which remembers the choice and lands on the translation.
    assert 'href="/language/fi/?next=%2Ffi%2Fnews%2Fkumppanuus%2F" hreflang="fi"' in page
    assert (
        '<link rel="alternate" hreflang="fi" href="http://testserver/fi/news/kumppanuus/">' in page
    )
    # The Swedish translation is a draft: the switcher leads to the Swedish news instead.
    assert 'href="/language/sv/?next=%2Fsv%2Fnews%2F" hreflang="sv"' in page
    assert "partnerskap" not in page
