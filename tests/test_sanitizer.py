"""Nothing an author types can run in a reader's browser.

Each payload of a corpus of cross-site-scripting attacks goes into an article's body,
title, lead, hero caption, photo caption and alt text and gallery caption; every page
that shows them (the article, the news index, the category page, the preview, the
admin's list and change form) is then parsed with a real HTML parser and audited for
anything executable.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django_prose_editor.config import allowlist_from_extensions

from articles.models import GalleryPhoto, Status
from articles.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ALLOWED_URL_SCHEMES,
    EDITOR_EXTENSIONS,
    sanitize_html,
)
from publishing.previews import preview_url
from tests.factories import make_article, make_category, make_photo

# The shared corpus, also used by the browser attack suite and the reflected-XSS probes.
from tests.security.payloads import PAYLOADS

pytestmark = pytest.mark.django_db

# What a page may load or link to: our own files, the web, mail and phone links.
SAFE_URL = re.compile(r"^(/|#|\?|https?://|mailto:|tel:)", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "cite"}
FORBIDDEN_TAGS = {"iframe", "frame", "object", "embed", "applet", "base", "form", "style"}
# Django's admin has forms of its own; its pages are audited without the form rule.
ADMIN_TAGS = {"form"}
# The article form's one frame of its own: the live preview, written by its script,
# with no address (templates/publishing/live_preview_pane.html).
LIVE_PREVIEW_FRAME = {"class": "live-preview__frame", "name": "live-preview"}


class _Audit(HTMLParser):
    """Collects everything on a page that could run script."""

    def __init__(self, allowed_tags: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed_tags = allowed_tags
        self.problems: list[str] = []
        self.live_preview_frames = 0
        self._in_inline_script = False

    def _is_the_live_preview_frame(self, tag: str, attributes: dict[str, str | None]) -> bool:
        own = {name: attributes.get(name) for name in LIVE_PREVIEW_FRAME}
        return (
            "form" in self.allowed_tags  # an admin page
            and tag == "iframe"
            and own == LIVE_PREVIEW_FRAME
            and not {"src", "srcdoc"} & set(attributes)
            and self.live_preview_frames == 0  # one, never a second
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self._is_the_live_preview_frame(tag, attributes):
            self.live_preview_frames += 1
        elif tag in FORBIDDEN_TAGS - self.allowed_tags:
            self.problems.append(f"<{tag}> element")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("meta refresh")
        if tag == "script":
            source = attributes.get("src")
            # Scripts of our own origin only (static files, the admin's jsi18n).
            if source is not None and not re.match(r"^/(?!/)", source):
                self.problems.append(f"script from {source!r}")
            # JSON-LD is data the browser never runs; a payload that broke out of it
            # would start a new <script> here and be caught as an inline script.
            is_data = attributes.get("type") == "application/ld+json"
            self._in_inline_script = source is None and not is_data
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
            if name == "style" and value and re.search(r"url|expression", value, re.I):
                self.problems.append(f"<{tag} style={value!r}>")
            if name in URL_ATTRIBUTES and value is not None:
                # Browsers ignore tabs, newlines and leading blanks in URLs.
                url = re.sub(r"[\x00-\x20]", "", value)
                if url and not SAFE_URL.match(url):
                    self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data: str) -> None:
        if self._in_inline_script and re.search(r"alert|msgbox", data):
            self.problems.append(f"inline script {data[:60]!r}")


def _audit(html: str, *, admin: bool = False) -> list[str]:
    audit = _Audit(ADMIN_TAGS if admin else set())
    audit.feed(html)
    audit.close()
    return audit.problems


def test_the_audit_catches_what_it_looks_for():
    """The audit itself can fail: it finds each kind of attack in unsanitised HTML."""
    for dangerous in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href=" jav\tascript:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        '<iframe src="https://example.org"></iframe>',
        '<meta http-equiv="refresh" content="0;url=/">',
        '<p style="background:url(x)">',
        '<script src="https://evil.example/x.js"></script>',
    ]:
        assert _audit(dangerous), dangerous
    assert _audit('<p><a href="https://example.org">x</a><img src="/media/x.jpg"></p>') == []
    # In the admin, the live preview's own frame passes; one with an address, or a
    # second one, does not.
    frame = '<iframe class="live-preview__frame" name="live-preview" title="t"></iframe>'
    assert _audit(frame, admin=True) == []
    assert _audit(frame + frame, admin=True) == ["<iframe> element"]
    assert _audit(frame.replace('title="t"', 'src="/x"'), admin=True) == ["<iframe> element"]
    assert _audit(frame) == ["<iframe> element"]  # never on a public page


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.edu", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("payload", PAYLOADS, ids=[f"payload-{n:02}" for n in range(len(PAYLOADS))])
def test_no_payload_survives_into_any_rendered_page(staff_client, client, payload):
    category = make_category(name_en="Studies", slug="studies")
    photo = make_photo(alt_text=f"Alt {payload}", caption=f"Photo caption {payload}")
    article = make_article(
        title=f"Title {payload}"[:200],
        lead=f"Lead {payload}",
        body=f"<p>Body</p>{payload}<p>End</p>",
        hero_photo=photo,
        hero_caption="",  # the photo's own caption is shown
        categories=[category],
        status=Status.PUBLISHED,
    )
    GalleryPhoto.objects.create(article=article, photo=make_photo(), caption=f"Gallery {payload}")
    other = make_article(title="Neighbour", categories=[category], hero_photo=photo)

    public_pages = {
        "article": client.get(article.get_absolute_url()),
        "neighbour with related card": client.get(other.get_absolute_url()),
        "index": client.get("/en/news/"),
        "category": client.get("/en/news/category/studies/"),
        "preview": staff_client.get(preview_url(article)),
    }
    admin_pages = {
        "admin list": staff_client.get("/admin/articles/article/"),
        "admin change form": staff_client.get(f"/admin/articles/article/{article.pk}/change/"),
        "admin photo list": staff_client.get("/admin/photos/photo/"),
    }

    for name, response in public_pages.items():
        assert response.status_code == 200, name
        assert _audit(response.text) == [], name
    for name, response in admin_pages.items():
        assert response.status_code == 200, name
        assert _audit(response.text, admin=True) == [], name
    # The plain-text fields are shown as the text that was typed, not as markup.
    assert "Title" in public_pages["article"].text
    article.refresh_from_db()
    assert _audit(article.body) == []


def test_titles_leads_and_captions_are_plain_text(client):
    article = make_article(
        title="Fish <em>and</em> chips",
        lead="Lead with <strong>markup</strong>",
        hero_photo=make_photo(caption="Caption <b>bold</b>"),
    )

    page = client.get(article.get_absolute_url()).text

    assert "Fish &lt;em&gt;and&lt;/em&gt; chips" in page
    assert "Lead with &lt;strong&gt;markup&lt;/strong&gt;" in page
    assert "Caption &lt;b&gt;bold&lt;/b&gt;" in page


def test_body_keeps_the_formatting_news_needs():
    html = (
        "<h2>Sub</h2><h3>Subsub</h3><h4>Small</h4><p><strong>b</strong> <em>i</em><br>"
        '<a href="https://example.org/x" title="Example">link</a></p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote>"
    )

    cleaned = sanitize_html(html)

    assert cleaned == html.replace(
        '<a href="https://example.org/x" title="Example">',
        '<a href="https://example.org/x" title="Example" rel="noopener noreferrer">',
    )


def test_links_to_other_sites_get_rel_noopener_and_lose_target_and_their_own_rel():
    cleaned = sanitize_html(
        '<p><a href="https://other.example/" target="_blank" rel="opener">x</a></p>'
    )

    assert cleaned == '<p><a href="https://other.example/" rel="noopener noreferrer">x</a></p>'


def test_editor_offers_nothing_the_allow_list_would_strip():
    """One allow-list: the editor's toolbar (EDITOR_EXTENSIONS) stays inside it."""
    editor = allowlist_from_extensions(EDITOR_EXTENSIONS)

    assert editor["tags"] <= ALLOWED_TAGS
    assert {"h1", "h5", "h6", "img", "table", "pre", "span"}.isdisjoint(editor["tags"])
    assert set(editor["url_schemes"]) == ALLOWED_URL_SCHEMES
    # The editor's own link attributes (rel, target) are replaced by the sanitiser's rel.
    assert editor["attributes"]["a"] - {"rel", "target"} <= ALLOWED_ATTRIBUTES["a"]


def test_an_empty_editor_stores_an_empty_body():
    assert sanitize_html("<p></p>") == ""
    assert sanitize_html("<script>x</script>") == ""
