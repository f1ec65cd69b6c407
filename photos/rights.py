"""The photo rights rule: a photo may be shown to readers while its licence runs.

Written once here as a Q (licensed_q) for querysets, with its instance twin
Photo.licence_running(now). Articles ask the twin when a page, card, feed, sitemap or
the API is made (Article.shown_hero_photo and its siblings); the page cache learns the
next licence end from next_licence_end(), so a cached page expires at that moment. No
cron and no write: the photo simply stops being shown.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import Photo

# How far ahead the "Licences ending soon" list looks.
ENDING_SOON = timedelta(days=30)


def licensed_q(now: datetime) -> Q:
    """Photos whose licence runs at `now`: no end, or an end still to come."""
    return Q(licence_ends_at__isnull=True) | Q(licence_ends_at__gt=now)


def shown_now(photo: Photo | None) -> Photo | None:
    """`photo` while its licence runs (Photo.licence_running), else None: what readers
    are shown of a hero photo, social image or portrait at this moment."""
    return photo if photo is not None and photo.licence_running(timezone.now()) else None


def ending_q(now: datetime) -> Q:
    """Photos whose licence ends within ENDING_SOON from `now`, not yet ended."""
    return Q(licence_ends_at__gt=now, licence_ends_at__lte=now + ENDING_SOON)


def next_licence_end(photos: QuerySet, now: datetime) -> QuerySet:
    """The first licence end after `now` among `photos`, as a query of one value at most
    (to be united with the other scheduled changes, articles.schedule.next_change).

    Every photo counts, not only those live articles show: it stays one read of the
    first entry of photo_licence_ends_idx, and a photo no article shows only costs one
    early expiry of the cached pages at its licence end."""
    first = photos.filter(licence_ends_at__gt=now).order_by("licence_ends_at").values("pk")[:1]
    return photos.filter(pk__in=first).order_by().values_list("licence_ends_at")


def rendition_of_ended_licence(path: str, now: datetime) -> bool:
    """Whether `path` (normalised, under MEDIA_ROOT) is a rendition of a photo whose
    licence has ended: its files stay for the admin, but readers, search engines' image
    indexes and other sites' links no longer get them. One query by primary key; the
    photo's id is the first folder under the renditions' (photos.renditions)."""
    found = re.match(rf"{re.escape(settings.PHOTO_RENDITIONS_DIR)}/(\d+)/", path)
    if found is None:
        return False
    return Photo.objects.filter(pk=int(found[1])).exclude(licensed_q(now)).exists()
