"""The site identity as a Django app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteIdentityConfig(AppConfig):
    name = "siteidentity"
    verbose_name = _("Site identity")
    default_auto_field = "django.db.models.BigAutoField"
