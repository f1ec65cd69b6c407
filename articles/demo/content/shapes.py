"""The shape of a demo article and of the people it credits. Relative publish times
keep the demo fresh."""

from dataclasses import dataclass

from ...models import Status


@dataclass(frozen=True)
class DemoPerson:
    """An author or media contact; title, unit and bio in English, Finnish, Swedish."""

    key: str
    name: str
    slug: str
    title: tuple[str, str, str]
    unit: tuple[str, str, str]
    email: str = ""
    phone: str = ""
    bio: tuple[str, str, str] = ("", "", "")


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
    # People by key (content/people.py), in the byline's order.
    authors: tuple[str, ...] = ("emma",)
    hero_caption: str = ""
    featured: bool = False
    updated_hours_later: float | None = None
    translation_of: str | None = None
    contacts: tuple[str, ...] = ()
    gallery: tuple[tuple[str, str], ...] = ()
    related: tuple[str, ...] = ()
