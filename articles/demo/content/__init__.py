"""The demo texts: categories, photos and articles in three languages, as data."""

from .categories import CATEGORIES, DemoCategory
from .more_news import MORE_NEWS
from .nordic_news import NORDIC_NEWS
from .photos import GALLERY, HERO, PHOTOS, DemoPhoto
from .shapes import DemoArticle, DemoContact
from .story import STORY

ARTICLES: tuple[DemoArticle, ...] = STORY + MORE_NEWS + NORDIC_NEWS

__all__ = [
    "ARTICLES",
    "CATEGORIES",
    "GALLERY",
    "HERO",
    "PHOTOS",
    "DemoArticle",
    "DemoCategory",
    "DemoContact",
    "DemoPhoto",
]
