"""When public pages next change by themselves: an article falls due, a notice ends."""

from __future__ import annotations

from django.utils import timezone

from .models import Article, SiteNotice


def next_change() -> float | None:
    """The first moment after now (a Unix time) at which the public rule's answer
    changes for an article (a scheduled article falls due: ArticleQuerySet.next_changes)
    or an active site notice ends; None when nothing is due. One query, a UNION of the
    first entry of an index per part (site notices are few). The page cache asks it
    (settings.PAGE_CACHE_NEXT_CHANGE) once per content version."""
    notices = SiteNotice.objects.active().order_by().values_list("ends_at")
    first, *others = Article.objects.next_changes(timezone.now())
    moments = [moment for (moment,) in first.union(*others, notices, all=True)]
    return min(moments).timestamp() if moments else None
