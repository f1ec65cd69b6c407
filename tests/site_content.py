"""A small but complete site in three languages for the accessibility, keyboard and layout
tests: every public page type with everything it can show (notice, hero photo with
caption and credit, a rich body, a byline of a linked and a hidden author, gallery,
contacts, tags, share block, four related cards, two pages of news, an author page, the
accessibility statement, the feedback form and its thanks), so a check that passes here
has seen every component.

Used by the browser tests and tests/test_html_validity.py (with the Django test client).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Correction, GalleryPhoto, SiteNotice
from photos.licences import Licence
from siteidentity.models import AccessibilityStatement
from tests.factories import link, make_article, make_category, make_person, make_photo

LANGUAGES = ("en", "fi", "sv")

# A body with every element the allow-list keeps and the stylesheet styles.
BODY = """
<p>The new <strong>laboratory</strong> opens in <em>spring</em>; read the
<a href="https://example.edu/lab">plan</a>.</p>
<h2>Why it matters</h2>
<p>Researchers have waited for this for a long time.</p>
<blockquote><p>It changes how we work.</p><cite>Professor Ada Example</cite></blockquote>
<h3>What happens next</h3>
<ul><li>Tours in May</li><li>Courses in autumn</li></ul>
<ol><li>Book a slot</li><li>Come along</li></ol>
"""

SEARCH_WORD = {"en": "laboratory", "fi": "laboratorio", "sv": "laboratoriet"}
TAG = "sustainability"


@dataclass(frozen=True)
class Site:
    """The addresses of each page type, per language."""

    pages: dict[str, dict[str, str]]  # language → page type → path
    article: dict[str, Article]


def build_site() -> Site:
    """Create the site's content (needs the database) and return its addresses."""
    now = timezone.now()
    SiteNotice.objects.create(
        message="The library is closed on Friday.", ends_at=now + timedelta(days=1)
    )
    research = make_category(
        name_en="Research", name_fi="Tutkimus", name_sv="Forskning", slug="research"
    )
    studies = make_category(
        name_en="Studies", name_fi="Opiskelu", name_sv="Studier", slug="studies"
    )
    writer = make_person(
        "Ada Example",
        slug="ada-example",
        title_en="Science Writer",
        title_fi="Tiedetoimittaja",
        title_sv="Vetenskapsjournalist",
        unit_en="Communications",
        unit_fi="Viestintä",
        unit_sv="Kommunikation",
        bio_en="Ada writes about research.",
        bio_fi="Ada kirjoittaa tutkimuksesta.",
        bio_sv="Ada skriver om forskning.",
        photo=make_photo(alt_text="Ada Example smiling"),
    )
    co_writer = make_person("Former Writer", hidden=True)
    contact = make_person(
        "Professor Bo Contact",
        title_en="Professor",
        title_fi="Professori",
        title_sv="Professor",
        unit_en="Faculty of Science",
        unit_fi="Luonnontieteellinen tiedekunta",
        unit_sv="Naturvetenskapliga fakulteten",
        email="bo.contact@example.edu",
        phone="+358 40 123 4567",
    )
    pages: dict[str, dict[str, str]] = {}
    main_articles: dict[str, Article] = {}
    english: Article | None = None
    for language in LANGUAGES:
        word = SEARCH_WORD[language]
        main = make_article(
            title=f"A new {word} for the campus ({language})",
            slug=f"new-{word}",
            language=language,
            lead=f"The university opens a {word} for research and teaching.",
            body=BODY.replace("laboratory", word),
            categories=[research, studies],
            tags=[TAG],
            hero_photo=make_photo(
                size=(1600, 1067),
                detailed=True,
                alt_text="Scientists at a lab bench",
                credit="Veikko Kuvaaja",
                # The whole credit line: photographer, holder and a licence's deed.
                copyright_holder="University of Helsinki-Uusimaa",
                licence=Licence.CC_BY,
            ),
            hero_caption="The new lab on its opening day",
            authors=[writer, co_writer],
            contacts=[contact],
            translation_of=english,
            published_at=now - timedelta(minutes=30),
            updated_at=now - timedelta(minutes=5),
        )
        english = english or main
        for position in range(2):
            GalleryPhoto.objects.create(article=main, photo=make_photo(), position=position)
        # A correction: the page's corrections block and its "Updated" time.
        Correction.objects.create(article=main, text="The exhibition opens in hall B, not A.")
        # Thirteen more: four related cards and a second page on the index (12 a page).
        others = [
            make_article(
                language=language,
                title=f"Campus story {number} ({language})",
                categories=[research] if number % 2 else [studies],
                tags=[TAG] if number < 3 else None,
                hero_photo=make_photo() if number % 3 else None,
                featured=number == 1,
                published_at=now - timedelta(hours=number),
            )
            for number in range(1, 14)
        ]
        link(main, others[5])
        main_articles[language] = main
        AccessibilityStatement.objects.create(
            language=language,
            known_issues="Old photos lack text alternatives.\n\nOld videos lack captions.",
            checked_on=now.date(),
            checked_how="Automated tools and a keyboard.",
            feedback_email="access@example.edu",
            feedback_phone="+358 29 000 0000",
        )
        news = f"/{language}/news/"
        pages[language] = {
            "index": news,
            "index-page-2": f"{news}?page=2",
            "article": main.get_absolute_url(),
            "category": f"{news}category/research/",
            "tag": f"{news}tag/{TAG}/",
            "author": f"{news}author/{writer.slug}/",
            "search": f"{news}search/?q={word}",
            "empty-search": f"{news}search/",
            "no-results": f"{news}search/?q=zyxwvu",
            "404": f"{news}no-such-story/",
            "statement": f"/{language}/accessibility/",
            "feedback": f"/{language}/feedback/",
            "feedback-sent": f"/{language}/feedback/?sent=1",
        }
    return Site(pages=pages, article=main_articles)
