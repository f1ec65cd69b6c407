"""What a page tells search engines and link previews about itself.

Views build a PageMeta; templates/includes/page_meta.html turns it into the meta
description, Open Graph and Twitter card tags, and templates/includes/breadcrumbs.html
into the visible trail. The JSON-LD (NewsArticle, BreadcrumbList) is built here as plain
data and written by the `json_ld` filter, which escapes it for a <script> element. All
addresses are absolute from SITE_URL. No queries: callers pass what they have loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from photos import renditions
from photos.models import Photo
from siteidentity.current import current_identity

from .addresses import absolute_url
from .models import Article, Person

# Open Graph wants a territory; Finland's for Finnish and Swedish.
OG_LOCALES = {"en": "en_GB", "fi": "fi_FI", "sv": "sv_FI"}
DEFAULT_IMAGE = "img/social-default.png"
DEFAULT_IMAGE_SIZE = (1200, 630)
LOGO = "img/logo.png"
LOGO_SIZE = (512, 512)


def canonical_url(path: str, page_number: int = 1) -> str:
    """The page's one address for search engines: SITE_URL, the path and, past the
    first page of a listing, its page number; no other query parameter."""
    return settings.SITE_URL + path + (f"?page={page_number}" if page_number > 1 else "")


@dataclass(frozen=True)
class Crumb:
    name: str
    path: str

    @property
    def url(self) -> str:
        return absolute_url(self.path)


@dataclass(frozen=True)
class PageMeta:
    """Title and description for search results and previews, the preview image, and
    the breadcrumb trail (the current page last)."""

    title: str
    description: str
    photo: Photo | None = None
    type: str = "website"
    breadcrumbs: list[Crumb] = field(default_factory=list)

    @cached_property
    def _share_image(self) -> tuple[str, int, int]:
        """A preview-sized JPEG rendition of the photo, else the site's default image."""
        image = renditions.share_image(self.photo) if self.photo is not None else None
        if image is None:
            return absolute_url(static(DEFAULT_IMAGE)), *DEFAULT_IMAGE_SIZE
        url, width, height = image
        return absolute_url(url), width, height

    @property
    def image_url(self) -> str:
        return self._share_image[0]

    @property
    def image_width(self) -> int:
        return self._share_image[1]

    @property
    def image_height(self) -> int:
        return self._share_image[2]

    @property
    def image_alt(self) -> str:
        if self.photo is not None:
            return self.photo.alt_text
        return settings.SITE_NAME

    @property
    def breadcrumb_list(self) -> dict[str, Any] | None:
        """schema.org BreadcrumbList, when there is a trail of two or more."""
        if len(self.breadcrumbs) < 2:
            return None
        return {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": crumb.name, "item": crumb.url}
                for position, crumb in enumerate(self.breadcrumbs, start=1)
            ],
        }


def news_crumb() -> Crumb:
    return Crumb(_("News"), reverse("news:index"))


def article_meta(article: Article) -> PageMeta:
    """Uses the article's prefetched categories and its hero and social photos."""
    crumbs = [news_crumb()]
    categories = list(article.categories.all())
    if categories:
        crumbs.append(Crumb(categories[0].name, categories[0].get_absolute_url()))
    crumbs.append(Crumb(article.title, article.get_absolute_url()))
    return PageMeta(
        title=article.meta_title,
        description=article.meta_description,
        photo=article.share_photo,
        type="article",
        breadcrumbs=crumbs,
    )


def _image_object(photo: Photo, caption: str) -> dict[str, Any] | None:
    image = renditions.share_image(photo)
    if image is None:
        return None
    url, width, height = image
    return {
        "@type": "ImageObject",
        "url": absolute_url(url),
        "width": width,
        "height": height,
        **({"caption": caption} if caption else {}),
        **({"creditText": photo.credit} if photo.credit else {}),
        **({"copyrightNotice": photo.copyright_notice} if photo.copyright_notice else {}),
        # A licence's address: the Creative Commons deed. "Other" terms are prose,
        # not an address, and "all rights reserved" grants nothing: neither is given.
        **({"license": photo.licence_url} if photo.licence_url else {}),
    }


def publisher() -> dict[str, Any]:
    """The university, as schema.org's EducationalOrganization with its logo: the one
    uploaded in the site identity, else the default."""
    identity = current_identity()
    if identity.logo_type:
        url, width, height = identity.logo_url(), identity.logo_width, identity.logo_height
    else:
        url, (width, height) = static(LOGO), LOGO_SIZE
    logo = {"@type": "ImageObject", "url": absolute_url(url)}
    if width and height:
        logo.update(width=width, height=height)
    return {
        "@type": "EducationalOrganization",
        "name": identity.name,
        "url": settings.SITE_URL + "/",
        "logo": logo,
    }


def news_article(article: Article) -> dict[str, Any]:
    """schema.org NewsArticle for the article page. Its authors (prefetched with their
    people) are the author, in the byline's order, else the university itself."""
    pictures = {}
    # The photos readers are shown (their licence runs), the hero with its caption.
    if hero := article.shown_hero_photo:
        pictures[hero.pk] = _image_object(hero, article.caption)
    if social := article.shown_social_image:
        pictures.setdefault(social.pk, _image_object(social, ""))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.get_full_url()},
        "url": article.get_full_url(),
        "headline": article.title[:110],
        "description": article.meta_description,
        "inLanguage": article.language,
        "datePublished": _local_iso(article.published_at),
        "dateModified": _local_iso(article.date_modified),
        "author": (
            [person_data(credit.person) for credit in article.authors.all()]
            or {"@type": "EducationalOrganization", "name": current_identity().name}
        ),
        "publisher": publisher(),
        "articleSection": [category.name for category in article.categories.all()],
        "keywords": [tag.name for tag in article.tags.all()],
        # Corrections and updates as schema.org CorrectionComment (what changed, when).
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": f"{note.get_kind_display()}: {note.text}",
                "datePublished": _local_iso(note.noted_at),
            }
            for note in article.corrections.all()
        ],
    }
    if any(pictures.values()):
        data["image"] = [picture for picture in pictures.values() if picture]
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def _local_iso(moment: datetime | None) -> str | None:
    """ISO 8601 in the site's time zone, as the page's own <time> elements show it."""
    return timezone.localtime(moment).isoformat() if moment else None


def person_data(person: Person) -> dict[str, Any]:
    """schema.org Person: the name, the author page unless the person is hidden, and
    the job title in the active language."""
    data = {"@type": "Person", "name": person.name}
    if not person.hidden:
        data["url"] = absolute_url(person.get_absolute_url())
    if title := person.shown_title:
        data["jobTitle"] = title
    return data


def profile_page(person: Person) -> dict[str, Any]:
    """schema.org ProfilePage for an author page: the person, with unit and bio."""
    about = person_data(person)
    if unit := person.shown_unit:
        about["worksFor"] = {"@type": "Organization", "name": unit}
    if bio := person.shown_bio:
        about["description"] = bio
    if image := _image_object(photo, "") if (photo := person.shown_photo) else None:
        about["image"] = image
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": absolute_url(person.get_absolute_url()),
        "mainEntity": about,
    }
