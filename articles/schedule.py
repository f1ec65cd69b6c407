"""When public pages next change by themselves: an article falls due or ends, a notice
ends, a photo's licence ends."""

from __future__ import annotations

from django.utils import timezone

from photos.models import Photo
from photos.rights import next_licence_end

from .models import Article, SiteNotice


def next_change() -> float | None:
    """The first moment after now (a Unix time) at which the public rule's answer
    changes for an article (a scheduled article falls due: ArticleQuerySet.next_changes),
    an active site notice ends or a photo's licence ends (photos.rights: the photo
    leaves the pages then); None when nothing is due. One query, a UNION of the first
    entry of an index per part (site notices are few). The page cache asks it
    (settings.PAGE_CACHE_NEXT_CHANGE) once per content version."""
    now = timezone.now()
    notices = SiteNotice.objects.active().order_by().values_list("ends_at")
    licences = next_licence_end(Photo.objects.all(), now)
    first, *others = Article.objects.next_changes(now)
    moments = [moment for (moment,) in first.union(*others, notices, licences, all=True)]
    return min(moments).timestamp() if moments else None
