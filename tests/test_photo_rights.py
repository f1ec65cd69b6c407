"""Photo rights (photos/licences.py, photos/rights.py): credit, copyright holder, licence
and licence end, set in the admin's photo form and on the upload cards; the credit line
and JSON-LD readers and search engines get; the photo leaving every public surface at
its licence end, page cache on, with nobody saving anything; the "Licences ending soon"
list; the article form's warning and the refusal to publish; export and import."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article, GalleryPhoto, Status
from pagecache import caching
from photos.licences import Licence
from photos.models import Photo
from publishing.previews import preview_url
from tests.factories import jpeg_bytes, make_article, make_category, make_photo
from tests.test_export_import import _empty_the_site, _rewrite_consistently
from tests.test_workflow import _form_data

pytestmark = pytest.mark.django_db

CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _photo_form(photo: Photo, **overrides: str) -> dict[str, str]:
    """What the photo's admin page posts, with `overrides`."""
    return {
        "alt_text": photo.alt_text,
        "caption": photo.caption,
        "credit": photo.credit,
        "focal_x": "",
        "focal_y": "",
        "copyright_holder": "",
        "licence": Licence.ALL_RIGHTS_RESERVED,
        "licence_terms": "",
        "licence_ends_at": "",
        **overrides,
    }


# ------------------------------------------------------------------ the admin's forms


def test_an_editor_sets_a_photos_rights_in_the_rights_group_of_its_form(editor_client):
    photo = make_photo()
    ends = (timezone.now() + timedelta(days=90)).replace(second=0, microsecond=0)
    page = editor_client.get(f"/admin/photos/photo/{photo.pk}/change/").text
    assert re.search(r"<h2[^>]*>\s*Rights\s*</h2>", page)

    response = editor_client.post(
        f"/admin/photos/photo/{photo.pk}/change/",
        _photo_form(
            photo,
            copyright_holder="Helsinki-Uusimaa Photo Archive",
            licence=Licence.CC_BY,
            licence_ends_at=_local(ends),
        ),
    )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.copyright_holder == "Helsinki-Uusimaa Photo Archive"
    assert photo.licence == Licence.CC_BY
    assert photo.licence_ends_at == ends
    library = editor_client.get("/admin/photos/photo/").text
    assert "CC BY 4.0" in library
    assert "Licences ending soon" in library


def test_an_other_licence_needs_its_terms(editor_client):
    photo = make_photo()
    url = f"/admin/photos/photo/{photo.pk}/change/"

    refused = editor_client.post(url, _photo_form(photo, licence=Licence.OTHER))
    accepted = editor_client.post(
        url, _photo_form(photo, licence=Licence.OTHER, licence_terms="Only for the 2026 festival")
    )

    assert refused.status_code == 200
    assert "Give the terms of the licence when it is &#x27;Other&#x27;." in refused.text
    assert accepted.status_code == 302
    photo.refresh_from_db()
    assert (photo.licence, photo.licence_terms) == (Licence.OTHER, "Only for the 2026 festival")


def test_an_upload_card_stores_the_rights_and_asks_for_the_terms_of_an_other_licence(
    writer_client,
):
    def upload(name: str, colour: str, **fields: str):
        file = SimpleUploadedFile(name, jpeg_bytes(600, 400, colour), content_type="image/jpeg")
        return writer_client.post(
            "/admin/photos/photo/upload/", {"image": file, "alt_text": "Guests", **fields}
        )

    ends = (timezone.now() + timedelta(days=10)).replace(second=0, microsecond=0)
    refused = upload("a.jpg", "#102030", licence=Licence.OTHER)
    stored = upload(
        "b.jpg",
        "#203040",
        copyright_holder="Aino Kuvaaja",
        licence=Licence.CC_BY_SA,
        licence_ends_at=_local(ends),
    )
    # A client from before photo rights sends none: all rights reserved, no end.
    plain = upload("c.jpg", "#304050")

    assert refused.status_code == 400
    assert refused.json()["errors"] == {
        "licence_terms": ["Give the terms of the licence when it is 'Other'."]
    }
    assert stored.status_code == 201
    photo = Photo.objects.get(pk=stored.json()["photo"]["id"])
    assert (photo.copyright_holder, photo.licence, photo.licence_ends_at) == (
        "Aino Kuvaaja",
        Licence.CC_BY_SA,
        ends,
    )
    default = Photo.objects.get(pk=plain.json()["photo"]["id"])
    assert (default.licence, default.licence_ends_at) == (Licence.ALL_RIGHTS_RESERVED, None)


