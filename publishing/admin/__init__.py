"""The editors' admin: articles, people, photos, categories and the site notice,
registered on import (Django's admin autodiscovery imports this package)."""

from . import articles, people, photos, site  # noqa: F401
