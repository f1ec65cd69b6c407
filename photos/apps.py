"""The photo library as a Django app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhotosConfig(AppConfig):
    name = "photos"
    verbose_name = _("Photos")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The system check that keeps originals out of public folders registers on import.
        from . import checks  # noqa: F401
