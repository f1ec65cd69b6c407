"""Exports before version 3 credit people as text: an article's `byline` ("Text: Anna
Virtanen") and its `contacts` rows (name, title, email, phone). Reading one, they become
people, as migration articles 0013 turned the site's own into people: the byline's name
an author, found by name; each contact a person found by email when it has one, else
by name, with the title in the article's language."""

from __future__ import annotations

from typing import Any

from articles.models.people import free_slug


def byline_name(byline: str) -> str:
    """'Text: Anna Virtanen' → 'Anna Virtanen': the person, without a short label."""
    label, separator, name = byline.partition(":")
    return name.strip() if separator and name.strip() and len(label) <= 20 else byline.strip()


class _People:
    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}  # by slug, in order of appearance
        self.by_name: dict[str, dict[str, Any]] = {}
        self.by_email: dict[str, dict[str, Any]] = {}

    def _new(self, name: str, email: str = "") -> dict[str, Any]:
        slug = free_slug(name, self.rows.__contains__)
        row = {"name": name[:200], "slug": slug, **({"email": email} if email else {})}
        self.rows[slug] = row
        self.by_name.setdefault(row["name"], row)
        if email:
            self.by_email.setdefault(email.lower(), row)
        return row

    def named(self, name: str) -> dict[str, Any]:
        return self.by_name.get(name[:200]) or self._new(name)

    def contact(self, name: str, email: str) -> dict[str, Any]:
        if not email:
            return self.named(name)
        row = self.by_email.get(email.lower())
        if row is None and (same := self.by_name.get(name[:200])) and not same.get("email"):
            row = same  # the author of that name, now with an email
            row["email"] = email
            self.by_email[email.lower()] = row
        return row or self._new(name, email)


def people_from_text(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The people an older export's articles name, as version 3 `people` rows; each
    article row gets `authors` and `contacts` as lists of their slugs instead."""
    people = _People()
    for row in articles:
        name = byline_name(str(row.pop("byline", "") or ""))
        row["authors"] = [people.named(name)["slug"]] if name else []
        contacts = sorted(row.get("contacts") or [], key=lambda item: item.get("position", 0))
        row["contacts"] = []
        for item in contacts:
            email = str(item.get("email") or "")
            person = people.contact(str(item.get("name") or email).strip(), email)
            if title := item.get("title"):
                person.setdefault(f"title_{row['language']}", title)
            if phone := item.get("phone"):
                person.setdefault("phone", phone)
            if person["slug"] not in row["contacts"]:
                row["contacts"].append(person["slug"])
    return list(people.rows.values())
