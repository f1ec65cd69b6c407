"""The identity's addresses: files at the root (brand_patterns), the statement under
each language's prefix (language_patterns)."""

from django.urls import path

from pagecache.caching import cache_public_page

from . import views

brand_patterns = [
    path("brand/logo-<slug:version>.<str:ext>", views.logo, name="brand-logo"),
    path("brand/icon-<int:size>-<slug:version>.png", views.icon, name="brand-icon"),
    path("brand/colours-<slug:version>.css", views.colours, name="brand-colours"),
    path("brand/manifest.webmanifest", views.manifest, name="brand-manifest"),
]
language_patterns = [
    path(
        "accessibility/",
        cache_public_page(views.accessibility_statement),
        name="accessibility-statement",
    ),
]
