"""Migrations articles 0012-0014: bylines and media contacts become people, linked to
their articles in order, and back again."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0011_corrections")]
AFTER = [("articles", "0014_remove_byline_and_media_contacts")]


def _migrate(targets: list[tuple[str, str]]):
    """Migrate the test database to `targets`; the historical models there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def old_apps():
    apps = _migrate(BEFORE)
    yield apps
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_bylines_and_media_contacts_become_people_in_order(old_apps):
    Article = old_apps.get_model("articles", "Article")
    MediaContact = old_apps.get_model("articles", "MediaContact")

    def article(slug: str, language: str, byline: str):
        return Article.objects.create(title=slug, slug=slug, language=language, byline=byline)

    first = article("first", "en", "Text: Anna Virtanen")
    second = article("toinen", "fi", "Teksti: Anna Virtanen")
    third = article("third", "en", "University Communications")
    article("fourth", "en", "")
    for position, (name, title, email) in enumerate(
        [
            ("Jussi Salo", "Director", "jussi@example.edu"),
            ("Anna Virtanen", "Science Writer", "anna@example.edu"),
        ],
        1,
    ):
        MediaContact.objects.create(
            article=first, name=name, title=title, email=email, phone="+358 1", position=position
        )
    MediaContact.objects.create(
        article=second, name="J. Salo", title="Elinkeinojohtaja", email="JUSSI@example.edu"
    )
    MediaContact.objects.create(article=third, name="Press Office", title="Helpdesk")

    apps = _migrate(AFTER)

    Person = apps.get_model("articles", "Person")
    Article = apps.get_model("articles", "Article")
    people = {p.name: p for p in Person.objects.all()}
    assert set(people) == {
        "Anna Virtanen",
        "University Communications",
        "Jussi Salo",
        "Press Office",
    }
    anna, jussi = people["Anna Virtanen"], people["Jussi Salo"]
    # The author of that name got the contact's email and title: one person.
    assert (anna.slug, anna.email, anna.title_en) == (
        "anna-virtanen",
        "anna@example.edu",
        "Science Writer",
    )
    # Matched by email, whatever the case: the Finnish title of the same person.
    assert (jussi.title_en, jussi.title_fi, jussi.phone) == (
        "Director",
        "Elinkeinojohtaja",
        "+358 1",
    )

    def credits(slug: str, relation: str) -> list[str]:
        article = Article.objects.get(slug=slug)
        return [c.person.name for c in getattr(article, relation).order_by("position", "pk")]

    assert credits("first", "authors") == ["Anna Virtanen"]
    assert credits("first", "contacts") == ["Jussi Salo", "Anna Virtanen"]
    assert credits("toinen", "authors") == ["Anna Virtanen"]
    assert credits("toinen", "contacts") == ["Jussi Salo"]
    assert credits("third", "authors") == ["University Communications"]
    assert credits("fourth", "authors") == []
    assert not [f for f in Article._meta.get_fields() if f.name == "byline"]


def test_migrating_back_turns_people_into_bylines_and_contacts_again(old_apps):
    Article = old_apps.get_model("articles", "Article")
    MediaContact = old_apps.get_model("articles", "MediaContact")
    story = Article.objects.create(title="t", slug="t", language="fi", byline="Teksti: Aino")
    MediaContact.objects.create(article=story, name="Aino", title="Professori", email="a@x.fi")
    _migrate(AFTER)

    apps = _migrate(BEFORE)

    Article = apps.get_model("articles", "Article")
    story = Article.objects.get(slug="t")
    assert story.byline == "Aino"
    contact = apps.get_model("articles", "MediaContact").objects.get(article=story)
    assert (contact.name, contact.title, contact.email) == ("Aino", "Professori", "a@x.fi")
