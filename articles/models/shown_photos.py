"""Which of an article's photos readers are shown: those whose licence runs.

Every public surface (the article page, cards, feeds, the sitemap, the API, link
previews and JSON-LD) reads these properties rather than the photo fields themselves,
so a photo leaves all of them at its licence end (photos.rights). They ask the clock
when the page is made and read nothing but rows already loaded: no query.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from photos.models import Photo
from photos.rights import shown_now

from .parts import GalleryPhoto


def _day(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DATE_FORMAT")


class ShownPhotos:
    """Article's photos as readers see them now, and why a photo is missing."""

    hero_photo: Photo | None
    social_image: Photo | None
    published_at: datetime | None

    @property
    def shown_hero_photo(self) -> Photo | None:
        """The hero photo while its licence runs, else None: the story without it."""
        return shown_now(self.hero_photo)

    @property
    def shown_social_image(self) -> Photo | None:
        return shown_now(self.social_image)

    @property
    def share_photo(self) -> Photo | None:
        """The photo for link previews: the social image, else the hero photo, each
        while its licence runs; None means the site's default image."""
        return self.shown_social_image or self.shown_hero_photo

    @property
    def shown_gallery(self) -> list[GalleryPhoto]:
        """The gallery without the photos whose licence has ended, from the prefetched
        rows (ArticleQuerySet.for_article_page)."""
        now = timezone.now()
        return [item for item in self.gallery.all() if item.photo.licence_running(now)]

    def hero_licence_problem(self) -> str | None:
        """Why the hero photo cannot be published with this article: its licence has
        ended, or ends before the publish time. Article.publishing_problems asks it for
        articles being published, not for ones already public (see there)."""
        photo, now = self.hero_photo, timezone.now()
        if photo is None or photo.licence_ends_at is None:
            return None
        if not photo.licence_running(now):
            return _(
                "The hero photo's licence ended on %(date)s: choose another photo before "
                "publishing."
            ) % {"date": _day(photo.licence_ends_at)}
        if self.published_at and not photo.licence_running(self.published_at):
            return _(
                "The hero photo's licence ends on %(date)s, before the publish time: choose "
                "another photo."
            ) % {"date": _day(photo.licence_ends_at)}
        return None

    def photo_rights_notes(self) -> list[str]:
        """Why readers miss a photo of this article, or soon will: for the preview
        banner and the pre-publish panel."""
        hero = self.hero_rights_note()
        return [hero, *self.other_photo_rights_notes()] if hero else self.other_photo_rights_notes()

    def hero_rights_note(self) -> str | None:
        """The hero photo's licence end, for the article form beside the photo: ended
        (readers see the story without it) or coming."""
        photo = self.hero_photo
        if photo is None or photo.licence_ends_at is None:
            return None
        ends = {"date": _day(photo.licence_ends_at)}
        if not photo.licence_running(timezone.now()):
            return (
                _(
                    "The hero photo's licence ended on %(date)s: readers see the story without "
                    "it. Choose another photo."
                )
                % ends
            )
        return (
            _(
                "The hero photo's licence ends on %(date)s: from then on readers see the story "
                "without it."
            )
            % ends
        )

    def other_photo_rights_notes(self) -> list[str]:
        """The social image and gallery photos whose licence has ended. Reads the
        gallery's rows (prefetched on the article page, else one query)."""
        now, notes = timezone.now(), []
        social = self.social_image
        if social is not None and not social.licence_running(now):
            notes.append(
                _(
                    "The social image's licence ended on %(date)s: link previews no longer "
                    "show it. Choose another image."
                )
                % {"date": _day(social.licence_ends_at)}
            )
        if self.pk is not None:
            notes += [
                _(
                    "The licence of the gallery photo “%(photo)s” ended on %(date)s: readers "
                    "no longer see it."
                )
                % {"photo": item.photo, "date": _day(item.photo.licence_ends_at)}
                for item in self.gallery.all()
                if not item.photo.licence_running(now)
            ]
        return notes
