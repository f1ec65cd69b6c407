"""The news content: articles, categories, tags, galleries, related links, people
(authors and media contacts), corrections and the site notice; and the public rule
(public_rule.py) that says which articles readers may see. Photos are the photo
library's (photos.models)."""

from .article import RESERVED_SLUGS, Article
from .category import Category
from .choices import Language, PublicationState, Status
from .corrections import Correction, CorrectionKind
from .fields import SanitizedHTMLField, SearchVectorIndex
from .notice import SiteNotice
from .parts import ArticleSlugRedirect, GalleryPhoto, RelatedLink, TaggedArticle
from .people import ArticleAuthor, ArticleContact, Person, PersonQuerySet
from .public_rule import due_q, public_q, status_q
from .querysets import CARD_FIELDS, ArticleManager, ArticleQuerySet

__all__ = [
    "CARD_FIELDS",
    "RESERVED_SLUGS",
    "Article",
    "ArticleAuthor",
    "ArticleContact",
    "ArticleManager",
    "ArticleQuerySet",
    "ArticleSlugRedirect",
    "Category",
    "Correction",
    "CorrectionKind",
    "GalleryPhoto",
    "Language",
    "Person",
    "PersonQuerySet",
    "PublicationState",
    "RelatedLink",
    "SanitizedHTMLField",
    "SearchVectorIndex",
    "SiteNotice",
    "Status",
    "TaggedArticle",
    "due_q",
    "public_q",
    "status_q",
]
