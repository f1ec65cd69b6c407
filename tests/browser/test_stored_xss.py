"""Stored XSS in a real browser: every payload of the shared corpus
(tests/security/payloads.py) in every field an editor can type into, and every page that
shows them visited in Chromium. Nothing may run: no dialog opens, the canary
`window.__xss` stays unset, and no element carries an event handler or a javascript: URL.

The browser ignores the Content-Security-Policy here (`bypass_csp`), so what is tested is
the escaping and the sanitiser alone; the policy is a second wall behind them
(tests/browser/test_content_security_policy.py). Many payloads share each page, so the
whole corpus is checked in a few dozen page loads.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from lxml import etree
from playwright.sync_api import Browser, BrowserContext, Page

from articles.models import Article, ArticleAuthor, ArticleContact, GalleryPhoto, Person
from tests.browser.conftest import TIMEOUT_MS
from tests.factories import make_category, make_photo
from tests.security.payloads import PAYLOADS

PASSWORD = "a-long-admin-password-42"
LANGUAGES = ("en", "fi", "sv")

# What a page's DOM may not contain once rendered: an inline event handler anywhere, or
# a link, frame, form or embed whose URL would run script.
DOM_AUDIT = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(element.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'].includes(name)
          && (value.startsWith('javascript:') || value.startsWith('vbscript:')
              || value.startsWith('data:text/html'))) {
        found.push(element.tagName + ' ' + name + '=' + attribute.value);
      }
    }
    const tag = element.tagName;
    if (['IFRAME', 'OBJECT', 'EMBED', 'BASE'].includes(tag)) found.push(tag);
  }
  return found;
}"""


@pytest.fixture
def context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    browser_context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        bypass_csp=True,
        viewport={"width": 1280, "height": 900},
    )
    browser_context.set_default_timeout(TIMEOUT_MS)
    yield browser_context
    browser_context.close()


def _seed() -> list[Article]:
    articles = []
    for number, payload in enumerate(PAYLOADS):
        language = LANGUAGES[number % 3]
        category = make_category(
            slug=f"xss-category-{number}",
            name_en=payload[:100],
            name_fi=payload[:100],
            name_sv=payload[:100],
        )
        photo = make_photo(alt_text=payload[:300], caption=payload, credit=payload[:200])
        article = Article.objects.create(
            title=f"Xssprobe {number} {payload}"[:200],
            slug=f"xss-probe-{number}",
            language=language,
            lead=f"Xssprobe lead {payload}",
            body=f"<p>Xssprobe body</p>{payload}<p>{payload}</p>",
            hero_photo=photo,
            hero_caption=payload,
            status="published",
            published_at="2026-01-01T10:00:00+00:00",
        )
        article.categories.set([category])
        article.tags.set([payload[:100]])
        GalleryPhoto.objects.create(article=article, photo=photo, caption=payload, position=0)
        person = Person.objects.create(
            name=payload[:200],
            slug=f"xss-person-{number}",
            **{f"{name}_{language}": payload[:200] for name in ("title", "unit", "bio")},
        )
        ArticleAuthor.objects.create(article=article, person=person)
        ArticleContact.objects.create(article=article, person=person)
        articles.append(article)
    return articles


class Visits:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        page.on("dialog", self._on_dialog)
        # The canary exists before any page script, so a payload can only ever set it.
        page.add_init_script("window.__xss = undefined;")

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message} on {self.page.url}")
        dialog.dismiss()

    def check(self, url: str, *, audit_dom: bool = True) -> None:
        response = self.page.goto(url)
        assert response is not None and response.status == 200, (url, response and response.status)
        # Let timers, autofocus and animations (onbegin, ontoggle, onstart) have their go.
        self.page.mouse.move(300, 300)
        self.page.keyboard.press("Tab")
        self.page.wait_for_timeout(150)
        assert self.page.evaluate("window.__xss") is None, f"a payload ran on {url}"
        assert self.dialogs == [], self.dialogs
        if audit_dom:
            assert self.page.evaluate(DOM_AUDIT) == [], url


def test_no_stored_payload_runs_on_any_public_page(page: Page, live_server):
    articles = _seed()
    visits = Visits(page)
    for article in articles:
        visits.check(article.get_absolute_url())
    for language in LANGUAGES:
        for number in (1, 2):  # the cards: 23-24 articles a language, 12 a page
            visits.check(f"/{language}/news/?page={number}" if number > 1 else f"/{language}/news/")
        visits.check(f"/{language}/news/search/?q=Xssprobe")
        visits.check(f"/{language}/news/search/?q=Xssprobe&page=2")
    for article in articles[:12]:
        visits.check(f"/{article.language}/news/category/{article.categories.get().slug}/")
        visits.check(f"/{article.language}/news/tag/{article.tags.get().slug}/")
        visits.check(f"/{article.language}/news/author/{article.authors.get().person.slug}/")


def test_feeds_carry_no_raw_markup(page: Page, live_server):
    _seed()
    for language in LANGUAGES:
        for kind in ("feed", "atom"):
            response = page.request.get(f"/{language}/news/{kind}/")
            assert response.status == 200
            raw = response.body()
            root = etree.fromstring(raw)
            # Titles and summaries are text: the parser finds no element inside them, and
            # no raw "<script" appears anywhere in the document.
            assert b"<script" not in raw.lower()
            items = root.findall(".//item") + root.findall(".//{http://www.w3.org/2005/Atom}entry")
            assert items, kind
            for item in items:
                for field in item:
                    tag = etree.QName(field).localname
                    if tag in {"title", "description", "summary"}:
                        assert len(field) == 0, (kind, tag)


def test_no_stored_payload_runs_in_the_admin(page: Page, live_server):
    articles = _seed()
    get_user_model().objects.create_superuser("admin", "admin@example.edu", PASSWORD)
    visits = Visits(page)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    # The admin's own pages have its own scripts and handlers: only the canary and
    # dialogs are checked there.
    for url in (
        "/admin/articles/article/",
        "/admin/articles/article/?q=Xssprobe",
        "/admin/photos/photo/",
        "/admin/articles/category/",
        "/admin/articles/person/",
        "/admin/taggit/tag/",
        *(f"/admin/articles/article/{article.pk}/change/" for article in articles[::10]),
        *(f"/admin/articles/article/{article.pk}/history/" for article in articles[::20]),
    ):
        visits.check(url, audit_dom=False)
