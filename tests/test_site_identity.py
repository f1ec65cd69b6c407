"""The site identity an Editor sets in the admin: names per language, a checked logo,
colours held to WCAG AA, footer content, icons; and every public page shows it at once."""

import io

import extruct
import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from articles.templatetags.news import lead_preview
from pagecache.models import ContentVersion
from siteidentity.colours import contrast_ratio
from siteidentity.icons import initials
from siteidentity.models import SiteIdentity
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ADMIN_ADD = "/admin/siteidentity/siteidentity/add/"
SAFE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 60">'
    b'<defs><linearGradient id="g"><stop offset="0" stop-color="#0b3d6e"/></linearGradient></defs>'
    b'<rect width="240" height="60" fill="url(#g)"/><text x="10" y="40">Uni</text></svg>'
)


def _form(**changes):
    data = {
        "name_en": "University of Testing",
        "name_fi": "Testauksen yliopisto",
        "name_sv": "Testningens universitet",
        "logo_alt_en": "",
        "logo_alt_fi": "",
        "logo_alt_sv": "",
        "brand_colour": "#0b3d6e",
        "accent_colour": "#a3123a",
        "address": "PO Box 1\n00100 Helsinki",
        "email": "news@example.edu",
        "phone": "+358 9 123",
        "social_links": "LinkedIn | https://www.linkedin.com/",
        "footer_links_en": "Studies | https://example.edu/en/studies",
        "footer_links_fi": "Opiskelu | https://example.edu/fi/opiskelu",
        "footer_links_sv": "",
    }
    data.update(changes)
    return data


def _png(width=400, height=100) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (width, height), "#0b3d6e").save(output, "PNG")
    return output.getvalue()


def _upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_an_editor_sets_the_name_and_every_language_shows_its_own(editor_client, client):
    make_article(title="Story")
    response = editor_client.post(ADMIN_ADD, _form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    editor_client.logout()

    assert "University of Testing" in client.get("/en/news/").text
    finnish = client.get("/fi/news/").text
    assert "Testauksen yliopisto" in finnish
    assert "University of Testing" not in finnish
    assert "Testningens universitet" in client.get("/sv/news/").text


def test_saving_the_identity_shows_at_once_on_cached_pages(editor_client):
    reader = Client()
    assert reader.get("/en/news/")["X-Cache"] == "miss"
    assert reader.get("/en/news/")["X-Cache"] == "hit"
    editor_client.post(ADMIN_ADD, _form(name_en="Renamed University"))
    page = reader.get("/en/news/")
    assert page["X-Cache"] == "miss"
    assert "Renamed University" in page.text


def test_the_list_opens_the_one_identity(editor_client):
    assert editor_client.get("/admin/siteidentity/siteidentity/")["Location"] == ADMIN_ADD
    editor_client.post(ADMIN_ADD, _form())
    identity = SiteIdentity.objects.get()
    response = editor_client.get("/admin/siteidentity/siteidentity/")
    assert response["Location"] == f"/admin/siteidentity/siteidentity/{identity.pk}/change/"
    assert editor_client.get(ADMIN_ADD)["Location"] == response["Location"]  # no second row


@pytest.mark.parametrize(
    ("field", "colour", "ratio"),
    [("brand_colour", "#ffcc00", "1.51:1"), ("accent_colour", "#e0a526", "2.19:1")],
)
def test_a_colour_that_fails_aa_is_refused_with_its_ratio(editor_client, field, colour, ratio):
    response = editor_client.post(ADMIN_ADD, {**_form(), field: colour})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors[field]
    assert ratio in errors[0] and "4.5:1" in errors[0]
    assert not SiteIdentity.objects.exists()


def test_contrast_ratio_is_measured_as_wcag_does():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
            b"<script>alert(1)</script></svg>",
            "<script>",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>',
            "onload",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" '
            b'viewBox="0 0 1 1"><use x:href="https://evil.example/a.svg#x"/></svg>',
            "evil.example",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
            b'<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>',
            "<foreignObject>",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
            b"<style>rect { fill: url(https://evil.example/x) }</style></svg>",
            "outside",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
            "could not be read",
        ),
        (b"GIF89a not a logo", "SVG or a PNG"),
    ],
    ids=[
        "script",
        "event-handler",
        "outside-link",
        "foreign-object",
        "outside-style",
        "entity",
        "gif",
    ],
)
def test_a_logo_that_could_carry_script_is_refused_with_the_reason(editor_client, svg, message):
    form = _form(logo_file=_upload(svg, "logo.svg"), logo_alt_en="Testing University")
    response = editor_client.post(ADMIN_ADD, form)
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["logo_file"])
    assert not SiteIdentity.objects.exists()


def test_a_logo_needs_a_text_alternative(editor_client):
    response = editor_client.post(ADMIN_ADD, _form(logo_file=_upload(SAFE_SVG, "logo.svg")))
    assert "logo_alt_en" in response.context["adminform"].form.errors


