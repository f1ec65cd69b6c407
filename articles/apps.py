from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The page cache's signal receivers (every change to public content bumps the
        # content version) and the system checks register themselves on import.
        from . import caching, checks  # noqa: F401
