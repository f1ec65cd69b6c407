"""The site in Finnish, Swedish and English: every public page type rendered in each
language with no interface text left in English, dates in the language's format,
category names in the page's language, and `/` following a remembered choice."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.views.defaults import server_error

from articles.models import Article, Category, GalleryPhoto, SiteNotice
from tests.factories import link, make_article, make_category, make_person, make_photo

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")

# Content in each language, so that whatever English is left on a Finnish or Swedish
# page can only come from the interface.
CONTENT = {
    "en": {
        "category": "Studies",
        "titles": ["New master's programme", "Robotics cup", "Campus opens"],
        "tag": "robotics",
        "lead": "The university starts a programme in data science.",
        "contact": ("Anna Virtanen", "Professor of Data Science"),
        "credit": "Veikko Photographer",
    },
    "fi": {
        "category": "Opiskelu",
        "titles": ["Uusi maisteriohjelma", "Robotiikkacup", "Kampus avautuu"],
        "tag": "robotiikka",
        "lead": "Yliopisto aloittaa datatieteen maisteriohjelman.",
        "contact": ("Anna Virtanen", "Datatieteen professori"),
        "credit": "Veikko Kuvaaja",
    },
    "sv": {
        "category": "Studier",
        "titles": ["Nytt magisterprogram", "Robotikcupen", "Campus öppnar"],
        "tag": "robotik",
        "lead": "Universitetet startar ett magisterprogram i datavetenskap.",
        "contact": ("Anna Virtanen", "Professor i datavetenskap"),
        "credit": "Veikko Fotograf",
    },
}


@dataclass
class Site:
    language: str
    article: Article
    category: Category


@pytest.fixture
def site(request) -> Callable[[str], Site]:
    def build(language: str) -> Site:
        """One language's news: a full article (hero photo, gallery, contacts, tags,
        update, related news), enough articles for a second page, and a notice."""
        text = CONTENT[language]
        category = make_category(
            name_en=CONTENT["en"]["category"],
            name_fi=CONTENT["fi"]["category"],
            name_sv=CONTENT["sv"]["category"],
            description_en="News about studying.",
            description_fi="Uutisia opiskelusta.",
            description_sv="Nyheter om studier.",
            slug=f"studies-{language}",
        )
        photo = make_photo(alt_text=text["lead"], caption=text["titles"][0], credit=text["credit"])
        published = timezone.now() - timedelta(days=2)
        person = make_person(
            text["contact"][0], phone="+358 50 1", **{f"title_{language}": text["contact"][1]}
        )
        article = make_article(
            title=text["titles"][0],
            slug=f"story-{language}",
            language=language,
            lead=text["lead"],
            body=f"<p>{text['lead']}</p>",
            hero_photo=photo,
            published_at=published,
            updated_at=published + timedelta(hours=3),
            authors=[person],
            contacts=[person],
            categories=[category],
            tags=[text["tag"]],
        )
        GalleryPhoto.objects.create(
            article=article,
            photo=make_photo(
                alt_text=text["lead"], caption=text["titles"][1], credit=text["credit"]
            ),
        )
        in_language = {"language": language, "lead": text["lead"], "body": ""}
        others = [
            make_article(title=title, categories=[category], tags=[text["tag"]], **in_language)
            for title in text["titles"][1:]
        ]
        link(article, others[0])
        for number in range(11):
            make_article(title=f"{text['titles'][2]} {number}", **in_language)
        SiteNotice.objects.create(message="1.12.2026", ends_at=timezone.now() + timedelta(days=1))
        return Site(language=language, article=article, category=category)

    return build


def _index(site: Site) -> str:
    return reverse("news:index")


# Every public page type: one line each. A new page type (search, feeds) adds a line.
PAGE_TYPES: dict[str, Callable[[Site], str]] = {
    "index": _index,
    "index-page-2": lambda site: _index(site) + "?page=2",
    "article": lambda site: site.article.get_absolute_url(),
    "category": lambda site: site.category.get_absolute_url(),
    "tag": lambda site: reverse("news:tag", kwargs={"slug": CONTENT[site.language]["tag"]}),
    "not-found": lambda site: _index(site) + "no-such-story/",
    "search": lambda site: (
        reverse("news:search") + "?q=" + CONTENT[site.language]["titles"][0].split()[0]
    ),
    "search-empty": lambda site: reverse("news:search"),
    "search-no-results": lambda site: reverse("news:search") + "?q=zzzzqqq",
    "accessibility-statement": lambda site: reverse("accessibility-statement"),
    "feedback": lambda site: reverse("feedback"),
    "feedback-sent": lambda site: reverse("feedback") + "?sent=1",
}


class _ReadableText(HTMLParser):
    """What a reader sees or hears: text and the attributes read out or shown, except
    text inside an element marked as another language (the switcher's "English")."""

    ATTRIBUTES = frozenset({"title", "aria-label", "placeholder"})
    VOID = frozenset({"meta", "link", "img", "input", "br", "hr", "source"})

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._languages = [language]
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag not in self.VOID:
            self._languages.append(values.get("lang") or self._languages[-1])
            self._skip += tag in {"script", "style"}
        if self._languages[-1] != self._languages[0]:
            return
        for name, value in attrs:
            readable = name in self.ATTRIBUTES or (name.startswith("data-") and "text" in name)
            if value and readable:
                self.pieces.append(value)
        if tag == "meta" and values.get("name") == "description":
            self.pieces.append(values.get("content") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and len(self._languages) > 1:
            self._languages.pop()
            self._skip -= tag in {"script", "style"}

    def handle_data(self, data: str) -> None:
        if not self._skip and self._languages[-1] == self._languages[0] and data.strip():
            self.pieces.append(" ".join(data.split()))


def readable_text(html: str, language: str) -> list[str]:
    parser = _ReadableText(language)
    parser.feed(html)
    parser.close()
    return parser.pieces


def _catalogue(language: str) -> list[polib.POEntry]:
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path)).translated_entries()


