"""Search, feeds, sitemaps and the API as a Django app (no models of its own)."""

from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "discovery"
    verbose_name = "Discovery"
