"""Previews of unpublished articles: for staff from the change form, and by a signed,
expiring link for a reviewer without an account."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone

from articles.models import Status
from publishing.previews import PREVIEW_SALT, preview_url, shared_preview_url
from tests.factories import make_article, make_category, make_photo, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return make_article(
        title="Secret draft about the new campus",
        status=Status.DRAFT,
        published_at=None,
        hero_photo=make_photo(alt_text="The new campus from above"),
        categories=[make_category(name_en="University")],
        body="<h2>Plans</h2><p>Building starts in <strong>spring</strong>.</p>",
    )


def _assert_never_cached(response) -> None:
    cache_control = response["Cache-Control"]
    for directive in ("no-cache", "no-store", "private", "max-age=0"):
        assert directive in cache_control


def test_staff_preview_renders_a_draft_with_the_public_article_template(client, draft):
    client.force_login(make_user("wanda", role="Writer"))

    response = client.get(preview_url(draft))

    assert response.status_code == 200
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    page = response.text
    assert '<h1 class="article__title">Secret draft about the new campus</h1>' in page
    assert "<h2>Plans</h2><p>Building starts in <strong>spring</strong>.</p>" in page
    assert 'alt="The new campus from above"' in page
    assert "Preview of the article as readers will see it. Status: Draft." in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    _assert_never_cached(response)


def test_public_address_of_a_draft_is_still_404(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_preview_is_in_the_articles_own_language(client):
    finnish = make_article(title="Luonnos", language="fi", status=Status.DRAFT)
    client.force_login(make_user("wanda", role="Writer"))

    response = client.get(preview_url(finnish))

    assert preview_url(finnish).startswith("/fi/news/preview/")
    assert '<html lang="fi">' in response.text


def test_staff_preview_asks_anonymous_visitors_to_log_in(client, draft):
    response = client.get(preview_url(draft))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_staff_preview_is_refused_to_users_without_the_permission(client, draft):
    client.force_login(make_user("nobody"))  # staff, but no role
    response = client.get(preview_url(draft))
    assert response.status_code == 403
    assert "You are not allowed to preview articles." in response.text

    member = get_user_model().objects.create_user("reader", password="pw")
    client.force_login(member)
    assert client.get(preview_url(draft)).status_code == 403


def test_change_form_links_to_the_preview_and_a_shareable_link(client, draft):
    client.force_login(make_user("wanda", role="Writer"))

    page = client.get(f"/admin/articles/article/{draft.pk}/change/").text

    assert f'href="{preview_url(draft)}"' in page
    assert "http://testserver/en/news/preview/shared/" in page
    assert "it works for 7 days" in page


def test_shared_link_opens_the_preview_without_an_account(client, draft):
    response = client.get(shared_preview_url(draft))

    assert response.status_code == 200
    assert "Secret draft about the new campus" in response.text
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    _assert_never_cached(response)


def test_shared_link_expires_after_seven_days(client, draft):
    url = shared_preview_url(draft)

    with time_machine.travel(timezone.now() + timedelta(days=7) - timedelta(minutes=1)):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client.get(url)

    assert response.status_code == 403
    assert "This preview link has expired. Ask the editor for a new one." in response.text
    assert "Secret draft" not in response.text


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda token: token[:-2] + ("AA" if token[-2:] != "AA" else "BB"), id="sig"),
        pytest.param(lambda token: token + "x", id="appended"),
        pytest.param(lambda token: "not-a-token", id="garbage"),
        pytest.param(
            lambda token: signing.dumps({"article": 1}, salt="another.salt"), id="other-salt"
        ),
        pytest.param(
            lambda token: signing.dumps({"article": "1"}, salt=PREVIEW_SALT), id="bad-payload"
        ),
    ],
)
def test_tampered_shared_link_is_a_clear_404(client, draft, tamper):
    token = shared_preview_url(draft).rstrip("/").rsplit("/", 1)[1]

    response = client.get(f"/en/news/preview/shared/{tamper(token)}/")

    assert response.status_code == 404
    assert "Preview not available" in response.text
    assert "Secret draft" not in response.text


def test_shared_link_of_a_deleted_article_is_a_clear_404(client, draft):
    url = shared_preview_url(draft)
    draft.delete()

    response = client.get(url)

    assert response.status_code == 404
    assert "The article of this preview link no longer exists." in response.text


def test_shared_link_of_another_article_id_cannot_be_forged(client, draft):
    other = make_article(title="Another secret draft", status=Status.DRAFT)
    token = shared_preview_url(draft).rstrip("/").rsplit("/", 1)[1]
    forged = token.replace(str(draft.pk), str(other.pk))

    response = client.get(f"/en/news/preview/shared/{forged}/")

    assert "Another secret draft" not in response.text


def test_view_on_site_leads_to_the_preview_until_the_article_is_public(client, draft):
    client.force_login(make_user("eero", role="Editor"))
    published = make_article(title="Public story")

    draft_form = client.get(f"/admin/articles/article/{draft.pk}/change/").text
    public_form = client.get(f"/admin/articles/article/{published.pk}/change/").text

    assert f'href="{preview_url(draft)}" class="viewsitelink"' in draft_form
    assert f'href="{published.get_absolute_url()}" class="viewsitelink"' in public_form
