"""The pre-publish panel: what publishing requires, and advice that does not block.

Read from the article form's current data, so the panel beside the form follows the
typing (static/js/live-preview.js asks for it with each live preview). The required
part is the model's own rule (Article.publishing_problems); the advice names photos
whose licence has ended or will (Article.photo_rights_notes), looks at the body's
heading order and link texts, the hero photo's alt text, the lengths of the
title and description in a search result, and counts words and reading time in the
story's language.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from articles.models import Article, Language
from photos.models import Photo

# Silent reading speed of adults, words a minute, from the IReST study
# (Trauzettel-Klosinski and Dietz, 2012): Finnish words are long, so fewer a minute.
WORDS_A_MINUTE = {Language.EN: 228, Language.FI: 161, Language.SV: 218}
# What a search result shows before cutting: about 60 characters of title and 160 of
# description; fewer than 50 of description says too little.
TITLE_SHOWN = 60
DESCRIPTION_SHOWN = (50, 160)
# Link texts that say nothing out of context (WCAG 2.4.4), in the three languages.
VAGUE_LINK_TEXTS = frozenset(
    {
        "click here", "here", "read more", "more", "link", "this", "this link",
        "klikkaa tästä", "tästä", "täältä", "lue lisää", "lisää", "linkki",
        "klicka här", "här", "läs mer", "mer", "länk",
    }
)  # fmt: skip
_FILE_NAME = re.compile(
    r"^(?:(?:img|dsc|dscn|pxl|photo|image)[\s_-]*\d+|[\w\s.-]+\.(?:jpe?g|png|gif|webp|avif|heic|tiff?))$",
    re.IGNORECASE,
)
_BARE_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:[-']\w+)*")


@dataclass
class Report:
    required: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    words: int = 0
    reading_minutes: int = 0
    search_title: str = ""
    search_description: str = ""


class _Body(HTMLParser):
    """The body's headings (in order), links with their texts, and plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[int] = []
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._link: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "a":
            self._link, self._href = [], dict(attrs).get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append((self._href, " ".join("".join(self._link).split())))
            self._link = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._link is not None:
            self._link.append(data)


def review(article: Article, categories: list, *, already_published: bool = False) -> Report:
    """The panel for `article` as the form holds it (unsaved), with the categories
    chosen in the form; `already_published` as Article.publishing_problems takes it."""
    report = Report()
    problems = article.publishing_problems(categories, already_published=already_published)
    report.required = [str(m) for m in problems.values()]
    # Photos readers miss for their licence's end; the hero's once, as a refusal when
    # that is what it is.
    if (hero_note := article.hero_rights_note()) and "hero_photo" not in problems:
        report.advice.append(hero_note)
    report.advice += article.other_photo_rights_notes()
    body = _Body()
    body.feed(article.body or "")
    body.close()
    report.advice += _heading_advice(body.headings)
    report.advice += _link_advice(body.links)
    if article.hero_photo is not None:
        report.advice += _alt_text_advice(article.hero_photo, article.caption)
    report.search_title = article.meta_title
    report.search_description = article.meta_description
    report.advice += _length_advice(report.search_title, report.search_description)
    report.words = len(_WORD.findall(" ".join([article.lead, *body.text])))
    per_minute = WORDS_A_MINUTE.get(article.language, WORDS_A_MINUTE[Language.EN])
    report.reading_minutes = max(1, math.ceil(report.words / per_minute)) if report.words else 0
    return report


def _heading_advice(levels: list[int]) -> list[str]:
    advice = []
    if 1 in levels:
        advice.append(_("The body has a main heading (H1): the title is the page's only one."))
    previous = 1
    for level in levels:
        if level > previous + 1:
            advice.append(
                _("A level %(level)d heading follows a level %(previous)d one: skip no level.")
                % {"level": level, "previous": previous}
            )
            break
        previous = level
    return advice


def _link_advice(links: list[tuple[str, str]]) -> list[str]:
    advice = []
    for href, text in links:
        if text.lower().strip(" .!:…") in VAGUE_LINK_TEXTS:
            advice.append(
                _("The link text “%(text)s” says nothing on its own: name where it leads.")
                % {"text": text}
            )
        elif _BARE_ADDRESS.match(text):
            advice.append(
                _("The link text is a bare address (%(text)s): name where it leads.")
                % {"text": text[:60]}
            )
        elif not text:
            advice.append(_("A link has no text (%(href)s).") % {"href": href[:60]})
    return advice


def _alt_text_advice(photo: Photo, caption: str) -> list[str]:
    alt = " ".join(photo.alt_text.split())
    if _FILE_NAME.match(alt):
        return [_("The hero photo's alt text looks like a file name: say what it shows.")]
    if caption and alt.casefold() == " ".join(caption.split()).casefold():
        return [
            _(
                "The hero photo's alt text repeats its caption: screen readers read both. "
                "Say what the photo shows."
            )
        ]
    return []


def _length_advice(title: str, description: str) -> list[str]:
    advice = []
    if len(title) > TITLE_SHOWN:
        advice.append(
            _("Search results cut titles after about %(shown)d characters; this is %(length)d.")
            % {"shown": TITLE_SHOWN, "length": len(title)}
        )
    shortest, longest = DESCRIPTION_SHOWN
    if description and not shortest <= len(description) <= longest:
        advice.append(
            _(
                "A search result shows a description of %(shortest)d to %(longest)d "
                "characters best; this is %(length)d (the SEO description, else the lead)."
            )
            % {"shortest": shortest, "longest": longest, "length": len(description)}
        )
    return advice
