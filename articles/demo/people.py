"""The demo's people, made when missing: found by slug, so editors' changes survive."""

from __future__ import annotations

from typing import Any

from ..models import Person
from .content import PEOPLE


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
