"""The page cache as a Django app: its model (the content version) and its receivers."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Every change to public content bumps the content version: the receivers
        # register themselves on import.
        from . import caching  # noqa: F401
