"""Export, import and legacy feed import as a Django app (commands only, no models)."""

from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "portability"
    verbose_name = "Portability"
