"""The demo's people, made when missing: found by slug, so editors' changes survive."""

from __future__ import annotations

from typing import Any

from ..models import Person
from .content import PEOPLE


def ensure_people(report: Any) -> dict[str, Person]:
    """The demo people by key; `report.people` counts those created now."""
    people = {}
    for spec in PEOPLE:
        fields: dict[str, Any] = {"name": spec.name, "email": spec.email, "phone": spec.phone}
        for name in ("title", "unit", "bio"):
            codes = (f"{name}_en", f"{name}_fi", f"{name}_sv")
            fields |= dict(zip(codes, getattr(spec, name), strict=True))
        person, created = Person.objects.get_or_create(slug=spec.slug, defaults=fields)
        people[spec.key] = person
        report.people += created
    return people
