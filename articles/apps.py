"""The news content and its public pages as a Django app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Revision history for every path that writes articles, not only the admin.
        from . import revisions  # noqa: F401
