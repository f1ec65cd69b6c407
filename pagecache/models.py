"""The content version: the one row the page cache reads on every request."""

from django.db import models
from django.utils import timezone


class ContentVersion(models.Model):
    """One row whose counter goes up with every change to what public pages show.

    The page cache (pagecache.caching) reads it once per request and puts it in the cache
    key, so every worker process and machine sees an edit at once, even with a
    per-process cache: a change makes new keys rather than wiping old ones. It is bumped
    by signal receivers in the same transaction as the change (pagecache.caching).
    """

    # Not shown to anyone (no admin), so its names are not translated.
    version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # The table kept its name when the page cache moved out of the articles app.
        db_table = "articles_contentversion"

    def __str__(self) -> str:
        return str(self.version)
