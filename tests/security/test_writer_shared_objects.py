"""A Writer cannot change what a published or scheduled article shows, through any of
the objects it shares: photos, categories, tags, media contacts, related links."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, ArticleContact, Category, GalleryPhoto, Status
from photos.models import Photo
from tests.factories import (
    jpeg_bytes,
    link,
    make_article,
    make_category,
    make_person,
    make_photo,
    make_user,
)
from tests.test_workflow import _form_data

pytestmark = pytest.mark.django_db

REFUSAL = "so only editors can change it"


def _client(role: str) -> Client:
    client = Client()
    client.force_login(make_user(f"user-{role.lower()}", role=role))
    return client


def _photo_change(photo: Photo, **changes: Any) -> dict[str, Any]:
    data = {
        "alt_text": photo.alt_text,
        "caption": photo.caption,
        "credit": photo.credit,
        "focal_x": "" if photo.focal_x is None else photo.focal_x,
        "focal_y": "" if photo.focal_y is None else photo.focal_y,
    }
    return data | changes


PHOTO_CHANGES = {
    "caption": {"caption": "Changed by a writer"},
    "credit": {"credit": "Someone else"},
    "alt text": {"alt_text": "A different description"},
    "focal point": {"focal_x": "0.1", "focal_y": "0.9"},
    "file": {"image": "new-file"},
}


def _live_use(role: str, photo: Photo) -> Article:
    """A published article that shows `photo` as `role` (and needs nothing else)."""
    article = make_article(categories=[make_category()])
    if role == "hero":
        article.hero_photo = photo
        article.save()
    elif role == "gallery":
        GalleryPhoto.objects.create(article=article, photo=photo, position=0)
    else:
        article.social_image = photo
        article.save()
    return article


@pytest.mark.parametrize("role", ["hero", "gallery", "social"])
@pytest.mark.parametrize("change", PHOTO_CHANGES)
def test_a_writer_cannot_change_a_photo_that_a_published_article_shows(role, change):
    photo = make_photo()
    article = _live_use(role, photo)
    before = Photo.objects.values().get(pk=photo.pk)
    page_before = Client().get(article.get_absolute_url()).text
    changes = dict(PHOTO_CHANGES[change])
    if "image" in changes:
        changes["image"] = SimpleUploadedFile("new.jpg", jpeg_bytes(900, 600), "image/jpeg")
    url = reverse("admin:photos_photo_change", args=[photo.pk])
    writer = _client("Writer")

    response = writer.post(url, _photo_change(photo, **changes))

    assert response.status_code == 302 and response["Location"] == url
    assert Photo.objects.values().get(pk=photo.pk) == before
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(REFUSAL in m and article.title in m for m in messages), messages
    assert Client().get(article.get_absolute_url()).text == page_before
    # The photo's page says why, and offers no Save button.
    page = writer.get(url).text
    assert REFUSAL in page and 'name="_save"' not in page


def test_a_writer_cannot_change_a_photo_of_a_scheduled_article_either():
    photo = make_photo()
    make_article(
        hero_photo=photo,
        categories=[make_category()],
        published_at=timezone.now() + timedelta(days=1),
    )
    url = reverse("admin:photos_photo_change", args=[photo.pk])

    _client("Writer").post(url, _photo_change(photo, caption="Early change"))

    photo.refresh_from_db()
    assert photo.caption != "Early change"


def test_a_writer_may_change_a_photo_that_only_drafts_use_and_an_editor_any_photo():
    draft_photo, live_photo = make_photo(), make_photo()
    make_article(status=Status.DRAFT, published_at=None, hero_photo=draft_photo)
    _live_use("hero", live_photo)

    writer = _client("Writer").post(
        reverse("admin:photos_photo_change", args=[draft_photo.pk]),
        _photo_change(draft_photo, caption="Better caption"),
    )
    editor = _client("Editor").post(
        reverse("admin:photos_photo_change", args=[live_photo.pk]),
        _photo_change(live_photo, caption="Checked by an editor"),
    )

    assert writer.status_code == editor.status_code == 302
    draft_photo.refresh_from_db()
    live_photo.refresh_from_db()
    assert draft_photo.caption == "Better caption"
    assert live_photo.caption == "Checked by an editor"


def test_a_writer_cannot_change_or_add_categories_and_tags():
    category = make_category(name_en="Research")
    make_article(categories=[category], tags=["climate"])
    tag = Tag.objects.get(name="climate")
    writer = _client("Writer")

    responses = [
        writer.post(
            reverse("admin:articles_category_change", args=[category.pk]),
            {"name_en": "Hijacked", "slug": category.slug, "order": 0},
        ),
        writer.post(reverse("admin:articles_category_add"), {"name_en": "New", "slug": "new"}),
        writer.post(
            reverse("admin:taggit_tag_change", args=[tag.pk]), {"name": "hijacked", "slug": "x"}
        ),
        writer.post(reverse("admin:taggit_tag_add"), {"name": "new", "slug": "new"}),
    ]

    assert [r.status_code for r in responses] == [403, 403, 403, 403]
    assert Category.objects.get(pk=category.pk).name_en == "Research"
    assert list(Tag.objects.values_list("name", flat=True)) == ["climate"]


def test_a_writer_cannot_change_the_contacts_links_or_gallery_of_a_published_article():
    article = make_article(categories=[make_category()], hero_photo=make_photo())
    other = make_article()
    link(article, other)
    press = make_person("Press Officer", email="p@example.edu")
    ArticleContact.objects.create(article=article, person=press)
    data = _form_data(article)
    data |= {
        "contacts-TOTAL_FORMS": "1",
        "contacts-0-person": make_person("Somebody Else").pk,
        "authors-TOTAL_FORMS": "1",
        "authors-0-person": make_person("Somebody Else Again").pk,
        "related_links-TOTAL_FORMS": "1",
        "related_links-0-target": make_article().pk,
        "gallery-TOTAL_FORMS": "1",
        "gallery-0-photo": make_photo().pk,
    }

    response = _client("Writer").post(
        reverse("admin:articles_article_change", args=[article.pk]), data
    )

    assert response.status_code == 403
    assert list(article.contacts.values_list("person__name", flat=True)) == ["Press Officer"]
    assert not article.authors.exists()
    assert list(article.related_links.values_list("target", flat=True)) == [other.pk]
    assert not article.gallery.exists()
    # None of the shared parts has an admin page of its own to go around the article.
    writer = _client("Editor")
    for model in ("articleauthor", "articlecontact", "relatedlink", "galleryphoto"):
        assert writer.get(f"/admin/articles/{model}/").status_code == 404
