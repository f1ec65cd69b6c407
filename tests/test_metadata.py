"""What search engines and link previews read from each page: title, description,
canonical, Open Graph, Twitter card and JSON-LD, read back with extruct."""

import json

import extruct
import pytest
from django.contrib.staticfiles import finders
from lxml import html as lxml_html
from PIL import Image

from photos import renditions
from tests.factories import make_article, make_category, make_person, make_photo

pytestmark = pytest.mark.django_db

SITE = "https://news.example.edu"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE
    settings.ORGANIZATION_NAME = "University of Testing"


@pytest.fixture
def article():
    original = make_article(
        title="Telescope sees first light",
        slug="telescope",
        lead="The new telescope took its first picture.",
        hero_photo=make_photo(alt_text="A telescope under the stars"),
        authors=[
            make_person("Anna Virtanen", slug="anna-virtanen", title_en="Science Writer"),
            make_person("Ben Hidden", hidden=True),
        ],
        categories=[make_category(name_en="Research", slug="research")],
        tags=["astronomy"],
    )
    make_article(slug="kaukoputki", language="fi", translation_of=original)
    return original


def _head(page: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(page).find("head")


def _meta(head, key: str) -> str | None:
    for element in head.iter("meta"):
        if key in (element.get("property"), element.get("name")):
            return element.get("content")
    return None


def _json_ld(page: str, url: str) -> dict[str, dict]:
    found = extruct.extract(page, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return {item["@type"]: item for item in found}


def test_article_page_has_a_news_article_for_search_engines(client, article):
    page = client.get("/en/news/telescope/").text
    data = _json_ld(page, f"{SITE}/en/news/telescope/")["NewsArticle"]

    assert data["headline"] == "Telescope sees first light"
    assert data["description"] == "The new telescope took its first picture."
    assert data["url"] == f"{SITE}/en/news/telescope/"
    share_url, share_width, _height = renditions.share_image(article.hero_photo)
    assert data["image"][0]["url"] == f"{SITE}{share_url}"
    assert data["image"][0]["width"] == share_width
    assert data["datePublished"].startswith(str(article.published_at.date())[:4])
    assert "+02:00" in data["datePublished"] or "+03:00" in data["datePublished"]
    assert data["dateModified"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Anna Virtanen",
            "url": f"{SITE}/en/news/author/anna-virtanen/",
            "jobTitle": "Science Writer",
        },
        # A hidden person (former staff) has no author page to link to.
        {"@type": "Person", "name": "Ben Hidden"},
    ]
    publisher = data["publisher"]
    assert publisher["@type"] == "EducationalOrganization"
    assert publisher["name"] == "University of Testing"
    assert publisher["logo"]["url"] == f"{SITE}/static/img/logo.png"
    with Image.open(finders.find("img/logo.png")) as logo:
        assert (logo.format, logo.size) == ("PNG", (publisher["logo"]["width"],) * 2)


def test_article_page_has_a_breadcrumb_list_matching_the_visible_trail(client, article):
    page = client.get("/en/news/telescope/").text
    trail = _json_ld(page, SITE)["BreadcrumbList"]["itemListElement"]

    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "News", f"{SITE}/en/news/"),
        (2, "Research", f"{SITE}/en/news/category/research/"),
        (3, "Telescope sees first light", f"{SITE}/en/news/telescope/"),
    ]
    nav = lxml_html.fromstring(page).find(".//nav[@class='breadcrumbs']")
    assert [item.text_content().strip() for item in nav.iter("li")] == [
        "News",
        "Research",
        "Telescope sees first light",
    ]


