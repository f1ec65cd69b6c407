"""The demo's people, made when missing (found by slug, so editors' changes survive),
and credited on the demo articles."""

from __future__ import annotations

from typing import Any

from ..models import Article, ArticleAuthor, ArticleContact, Person
from .content import PEOPLE, DemoArticle


def ensure_people(report: Any) -> dict[str, Person]:
    """The demo people by key; `report.people` counts those created now. One query
    when they all exist."""
    existing = Person.objects.in_bulk([spec.slug for spec in PEOPLE], field_name="slug")
    people = {}
    for spec in PEOPLE:
        person = existing.get(spec.slug)
        if person is None:
            fields: dict[str, Any] = {"name": spec.name, "email": spec.email, "phone": spec.phone}
            for name in ("title", "unit", "bio"):
                codes = (f"{name}_en", f"{name}_fi", f"{name}_sv")
                fields |= dict(zip(codes, getattr(spec, name), strict=True))
            person = Person.objects.create(slug=spec.slug, **fields)
            report.people += 1
        people[spec.key] = person
    return people


def add_credits(article: Article, spec: DemoArticle, people: dict[str, Person]) -> None:
    """The article's authors and contacts, in the demo's order: a bulk insert each."""
    for model, keys in ((ArticleAuthor, spec.authors), (ArticleContact, spec.contacts)):
        model.objects.bulk_create(
            model(article=article, person=people[key], position=position)
            for position, key in enumerate(keys, 1)
        )
