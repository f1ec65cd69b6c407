"""The shape of a demo article and its media contacts. Relative publish times keep the
demo fresh."""

from dataclasses import dataclass

from ...models import Status


@dataclass(frozen=True)
class DemoContact:
    name: str
    title: str
    email: str
    phone: str


@dataclass(frozen=True)
class DemoArticle:
    """One demo article. `key` names it inside this module (translations, related links);
    its identity in the database is (language, slug)."""

    key: str
    language: str
    slug: str
    title: str
    lead: str
    body: str
    photo: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    # Published this many days ago at `hour` local time; negative days schedule it for
    # the future; None leaves it without a publish time (a draft).
    days_ago: int | None
    hour: int = 9
    status: str = Status.PUBLISHED
    byline: str = "Text: University Communications"
    hero_caption: str = ""
    featured: bool = False
    updated_hours_later: float | None = None
    translation_of: str | None = None
    contacts: tuple[DemoContact, ...] = ()
    gallery: tuple[tuple[str, str], ...] = ()
    related: tuple[str, ...] = ()