def _as_pattern(text: str) -> re.Pattern[str]:
    """A whole-word pattern for a catalogue string; its placeholders match anything."""
    parts = re.split(r"%\(\w+\)[sd]", text)
    return re.compile(r"(?<!\w)" + ".+?".join(re.escape(part) for part in parts) + r"(?!\w)")


def _untranslated(pieces: list[str], strings: set[str]) -> list[tuple[str, str]]:
    patterns = {text: _as_pattern(text) for text in strings}
    found = []
    for piece in pieces:
        found += [(piece, text) for text, pattern in patterns.items() if pattern.search(piece)]
    return found


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_page_has_no_english_interface_text(client, site, language, page_type):
    with translation.override(language):
        url = PAGE_TYPES[page_type](site(language))
    response = client.get(url)
    assert response.status_code == (404 if page_type == "not-found" else 200)
    html = response.text
    assert f'<html lang="{language}">' in html

    # Catalogue strings whose translation differs: these must never show in English.
    english = {entry.msgid for entry in _catalogue(language) if entry.msgstr != entry.msgid}
    left = _untranslated(readable_text(html, language), english)

    assert not left, f"{url} shows English interface text:\n" + "\n".join(
        f"  {text!r} in {piece!r}" for piece, text in left
    )


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_english_page_has_no_finnish_or_swedish_interface_text(client, site, page_type):
    with translation.override("en"):
        url = PAGE_TYPES[page_type](site("en"))
    response = client.get(url)
    html = response.text
    assert '<html lang="en">' in html

    foreign = {
        entry.msgstr
        for language in ("fi", "sv")
        for entry in _catalogue(language)
        if entry.msgstr != entry.msgid and len(entry.msgstr) > 3
    }
    left = _untranslated(readable_text(html, "en"), foreign)

    assert not left, f"{url} shows Finnish or Swedish interface text:\n" + "\n".join(
        f"  {text!r} in {piece!r}" for piece, text in left
    )


def test_the_page_check_finds_english_left_on_a_finnish_page():
    html = (
        '<html lang="fi"><body><a href="#main">Skip to main content</a>'
        '<nav aria-label="Kieli"><a lang="en">English</a></nav>'
        '<button data-copied-text="URL copied!">Kopioi linkki</button>'
        "<p>Kuva: Photo: Veikko</p></body></html>"
    )
    english = {"Skip to main content", "English", "URL copied!", "Photo: %(credit)s", "Copy"}

    found = _untranslated(readable_text(html, "fi"), english)

    assert sorted(text for _piece, text in found) == [
        "Photo: %(credit)s",
        "Skip to main content",
        "URL copied!",
    ]


@pytest.mark.parametrize(
    ("language", "card_date", "article_date"),
    [
        ("en", "5 March 2025", "5 March 2025, 10:07"),
        ("fi", "5. maaliskuuta 2025", "5. maaliskuuta 2025 kello 10.07"),
        ("sv", "5 mars 2025", "5 mars 2025 10:07"),
    ],
)
def test_dates_are_written_the_languages_way(client, language, card_date, article_date):
    article = make_article(
        language=language,
        published_at=datetime(2025, 3, 5, 10, 7, tzinfo=HELSINKI),
    )
    with translation.override(language):
        index = reverse("news:index")

    assert f">{card_date}</time>" in client.get(index).text
    assert f">{article_date}</time>" in client.get(article.get_absolute_url()).text


