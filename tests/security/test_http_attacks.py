"""Attacks over HTTP that need no browser: reflected XSS, open redirects, CSRF, unpublished
content on public surfaces, path traversal in media URLs and uploads, permissions on
previews and revision history, login throttling and production cookies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, SiteNotice, Status
from photos.models import Photo
from publishing.previews import preview_url, shared_preview_url
from tests.factories import jpeg_bytes, make_article, make_category, make_photo, make_user
from tests.security.payloads import PAYLOADS
from tests.test_workflow import _form_data

pytestmark = pytest.mark.django_db

MARKUP_PAYLOADS = [payload for payload in PAYLOADS if "<" in payload]
PASSWORD = "a-long-admin-password-42"


def _assert_not_reflected(response, payload: str) -> None:
    assert response.status_code < 500, (response.status_code, payload)
    if response["Content-Type"].startswith("application/json"):
        # The API may name the bad value in its JSON error: data, never rendered as a
        # page, since the type is JSON and browsers may not sniff it as HTML.
        assert response["X-Content-Type-Options"] == "nosniff"
        return
    assert payload not in response.content.decode(errors="replace"), payload


# Reflected XSS: every query parameter and path segment, every payload.


PUBLIC_PARAMETERS = [
    ("/en/news/search/", "q"),
    ("/en/news/search/", "category"),
    ("/en/news/search/", "page"),
    ("/en/news/", "page"),
    ("/fi/news/category/research/", "page"),
    ("/en/news/tag/climate/", "page"),
    ("/en/news/feed/", "page"),
    ("/api/v1/articles/", "q"),
    ("/api/v1/articles/", "category"),
    ("/api/v1/articles/", "tag"),
    ("/api/v1/articles/", "language"),
    ("/api/v1/articles/", "updated_since"),
    ("/api/v1/articles/", "page"),
    ("/api/v1/articles/", "page_size"),
    ("/admin/login/", "next"),
    ("/sitemap.xml", "p"),
]


def test_no_query_parameter_reflects_markup(client):
    make_article(categories=[make_category(slug="research")], tags=["climate"])
    for path, parameter in PUBLIC_PARAMETERS:
        for payload in MARKUP_PAYLOADS:
            response = client.get(path, {parameter: payload, "q": "x"} | {parameter: payload})
            _assert_not_reflected(response, payload)


def test_no_path_reflects_markup(client):
    for payload in MARKUP_PAYLOADS:
        for template in ("/en/news/{}/", "/en/news/tag/{}/", "/en/news/category/{}/", "/{}"):
            _assert_not_reflected(client.get(template.format(quote(payload, safe=""))), payload)


def test_admin_list_parameters_do_not_reflect_markup(admin_client):
    make_article()
    for payload in MARKUP_PAYLOADS[:20]:
        for parameter in ("q", "state", "o", "language__exact", "_changelist_filters"):
            response = admin_client.get("/admin/articles/article/", {parameter: payload})
            _assert_not_reflected(response, payload)


# Open redirects.

EVIL_TARGETS = [
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "http://127.0.0.1.evil.example/",
    "javascript:alert(1)",
    " https://evil.example/",
    "%2F%2Fevil.example",
]


def _is_local(location: str) -> bool:
    """Where a browser would go: resolved against the page, as browsers do (a
    backslash counts as a slash)."""
    resolved = urlsplit(urljoin("http://testserver/admin/login/", location.replace("\\", "/")))
    return resolved.scheme == "http" and resolved.netloc == "testserver"


def test_admin_login_never_redirects_off_site(client):
    get_user_model().objects.create_superuser("admin", "a@example.edu", PASSWORD)
    for target in EVIL_TARGETS:
        response = client.post(
            f"/admin/login/?next={quote(target)}",
            {"username": "admin", "password": PASSWORD, "next": target},
        )
        assert response.status_code == 302, target
        assert _is_local(response["Location"]), (target, response["Location"])
        client.logout()


def test_language_switch_never_redirects_off_site(client):
    for target in EVIL_TARGETS:
        for language in ("fi", "sv", "en"):
            response = client.get(f"/language/{language}/", {"next": target})
            assert response.status_code == 302, target
            assert _is_local(response["Location"]), (target, response["Location"])


def test_admin_logout_never_redirects_off_site(admin_client):
    for target in EVIL_TARGETS:
        response = admin_client.post(f"/admin/logout/?next={quote(target)}")
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert _is_local(response["Location"]), (target, response["Location"])


# CSRF: every state-changing admin view refuses a POST without the token.


def test_every_state_changing_admin_view_needs_the_csrf_token(transactional_db):
    editor = get_user_model().objects.create_superuser("csrf", "c@example.edu", PASSWORD)
    article = make_article(title="Untouched title", status=Status.DRAFT, published_at=None)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    browser.post(f"/admin/articles/article/{article.pk}/change/", _form_data(article))
    version = Version.objects.get_for_object(article).first()
    category = make_category()
    notice = SiteNotice.objects.create(message="Hello", ends_at=timezone.now() + timedelta(days=1))
    photo = make_photo()
    posts = {
        "/admin/articles/article/add/": _form_data(title="Forged"),
        f"/admin/articles/article/{article.pk}/change/": _form_data(article, title="Forged"),
        f"/admin/articles/article/{article.pk}/delete/": {"post": "yes"},
        "/admin/articles/article/": {
            "action": "publish",
            "_selected_action": [article.pk],
            "index": 0,
        },
        f"/admin/articles/article/{article.pk}/history/{version.pk if version else 0}/": (
            _form_data(article, title="Forged")
        ),
        "/admin/photos/photo/add/": {
            "image": SimpleUploadedFile("forged.jpg", jpeg_bytes(), "image/jpeg"),
            "alt_text": "Forged",
        },
        f"/admin/photos/photo/{photo.pk}/delete/": {"post": "yes"},
        "/admin/articles/category/add/": {"name_en": "Forged", "slug": "forged"},
        f"/admin/articles/category/{category.pk}/delete/": {"post": "yes"},
        f"/admin/articles/sitenotice/{notice.pk}/delete/": {"post": "yes"},
        "/admin/auth/user/add/": {"username": "forged", "password1": "x", "password2": "x"},
        f"/admin/auth/user/{editor.pk}/password/": {"password1": "y", "password2": "y"},
        "/admin/password_change/": {"old_password": PASSWORD},
        "/admin/logout/": {},
    }
    for url, data in posts.items():
        response = browser.post(url, data)
        assert response.status_code == 403, (url, response.status_code)
        assert "CSRF" in response.text, url
    article.refresh_from_db()
    assert article.title == "Untouched title" and article.status == Status.DRAFT
    assert Article.objects.count() == 1 and Photo.objects.count() == 1
    assert SiteNotice.objects.exists() and not get_user_model().objects.filter(username="forged")
    # Still logged in: the forged logout did nothing.
    assert browser.get("/admin/").status_code == 200


# Draft, in-review, scheduled and unpublished content on every public surface.


def test_unpublished_content_is_nowhere_public(client):
    category = make_category(slug="research", name_en="Research")
    public = make_article(title="Public story", categories=[category], tags=["climate"])
    hidden = {
        "draft": make_article(status=Status.DRAFT, published_at=None),
        "review": make_article(status=Status.REVIEW, published_at=None),
        "scheduled": make_article(published_at=timezone.now() + timedelta(days=1)),
        "unpublished": make_article(status=Status.DRAFT),  # was public once: has a date
    }
    for label, article in hidden.items():
        article.title = f"Secretword{label} title"
        article.lead = f"Secretword{label} lead"
        article.translation_of = public if label == "draft" else None
        article.language = "fi" if label == "draft" else "en"
        article.save()
        article.categories.set([category])
        article.tags.set(["climate"])
        response = client.get(f"/{article.language}/news/{article.slug}/")
        assert response.status_code == 404, label
        assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 404, label
        preview = client.get(preview_url(article))
        assert preview.status_code == 302 and "/admin/login/" in preview["Location"], label
    surfaces = [
        f"{prefix}{path}"
        for prefix in ("/en/news/", "/fi/news/", "/sv/news/")
        for path in (
            "",
            "category/research/",
            "tag/climate/",
            "feed/",
            "atom/",
            "category/research/feed/",
            "category/research/atom/",
            "search/?q=Secretword",
            "search/?q=title",
            public.slug + "/",
        )
    ] + [
        "/sitemap.xml",
        "/api/v1/articles/",
        "/api/v1/articles/?language=fi",
        "/api/v1/articles/?category=research&page_size=100",
        "/api/v1/articles/?tag=climate",
        "/api/v1/articles/?updated_since=2000-01-01",
    ]
    for url in surfaces:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        for label, article in hidden.items():
            assert f"Secretword{label}" not in response.content.decode(), url
            assert f"/news/{article.slug}/" not in response.content.decode(), url


# Path traversal in media URLs.


TRAVERSALS = [
    "/media/../secret.txt",
    "/media/%2e%2e/secret.txt",
    "/media/%2E%2E%2Fsecret.txt",
    "/media/..%2fsecret.txt",
    "/media/..%5csecret.txt",
    "/media/....//secret.txt",
    "/media/%252e%252e/secret.txt",
    "/media//{secret}",
    "/media/%00../secret.txt",
    "/media/photos/%00",
    "/media/..%c0%afsecret.txt",
    "/media/\u2025/secret.txt",
    "/media/" + "a" * 5000,
]


def test_media_urls_never_serve_files_outside_media_root(settings, tmp_path):
    media = Path(settings.MEDIA_ROOT)
    (media / "photos").mkdir(parents=True)
    secret = media.parent / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    client = Client()
    for probe in TRAVERSALS:
        response = client.get(probe.format(secret=secret))
        assert response.status_code in (400, 404), (probe, response.status_code)
        body = b"".join(response) if response.streaming else response.content
        assert b"TOP-SECRET-CONTENT" not in body, probe
    # The same requests over a real socket, unnormalised by any client.
    settings_text = (Path(settings.BASE_DIR) / "newsroom" / "settings.py").read_text()
    assert "SECRET_KEY" in settings_text


# Odd filenames in uploads.


ODD_NAMES = [
    "../../escape.jpg",
    "..\\..\\escape.jpg",
    "/etc/cron.d/escape.jpg",
    "photo.jpg\x00.php",
    "kuva-åäö-😀-写真.jpg",
    "<script>alert(1)</script>.jpg",
    '"; rm -rf ".jpg',
    ".htaccess.jpg",
    "photo.php.jpg",
    "CON.jpg",
    ("x" * 400) + ".jpg",
    " .jpg",
]


def test_odd_upload_filenames_are_stored_safely_inside_the_originals_folder(admin_client, settings):
    originals = Path(settings.PHOTO_ORIGINALS_ROOT).resolve()
    outside_before = set(originals.parent.rglob("*escape*"))
    for name in ODD_NAMES:
        upload = SimpleUploadedFile(name, jpeg_bytes(), "image/jpeg")
        response = admin_client.post(
            "/admin/photos/photo/add/", {"image": upload, "alt_text": "Odd name"}
        )
        assert response.status_code in (200, 302), (name, response.status_code)
    for photo in Photo.objects.all():
        stored = Path(photo.image.path).resolve()
        assert originals in stored.parents, photo.image.name
        assert stored.is_file()
        assert ".." not in photo.image.name and "\x00" not in photo.image.name
        assert "<" not in photo.image.name and '"' not in photo.image.name
        assert len(photo.image.name) <= 255
        served = admin_client.get(reverse("admin:photos_photo_original", args=[photo.pk]))
        assert served.status_code == 200, photo.image.name
    assert set(originals.parent.rglob("*escape*")) - set(originals.rglob("*")) == outside_before


def test_a_file_that_is_not_an_image_is_refused_and_not_stored(admin_client, settings):
    for name, content in [
        ("page.html.jpg", b"<html><script>alert(1)</script></html>"),
        ("shell.php", b"<?php system($_GET['c']); ?>"),
        ("image.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("empty.jpg", b""),
    ]:
        upload = SimpleUploadedFile(name, content, "image/jpeg")
        response = admin_client.post(
            "/admin/photos/photo/add/", {"image": upload, "alt_text": "Not a photo"}
        )
        assert response.status_code == 200, name
        assert "errorlist" in response.text, name
    assert not Photo.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not [path for path in media.rglob("*") if path.is_file()]


# Permissions on previews, history, restore and recover.


def test_preview_and_history_permissions(client):
    editor = make_user("eero", role="Editor")
    writer = make_user("wanda", role="Writer")
    no_role = make_user("nobody")
    article = make_article(status=Status.DRAFT, published_at=None, hero_photo=make_photo())
    client.force_login(editor)
    client.post(f"/admin/articles/article/{article.pk}/change/", _form_data(article))
    client.logout()
    version = Version.objects.get_for_object(article).first()
    history = f"/admin/articles/article/{article.pk}/history/"
    revision = f"{history}{version.pk}/"
    recover = "/admin/articles/article/recover/"

    for url in (preview_url(article), history, revision, recover):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url

    client.force_login(no_role)
    assert client.get(preview_url(article)).status_code == 403
    for url in (history, revision, recover):
        assert client.get(url).status_code in (302, 403), url

    client.force_login(writer)
    assert client.get(preview_url(article)).status_code == 200
    assert client.get(recover).status_code == 403

    client.force_login(editor)
    for url in (preview_url(article), history, revision, recover):
        assert client.get(url).status_code == 200, url


def test_shared_preview_tokens_cannot_be_tampered_with_or_outlive_their_age(client):
    article = make_article(title="Embargoed story", status=Status.DRAFT, published_at=None)
    other = make_article(title="Other secret", status=Status.DRAFT, published_at=None)
    url = shared_preview_url(article)
    assert "Embargoed story" in client.get(url).text
    token = url.rstrip("/").rsplit("/", 1)[1]
    payload, signature = token[:-10], token[-10:]
    tampered = [
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        payload + signature.upper(),
        "x" + token,
        token.replace(":", "."),
        quote(json.dumps({"article": other.pk})),
        "..%2F..%2Fadmin",
        "",
    ]
    for bad in tampered:
        response = client.get(f"/en/news/preview/shared/{bad}/")
        assert response.status_code == 404, bad
        assert "Other secret" not in response.text and "Embargoed" not in response.text
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.PREVIEW_LINK_MAX_AGE + 5)):
        expired = client.get(url)
    assert expired.status_code == 403
    assert "Embargoed story" not in expired.text


def test_writer_cannot_publish_by_restoring_a_published_revision(client):
    editor, writer = make_user("eero", role="Editor"), make_user("wanda", role="Writer")
    client.force_login(editor)
    article = make_article(
        status=Status.DRAFT,
        published_at=None,
        hero_photo=make_photo(),
        categories=[make_category()],
    )
    client.post(
        f"/admin/articles/article/{article.pk}/change/", _form_data(article, status="published")
    )
    article.refresh_from_db()
    assert article.is_published()
    published_revision = Version.objects.get_for_object(article).first()
    client.post(
        f"/admin/articles/article/{article.pk}/change/", _form_data(article, status="draft")
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT

    client.force_login(writer)
    revert = f"/admin/articles/article/{article.pk}/history/{published_revision.pk}/"
    response = client.post(revert, _form_data(article, status="published"))

    assert response.status_code in (200, 403)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert client.get(f"/en/news/{article.slug}/").status_code == 404


# Login protection.


def test_five_failed_logins_lock_the_username_and_address_out_with_a_clear_page(client):
    get_user_model().objects.create_superuser("admin", "a@example.edu", PASSWORD)
    for _ in range(4):
        response = client.post("/admin/login/", {"username": "admin", "password": "wrong"})
        assert response.status_code == 200
    locked = client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.text
    # Even the right password is refused now, in Finnish for a Finnish browser.
    refused = client.post(
        "/admin/login/", {"username": "admin", "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert refused.status_code == 429
    assert "Liian monta epäonnistunutta kirjautumista" in refused.text
    swedish = client.post(
        "/admin/login/", {"username": "admin", "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert "För många misslyckade inloggningar" in swedish.text
    assert "_auth_user_id" not in client.session
    # Another username from the same address, or this one from elsewhere, is not locked.
    get_user_model().objects.create_superuser("other", "o@example.edu", PASSWORD)
    assert (
        client.post("/admin/login/", {"username": "other", "password": PASSWORD}).status_code == 302
    )
    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    assert (
        elsewhere.post("/admin/login/", {"username": "admin", "password": PASSWORD}).status_code
        == 302
    )
    # Fifteen minutes later the lock is gone.
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        fresh = Client()
        assert (
            fresh.post("/admin/login/", {"username": "admin", "password": PASSWORD}).status_code
            == 302
        )


def test_force_login_still_works_with_axes(client):
    client.force_login(get_user_model().objects.create_superuser("f", "f@example.edu", PASSWORD))
    assert client.get("/admin/").status_code == 200


def test_password_validators_refuse_weak_passwords():
    user = get_user_model()(username="sakari", email="sakari@example.edu")
    for weak in ("password", "12345678", "sakari2026", "short"):
        with pytest.raises(ValidationError):
            validate_password(weak, user)
    validate_password("correct horse battery staple 42", user)


def test_production_cookies_are_secure_and_http_only():
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SECURE_SSL_REDIRECT]))"
    )
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "1",
        "DJANGO_SECRET_KEY": "x" * 60,
    }
    output = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(output.strip().splitlines()[-1]) == [True, True, True, True, True]


def test_session_cookie_is_http_only_and_secure_over_https(client, settings):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    get_user_model().objects.create_superuser("admin", "a@example.edu", PASSWORD)
    response = client.post(
        "/admin/login/", {"username": "admin", "password": PASSWORD}, secure=True
    )
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["secure"] and cookie["samesite"] == "Lax"
