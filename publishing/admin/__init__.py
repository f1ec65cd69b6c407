"""The editors' admin: articles, photos, categories and the site notice, registered on
import (Django's admin autodiscovery imports this package)."""

from . import articles, photos, site  # noqa: F401