@pytest.mark.parametrize(
    ("language", "name", "description"),
    [
        ("en", "Research", "News about research."),
        ("fi", "Tutkimus", "Uutisia tutkimuksesta."),
        ("sv", "Forskning", "Nyheter om forskning."),
    ],
)
def test_category_name_and_description_follow_the_page_language(
    client, language, name, description
):
    research = make_category(
        name_en="Research",
        name_fi="Tutkimus",
        name_sv="Forskning",
        description_en="News about research.",
        description_fi="Uutisia tutkimuksesta.",
        description_sv="Nyheter om forskning.",
        slug="research",
    )
    article = make_article(language=language, categories=[research])
    with translation.override(language):
        category_page = client.get(research.get_absolute_url()).text
        index_page = client.get(reverse("news:index")).text
    article_page = client.get(article.get_absolute_url()).text

    assert f'<h1 class="listing-header__title">{name}</h1>' in category_page
    assert f'<p class="listing-header__description">{description}</p>' in category_page
    assert f'<meta name="description" content="{description}">' in category_page
    assert f'<span class="card__categories">{name}</span>' in index_page
    assert f'aria-current="page">{name}</a>' in category_page  # the category menu
    assert (
        f'class="category-labels__link" href="/{language}/news/category/research/">{name}</a>'
        in article_page
    )


def test_category_without_a_translation_shows_its_english_name(client):
    make_category(name_en="Alumni", name_fi="", slug="alumni")

    assert (
        '<h1 class="listing-header__title">Alumni</h1>'
        in client.get("/fi/news/category/alumni/").text
    )


# --- `/` and the remembered choice -----------------------------------------------------


def test_root_follows_the_browser_language_and_varies_on_it(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9,en;q=0.5")

    assert response.url == "/sv/news/"
    assert {"Cookie", "Accept-Language"} <= {
        header.strip() for header in response.headers["Vary"].split(",")
    }


def test_choosing_a_language_remembers_it_and_leads_to_the_page(client):
    response = client.get("/language/fi/", {"next": "/fi/news/uutinen/"})

    assert response.status_code == 302
    assert response.url == "/fi/news/uutinen/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "fi"
    assert cookie["max-age"] == 60 * 60 * 24 * 365
    assert cookie["httponly"]
    assert "no-cache" in response.headers["Cache-Control"]


def test_a_remembered_choice_beats_the_browser_language_on_root(client):
    client.get("/language/sv/", {"next": "/sv/news/"})

    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fi").url == "/sv/news/"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/fi/news/",
        " //evil.example/",
        "/\\evil.example/",
        "http:///evil.example/",
        "javascript:alert(1)",
        "",
    ],
)
def test_choosing_a_language_never_leads_off_the_site(client, target):
    response = client.get("/language/fi/", {"next": target})

    assert response.url == "/fi/news/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fi"


def test_choosing_a_language_cannot_inject_headers(client):
    response = client.get("/language/fi/", {"next": "/fi/news/\r\nSet-Cookie: x=1"})

    assert response.url == "/fi/news/%0D%0ASet-Cookie:%20x=1"
    assert "x" not in response.cookies


def test_choosing_an_unknown_language_is_not_found_and_remembers_nothing(client):
    response = client.get("/language/de/", {"next": "/en/news/"})

    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_switcher_links_remember_the_choice_and_land_on_the_translation(client):
    english = make_article(slug="cup")
    finnish = make_article(language="fi", slug="cup-fi", translation_of=english)

    page = client.get(english.get_absolute_url()).text
    href = re.search(r'<a class="language-switcher__link" href="([^"]+)" hreflang="fi"', page)[1]
    response = client.get(href.replace("&amp;", "&"))

    assert response.url == finnish.get_absolute_url()
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").url == "/fi/news/"


def test_server_error_page_speaks_the_visitors_language(rf):
    with translation.override("fi"):
        html = server_error(rf.get("/fi/news/")).content.decode()

    assert '<html lang="fi">' in html
    assert "<h1>Jotain meni vikaan</h1>" in html


# --- the admin -------------------------------------------------------------------------

ADMIN_PAGES = [
    "/admin/articles/article/",
    "/admin/articles/article/add/",
    "/admin/articles/article/{article}/change/",
    "/admin/articles/category/",
    "/admin/articles/category/add/",
    "/admin/photos/photo/",
    "/admin/photos/photo/add/",
    "/admin/articles/sitenotice/add/",
]


@pytest.mark.parametrize("url", ADMIN_PAGES)
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_admin_page_has_no_english_from_our_catalogue(admin_client, site, language, url):
    built = site(language)
    url = url.format(article=built.article.pk)

    response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200

    # Whole labels, headings and options only: the admin mixes our strings with Django's
    # own (whose Finnish catalogue lacks a few, such as a hidden "Model name").
    # Compared without case: the admin capitalises field names ("lead" → "Lead:").
    english = {
        entry.msgid.casefold()
        for entry in _catalogue(language)
        if entry.msgstr.casefold() != entry.msgid.casefold()
    }
    pieces = {
        piece.rstrip(":").strip().casefold() for piece in readable_text(response.text, language)
    }
    left = sorted(pieces & english)
    assert not left, f"{url} in {language} shows English: {left}"