def test_the_upload_cards_have_a_rights_group_with_every_licence(editor_client):
    page = editor_client.get("/admin/photos/photo/").text

    group = re.search(r'<fieldset class="photo-card__rights">(.*?)</fieldset>', page, re.S)
    assert group and "<legend" in group[1] and "Rights" in group[1]
    for label in ("Copyright holder", "Licence", "Licence terms", "Licence ends"):
        assert f">{label}</label>" in group[1]
    assert '<option value="all-rights-reserved" selected>' in group[1]
    assert [value for value, _label in Licence.choices] == re.findall(
        r'<option value="([^"]+)"', group[1]
    )


# ------------------------------------------------------------------ what readers get


def _json_ld(page: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return next(data for data in map(json.loads, blocks) if data.get("@type") == "NewsArticle")


def test_the_caption_line_credits_the_photographer_holder_and_licence(client):
    photo = make_photo(credit="Jane Doe", copyright_holder="Nordic Press", licence=Licence.CC_BY)
    article = make_article(hero_photo=photo, hero_caption="The new library")

    page = client.get(article.get_absolute_url()).text

    credit = re.search(r'<span class="figure__credit">(.*?)</span>', page, re.S)[1]
    assert re.sub(r"<[^>]+>", "", credit) == "Photo: Jane Doe / © Nordic Press / CC BY 4.0"
    assert f'<a class="figure__licence" href="{CC_BY}" rel="license">CC BY 4.0</a>' in credit


def test_an_all_rights_reserved_photo_shows_no_licence_link(client):
    photo = make_photo(credit="Jane Doe")
    article = make_article(hero_photo=photo)

    page = client.get(article.get_absolute_url()).text

    credit = re.search(r'<span class="figure__credit">(.*?)</span>', page, re.S)[1]
    assert credit == "Photo: Jane Doe"


def test_the_json_ld_image_carries_credit_copyright_and_licence(client):
    hero = make_photo(credit="Jane Doe", copyright_holder="Nordic Press", licence=Licence.CC_BY)
    social = make_photo(credit="Matti Meikäläinen", licence=Licence.OTHER, licence_terms="News")
    article = make_article(hero_photo=hero, social_image=social)

    images = _json_ld(client.get(article.get_absolute_url()).text)["image"]

    assert [
        (image["creditText"], image["copyrightNotice"], image.get("license")) for image in images
    ] == [
        ("Jane Doe", "© Nordic Press", CC_BY),
        # Without a holder, the photographer holds the copyright; "other" terms are prose,
        # not a licence address, so no "license".
        ("Matti Meikäläinen", "Matti Meikäläinen", None),
    ]


# ------------------------------------------------------------ the licence end, page cache on


@pytest.fixture
def ending():
    """A public article whose hero and one gallery photo lose their licence in an hour,
    with another gallery photo that keeps it, and a neighbour whose card shows it."""
    ends = timezone.now() + timedelta(hours=1)
    hero = make_photo(credit="Jane Doe", licence_ends_at=ends)
    gone = make_photo(alt_text="Gallery photo going", licence_ends_at=ends)
    kept = make_photo(alt_text="Gallery photo staying")
    category = make_category(slug="studies")
    article = make_article(
        title="Licensed story", slug="licensed", hero_photo=hero, categories=[category]
    )
    for position, photo in enumerate([gone, kept]):
        GalleryPhoto.objects.create(article=article, photo=photo, position=position)
    return article, hero, gone, kept, ends


def _shows(client, url: str, photo: Photo) -> bool:
    response = client.get(url)
    assert response.status_code == 200, url
    return photo.renditions["dir"] in response.content.decode()


SURFACES = {
    "article page (hero, og:image, JSON-LD)": "/en/news/licensed/",
    "card on the news index": "/en/news/",
    "card on the category page": "/en/news/category/studies/",
    "RSS enclosure": "/en/news/feed/",
    "Atom enclosure": "/en/news/atom/",
    "sitemap image": "/sitemap-articles.xml",
    "API list": "/api/v1/articles/",
}


def test_at_its_licence_end_the_photo_leaves_every_surface_without_a_save(
    client, ending, time_machine
):
    article, hero, gone, kept, ends = ending
    surfaces = {**SURFACES, "API detail": f"/api/v1/articles/{article.pk}/"}
    for url in surfaces.values():
        assert _shows(client, url, hero), url
        assert client.get(url)["X-Cache"] == "hit", url  # served from the page cache
    assert _shows(client, "/en/news/licensed/", gone)
    assert caching.next_change() == ends.timestamp()

    time_machine.move_to(ends + timedelta(seconds=1))

    for url in surfaces.values():
        assert not _shows(client, url, hero), url
    page = client.get("/en/news/licensed/").text
    assert "Licensed story" in page  # the article stays
    assert gone.renditions["dir"] not in page
    assert kept.renditions["dir"] in page
    assert "Photo: Jane Doe" not in page
    assert re.search(r'<meta property="og:image" content="[^"]*social-default\.png"', page)
    assert "image" not in _json_ld(page)
    assert client.get(f"/api/v1/articles/{article.pk}/").json()["hero_photo"] is None


def test_from_its_licence_end_the_photos_files_are_served_to_staff_only(
    editor_client, time_machine
):
    client = Client()  # a reader (editor_client is the test client, logged in)
    ends = timezone.now() + timedelta(minutes=5)
    photo = make_photo(licence_ends_at=ends)
    other = make_photo()  # no licence end
    files = [f"/media/{photo.renditions['dir']}{name}" for name in _rendition_files(photo)]
    assert files and all(client.get(url).status_code == 200 for url in files)

    time_machine.move_to(ends + timedelta(seconds=1))

    # Readers, search engines' image indexes and other sites' links get nothing, whatever
    # the spelling of the address; the admin's thumbnails still show.
    for url in files:
        assert client.get(url).status_code == 404, url
        assert editor_client.get(url).status_code == 200, url
    spelled = files[0].replace("/media/", "/media/./renditions/../", 1)
    assert client.get(spelled).status_code == 404
    kept = f"/media/{other.renditions['dir']}{_rendition_files(other)[0]}"
    assert client.get(kept).status_code == 200


def _rendition_files(photo: Photo) -> list[str]:
    folder = Path(settings.MEDIA_ROOT) / photo.renditions["dir"]
    return sorted(path.name for path in folder.iterdir())


def test_a_proxy_in_front_keeps_the_page_no_longer_than_the_licence_runs(client):
    ends = timezone.now() + timedelta(seconds=25)
    article = make_article(hero_photo=make_photo(licence_ends_at=ends))

    response = client.get(article.get_absolute_url())

    # As for a scheduled article (tests/test_edge_headers.py): Varnish or a CDN drops
    # the page at the licence end without being told.
    control = response["Cache-Control"]
    assert re.search(r"s-maxage=2[45]\b", control) and "stale-while-revalidate=0" in control


def test_a_photo_whose_licence_ended_is_not_shown_while_one_that_runs_is(client):
    now = timezone.now()
    ended = make_photo(licence_ends_at=now - timedelta(seconds=1))
    running = make_photo(licence_ends_at=now + timedelta(seconds=2))
    first = make_article(slug="first", hero_photo=ended)
    second = make_article(slug="second", hero_photo=running)

    assert not _shows(client, first.get_absolute_url(), ended)
    assert _shows(client, second.get_absolute_url(), running)


# ------------------------------------------------------------------ the editors' side


def test_licences_ending_soon_lists_the_photos_with_their_public_articles(editor_client):
    now = timezone.now()
    soon = make_photo(caption="Soon", licence_ends_at=now + timedelta(days=10))
    ended = make_photo(caption="Ended and used", licence_ends_at=now - timedelta(days=1))
    make_photo(caption="Ended and unused", licence_ends_at=now - timedelta(days=1))
    make_photo(caption="Later", licence_ends_at=now + timedelta(days=40))
    hero_of = make_article(title="Hero story", hero_photo=soon)
    in_gallery = make_article(title="Gallery story")
    GalleryPhoto.objects.create(article=in_gallery, photo=soon)
    make_article(title="Social story", social_image=ended)
    make_article(title="Draft story", hero_photo=soon, status=Status.DRAFT)

    page = editor_client.get("/admin/photos/photo/licences/").text

    rows = re.findall(r'<tr class="newsroom-licences__photo[^"]*">(.*?)</tr>', page, re.S)
    assert len(rows) == 2  # the soonest end first: the one already ended
    ended_row, soon_row = rows
    assert ">Ended and used<" in ended_row and ">ended<" in ended_row
    assert "Social story</a> (social image)" in ended_row
    assert ">Soon<" in soon_row
    assert "Hero story</a> (hero photo)" in soon_row
    assert "Gallery story</a> (gallery)" in soon_row
    assert f"/admin/articles/article/{hero_of.pk}/change/" in soon_row
    assert "Draft story" not in page
    assert "Later" not in page and "Ended and unused" not in page


def _licences_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/photos/photo/licences/").status_code == 200
    return len(queries)


def test_licences_ending_soon_costs_the_same_queries_for_one_photo_or_five(editor_client):
    def photo_in_two_articles() -> None:
        photo = make_photo(licence_ends_at=timezone.now() + timedelta(days=5))
        make_article(hero_photo=photo)
        GalleryPhoto.objects.create(article=make_article(), photo=photo)

    photo_in_two_articles()
    one = _licences_queries(editor_client)
    for _ in range(4):
        photo_in_two_articles()
    five = _licences_queries(editor_client)

    assert one == five


def test_the_library_and_the_desk_link_to_licences_ending_soon(editor_client):
    for page in ("/admin/photos/photo/", "/admin/"):
        assert 'href="/admin/photos/photo/licences/"' in editor_client.get(page).text


def test_the_desk_counts_the_licences_the_list_shows(editor_client):
    now = timezone.now()
    make_photo(licence_ends_at=now + timedelta(days=10))
    make_article(hero_photo=make_photo(licence_ends_at=now - timedelta(days=1)))
    make_photo(licence_ends_at=now - timedelta(days=1))  # ended, and no article has it
    make_photo(licence_ends_at=now + timedelta(days=40))

    assert "Licences ending soon (2)</a>" in editor_client.get("/admin/").text


@pytest.fixture
def published_with_ended_hero():
    hero = make_photo(licence_ends_at=timezone.now() - timedelta(days=1))
    return make_article(hero_photo=hero, categories=[make_category()])


def test_the_article_form_and_preview_say_why_readers_miss_the_hero_photo(
    editor_client, published_with_ended_hero
):
    article = published_with_ended_hero
    day = date_format(timezone.localtime(article.hero_photo.licence_ends_at), "DATE_FORMAT")
    expected = (
        f"The hero photo&#x27;s licence ended on {day}: readers see the story without it. "
        "Choose another photo."
    )

    form = editor_client.get(f"/admin/articles/article/{article.pk}/change/").text
    preview = editor_client.get(preview_url(article)).text

    assert expected in form
    assert expected in preview
    assert article.hero_photo.renditions["dir"] not in preview  # as readers see it


def test_a_published_article_with_an_ended_hero_photo_can_still_be_corrected(
    editor_client, published_with_ended_hero
):
    article = published_with_ended_hero

    response = editor_client.post(
        f"/admin/articles/article/{article.pk}/change/",
        _form_data(article, title="Fixed a typo in the title"),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Fixed a typo in the title"


def test_publishing_a_draft_with_an_ended_hero_photo_is_refused(editor_client):
    hero = make_photo(licence_ends_at=timezone.now() - timedelta(days=1))
    draft = make_article(
        status=Status.DRAFT, published_at=None, hero_photo=hero, categories=[make_category()]
    )

    response = editor_client.post(
        f"/admin/articles/article/{draft.pk}/change/", _form_data(draft, status="published")
    )

    assert response.status_code == 200
    assert "The hero photo&#x27;s licence ended on" in response.text
    assert "choose another photo before publishing." in response.text
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_scheduling_past_the_hero_photos_licence_end_is_refused(editor_client):
    hero = make_photo(licence_ends_at=timezone.now() + timedelta(days=1))
    draft = make_article(
        status=Status.DRAFT, published_at=None, hero_photo=hero, categories=[make_category()]
    )
    publish_at = _local(timezone.now() + timedelta(days=2))

    response = editor_client.post(
        f"/admin/articles/article/{draft.pk}/change/",
        _form_data(draft, status="published", published_at=publish_at),
    )

    assert response.status_code == 200
    assert "before the publish time: choose another photo." in response.text
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_the_publish_action_refuses_a_draft_with_an_ended_hero_photo(editor_client):
    hero = make_photo(licence_ends_at=timezone.now() - timedelta(days=1))
    draft = make_article(
        status=Status.DRAFT, published_at=None, hero_photo=hero, categories=[make_category()]
    )

    editor_client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


# ------------------------------------------------------------------ export and import


def test_photo_rights_survive_an_export_and_import(tmp_path, settings):
    ends = timezone.now() + timedelta(days=3)
    photo = make_photo(
        copyright_holder="Nordic Press",
        licence=Licence.OTHER,
        licence_terms="News use only",
        licence_ends_at=ends,
    )
    make_article(hero_photo=photo)
    folder = tmp_path / "export"
    call_command("export_news", str(folder), verbosity=0)
    assert json.loads((folder / "manifest.json").read_text())["version"] == 3
    _empty_the_site(Path(settings.MEDIA_ROOT))

    call_command("import_news", str(folder), verbosity=0)

    imported = Photo.objects.get()
    assert (
        imported.copyright_holder,
        imported.licence,
        imported.licence_terms,
        imported.licence_ends_at,
    ) == ("Nordic Press", Licence.OTHER, "News use only", ends)
    assert Article.objects.get().hero_photo == imported


def test_a_version_2_export_imports_its_photos_as_all_rights_reserved(tmp_path, settings):
    make_article(hero_photo=make_photo(copyright_holder="Nordic Press", licence=Licence.CC0))
    folder = tmp_path / "export"
    call_command("export_news", str(folder), verbosity=0)
    _empty_the_site(Path(settings.MEDIA_ROOT))
    photos = json.loads((folder / "photos.json").read_text())
    for row in photos:
        for name in ("copyright_holder", "licence", "licence_terms", "licence_ends_at"):
            del row[name]
    _rewrite_consistently(folder, "photos.json", photos)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["version"] = 2
    del manifest["files"]["people.json"]  # people came with version 3 too
    (folder / "people.json").unlink()
    (folder / "manifest.json").write_text(json.dumps(manifest))

    call_command("import_news", str(folder), verbosity=0)

    imported = Photo.objects.get()
    assert (imported.copyright_holder, imported.licence, imported.licence_ends_at) == (
        "",
        Licence.ALL_RIGHTS_RESERVED,
        None,
    )


def test_the_pre_publish_panel_names_ended_licences_as_advice_or_as_a_refusal(editor_client):
    ended = timezone.now() - timedelta(days=1)
    published = make_article(
        hero_photo=make_photo(licence_ends_at=ended), categories=[make_category()]
    )
    GalleryPhoto.objects.create(
        article=published, photo=make_photo(caption="Old pier", licence_ends_at=ended)
    )
    draft = make_article(
        status=Status.DRAFT,
        published_at=None,
        hero_photo=make_photo(licence_ends_at=ended),
        categories=[make_category()],
    )

    def panel(article: Article, **overrides: str) -> str:
        url = f"/admin/articles/article/{article.pk}/live-preview/"
        return editor_client.post(url, _form_data(article, **overrides)).json()["panel"]

    advice = panel(published)
    refusal = panel(draft, status="published")

    required, _sep, rest = advice.partition("Advice")
    assert "Everything publishing needs is there." in required
    assert "readers see the story without it. Choose another photo." in rest
    assert "The licence of the gallery photo “Old pier” ended on" in rest
    required, _sep, rest = refusal.partition("Advice")
    assert "choose another photo before publishing." in required
    assert "licence" not in rest  # said once, as what publishing needs


def _first_visit_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_article_page_costs_the_same_queries_for_one_gallery_photo_or_five(client):
    ended = timezone.now() - timedelta(days=1)
    counts = []
    for number in (1, 5):
        article = make_article(
            slug=f"gallery-{number}", hero_photo=make_photo(licence_ends_at=ended)
        )
        for position in range(number):
            photo = make_photo(licence_ends_at=ended if position % 2 else None)
            GalleryPhoto.objects.create(article=article, photo=photo, position=position)
        counts.append(_first_visit_queries(client, article.get_absolute_url()))

    assert counts[0] == counts[1]