def test_an_svg_logo_is_shown_with_its_alternative_and_is_the_favicon(editor_client, client):
    form = _form(logo_file=_upload(SAFE_SVG, "logo.svg"), logo_alt_en="Testing University")
    assert editor_client.post(ADMIN_ADD, form).status_code == 302
    editor_client.logout()
    identity = SiteIdentity.objects.get()
    page = client.get("/en/news/").text
    assert (
        f'<img class="site-header__logo" src="{identity.logo_url()}" alt="Testing University" '
        'width="240" height="60">'
    ) in page
    assert f'<link rel="icon" href="{identity.logo_url()}" type="image/svg+xml">' in page

    logo = client.get(identity.logo_url())
    assert logo["Content-Type"] == "image/svg+xml"
    assert logo.content == SAFE_SVG
    assert "sandbox" in logo["Content-Security-Policy"]
    assert "immutable" in logo["Cache-Control"]
    # The PNG icons are the initials on the brand colour.
    with Image.open(io.BytesIO(client.get(identity.icon_url(180)).content)) as icon:
        assert icon.size == (180, 180)
        assert icon.getpixel((4, 4)) == (11, 61, 110)


def test_a_png_logo_makes_the_app_icons(editor_client):
    client = Client()
    form = _form(logo_file=_upload(_png(), "logo.png"), logo_alt_en="Testing University")
    assert editor_client.post(ADMIN_ADD, form).status_code == 302
    identity = SiteIdentity.objects.get()
    assert (identity.logo_type, identity.logo_width, identity.logo_height) == (
        "image/png",
        400,
        100,
    )
    for size in (32, 180, 192, 512):
        response = client.get(identity.icon_url(size))
        with Image.open(io.BytesIO(response.content)) as icon:
            assert icon.size == (size, size)
            assert icon.getpixel((size // 2, size // 2)) == (11, 61, 110)  # the logo
            assert icon.getpixel((0, 0)) == (255, 255, 255)  # its white margin
    manifest = client.get("/brand/manifest.webmanifest").json()
    assert [icon["sizes"] for icon in manifest["icons"]] == ["192x192", "512x512"]
    # An old address is gone once the logo changes.
    old = identity.icon_url(32)
    editor_client.post(
        f"/admin/siteidentity/siteidentity/{identity.pk}/change/",
        _form(logo_file=_upload(_png(300, 100), "logo.png"), logo_alt_en="Testing University"),
    )
    assert client.get(old).status_code == 404


def test_footer_links_must_be_written_label_bar_address(editor_client):
    response = editor_client.post(ADMIN_ADD, _form(footer_links_en="Studies https://x.edu"))
    assert "Line 1" in str(response.context["adminform"].form.errors["footer_links_en"])


def test_the_defaults_make_a_finished_header_and_footer_without_a_saved_identity(client):
    page = client.get("/fi/news/").text
    assert "Helsinki-Uusimaan yliopisto" in page
    assert "Tietosuoja" in page and "PO Box 1000" in page
    assert 'href="/fi/accessibility/"' in page and 'href="/fi/feedback/"' in page
    assert 'href="/brand/colours-default.css"' in page
    assert client.get("/brand/colours-default.css").text.startswith(
        ":root { --color-brand: #0b3d6e;"
    )


def test_a_writer_cannot_change_the_identity(writer_client):
    assert writer_client.post(ADMIN_ADD, _form()).status_code == 403
    assert not SiteIdentity.objects.exists()


def test_initials_skip_small_words():
    assert initials("University of Helsinki-Uusimaa") == "UH"
    assert initials("Aalto") == "A"


def test_english_dates_are_written_day_month_year_and_24_hour_time(client, settings):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    when = datetime(2026, 12, 4, 14, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
    article = make_article(published_at=when)
    assert "4 December 2026, 14:00" in client.get(article.get_absolute_url()).text


def test_a_lead_is_shortened_at_the_end_of_a_word():
    lead = "The themes are vitality, innovation and entrepreneurship; and knowledgeable labour."
    assert lead_preview(lead, 60) == "The themes are vitality, innovation and entrepreneurship…"
    assert lead_preview("Short.", 60) == "Short."


def test_the_identity_is_read_once_per_content_version(client, django_assert_num_queries):
    client.get("/en/news/")
    version = ContentVersion.objects.get().pk if ContentVersion.objects.exists() else None
    with django_assert_num_queries(1):  # the content version only: a cache hit
        client.get("/en/news/")
    assert version is None or ContentVersion.objects.get().pk == version


def test_feeds_search_and_structured_data_name_the_publisher_set_in_the_admin(
    editor_client, client
):
    form = _form(logo_file=_upload(_png(), "logo.png"), logo_alt_en="Testing University")
    assert editor_client.post(ADMIN_ADD, form).status_code == 302
    editor_client.logout()
    identity = SiteIdentity.objects.get()
    article = make_article(title="Story", language="fi")

    feed = feedparser.parse(client.get("/fi/news/atom/").content)
    assert feed.feed.author == "Testauksen yliopisto"
    assert "Testauksen yliopisto" in feed.feed.subtitle
    assert "Testningens universitet" in client.get("/sv/news/search/").text

    page = client.get(article.get_absolute_url()).text
    found = extruct.extract(page, syntaxes=["json-ld"], uniform=True)["json-ld"]
    publisher = next(item for item in found if item["@type"] == "NewsArticle")["publisher"]
    assert publisher["name"] == "Testauksen yliopisto"
    assert publisher["logo"] == {
        "@type": "ImageObject",
        "url": f"http://testserver{identity.logo_url()}",
        "width": 400,
        "height": 100,
    }
    assert client.get(identity.logo_url())["Content-Type"] == "image/png"
