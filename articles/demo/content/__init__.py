"""The demo texts: categories, photos, people and articles in three languages, as data."""

from .categories import CATEGORIES, DemoCategory
from .more_news import MORE_NEWS
from .nordic_news import NORDIC_NEWS
from .people import PEOPLE
from .photos import GALLERY, HERO, PHOTOS, DemoPhoto
from .shapes import DemoArticle, DemoPerson
from .story import STORY

ARTICLES: tuple[DemoArticle, ...] = STORY + MORE_NEWS + NORDIC_NEWS

__all__ = [
    "ARTICLES",
    "CATEGORIES",
    "GALLERY",
    "HERO",
    "PEOPLE",
    "PHOTOS",
    "DemoArticle",
    "DemoCategory",
    "DemoPerson",
    "DemoPhoto",
]