def test_article_page_has_social_tags_with_an_absolute_image(client, article):
    head = _head(client.get("/en/news/telescope/").text)

    assert head.findtext("title") == "Telescope sees first light – Newsroom"
    assert _meta(head, "description") == "The new telescope took its first picture."
    assert _meta(head, "og:type") == "article"
    assert _meta(head, "og:title") == "Telescope sees first light"
    assert _meta(head, "og:url") == f"{SITE}/en/news/telescope/"
    share_url, share_width, _height = renditions.share_image(article.hero_photo)
    assert _meta(head, "og:image") == f"{SITE}{share_url}"
    assert _meta(head, "og:image:width") == str(share_width)
    assert _meta(head, "og:image:alt") == "A telescope under the stars"
    assert _meta(head, "twitter:card") == "summary_large_image"
    assert _meta(head, "twitter:image") == f"{SITE}{share_url}"
    assert _meta(head, "og:locale") == "en_GB"
    links = {link.get("hreflang"): link.get("href") for link in head.iter("link")}
    assert links["fi"] == f"{SITE}/fi/news/kaukoputki/"
    canonical = [link.get("href") for link in head.iter("link") if link.get("rel") == "canonical"]
    assert canonical == [f"{SITE}/en/news/telescope/"]


def test_seo_fields_and_social_image_take_precedence(client, article):
    article.seo_title = "First light"
    article.seo_description = "A short description for search results."
    article.social_image = make_photo(alt_text="Square crop for sharing")
    article.save()

    page = client.get("/en/news/telescope/").text
    head = _head(page)

    assert head.findtext("title") == "First light – Newsroom"
    assert _meta(head, "description") == "A short description for search results."
    assert _meta(head, "og:title") == "First light"
    assert _meta(head, "og:image") == f"{SITE}{renditions.share_image(article.social_image)[0]}"
    assert _meta(head, "og:image:alt") == "Square crop for sharing"
    data = _json_ld(page, SITE)["NewsArticle"]
    assert data["description"] == "A short description for search results."
    assert data["headline"] == "Telescope sees first light"


def test_json_ld_cannot_be_closed_by_article_text(client):
    make_article(
        slug="evil",
        title="</script><script>alert('x')</script> & <!-- more",
        lead="Lead with </SCRIPT> in capitals",
    )

    page = client.get("/en/news/evil/").text

    assert "<script>alert" not in page
    assert "</SCRIPT>" not in page
    data = _json_ld(page, SITE)["NewsArticle"]
    assert data["headline"] == "</script><script>alert('x')</script> & <!-- more"
    assert data["description"] == "Lead with </SCRIPT> in capitals"
    # The escaped JSON is still plain JSON.
    script = lxml_html.fromstring(page).xpath(
        "//script[@type='application/ld+json'][contains(., 'NewsArticle')]"
    )[0]
    assert json.loads(script.text)["headline"].startswith("</script>")


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/",
        "/fi/news/",
        "/en/news/category/research/",
        "/en/news/tag/astronomy/",
        "/en/news/search/?q=telescope",
        "/en/news/no-such-article/",
    ],
)
def test_every_page_has_title_description_canonical_alternates_and_social_tags(
    client, article, url
):
    response = client.get(url)
    head = _head(response.text)

    assert head.findtext("title")
    assert _meta(head, "description")
    assert [link for link in head.iter("link") if link.get("rel") == "canonical"]
    assert {link.get("hreflang") for link in head.iter("link") if link.get("hreflang")} >= {
        "en",
        "fi",
        "sv",
    }
    for key in ("og:title", "og:description", "og:url", "og:type", "twitter:card"):
        assert _meta(head, key), key
    assert _meta(head, "og:image").startswith(f"{SITE}/")
    assert _meta(head, "twitter:image").startswith(f"{SITE}/")


def test_category_page_has_breadcrumbs_and_its_description(client, article):
    page = client.get("/en/news/category/research/").text
    head = _head(page)

    assert _meta(head, "description") == "News in the category Research."
    assert _meta(head, "og:image") == f"{SITE}/static/img/social-default.png"
    trail = _json_ld(page, SITE)["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in trail] == ["News", "Research"]


def test_the_news_index_has_no_breadcrumb_list(client, article):
    page = client.get("/en/news/").text

    assert "BreadcrumbList" not in page
    assert 'class="breadcrumbs"' not in page
