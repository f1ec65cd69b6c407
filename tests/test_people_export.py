"""People in exports: format version 3 carries them (people.json) and the articles'
authors and contacts by slug; a version 2 export's bylines and contacts become people."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Person
from photos.models import Photo
from tests.factories import make_article, make_person, make_photo

pytestmark = pytest.mark.django_db


def _empty_the_site() -> None:
    Article.objects.all().delete()
    Person.objects.all().delete()
    Photo.objects.all().delete()


def _credits(article: Article, relation: str) -> list[str]:
    return [credit.person.slug for credit in getattr(article, relation).all()]


def test_people_travel_with_their_photos_order_and_hidden_flag(tmp_path, capsys):
    anna = make_person(
        "Anna Virtanen",
        slug="anna-virtanen",
        title_fi="Tiedetoimittaja",
        unit_sv="Kommunikation",
        bio_en="Anna writes about research.",
        email="anna@example.edu",
        photo=make_photo(alt_text="Anna"),
    )
    former = make_person("Former Writer", slug="former-writer", hidden=True)
    contact = make_person("Liisa Press", slug="liisa-press", phone="+358 50 1")
    make_article(slug="story", authors=[former, anna], contacts=[contact, anna])
    export = tmp_path / "export.zip"
    call_command("export_news", str(export), verbosity=0)
    _empty_the_site()

    call_command("import_news", str(export), verbosity=0)

    article = Article.objects.get(slug="story")
    assert _credits(article, "authors") == ["former-writer", "anna-virtanen"]
    assert _credits(article, "contacts") == ["liisa-press", "anna-virtanen"]
    anna = Person.objects.get(slug="anna-virtanen")
    assert (anna.title_fi, anna.unit_sv, anna.bio_en, anna.email) == (
        "Tiedetoimittaja",
        "Kommunikation",
        "Anna writes about research.",
        "anna@example.edu",
    )
    assert anna.photo.alt_text == "Anna"
    assert Person.objects.get(slug="former-writer").hidden

    call_command("import_news", str(export))
    # A second import changes nothing: not the people, nor the photos (whose renditions
    # are this site's own, not copied from the export).
    assert capsys.readouterr().out.strip().endswith("is already in place; nothing changed.")


def _as_version_2(folder: Path, articles: list[dict]) -> None:
    """Rewrite a folder export as version 2 wrote it: no people.json, and these
    article rows (with byline and contacts)."""
    (folder / "people.json").unlink()
    raw = json.dumps(articles).encode()
    (folder / "articles.json").write_bytes(raw)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["version"] = 2
    del manifest["files"]["people.json"]
    manifest["files"]["articles.json"] = hashlib.sha256(raw).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))


def test_a_version_2_export_s_bylines_and_contacts_become_people(tmp_path, capsys, client):
    make_article(slug="story")
    make_article(slug="tarina", language="fi")
    folder = tmp_path / "export"
    call_command("export_news", str(folder), verbosity=0)
    _empty_the_site()
    articles = json.loads((folder / "articles.json").read_text())
    for row in articles:
        del row["authors"]
        row["byline"] = {"en": "Text: Anna Virtanen", "fi": "Teksti: Anna Virtanen"}[
            row["language"]
        ]
        row["contacts"] = [
            {"name": "Jussi Salo", "title": "Director", "email": "", "phone": "", "position": 2},
            {"name": "Anna Virtanen", "title": "", "email": "anna@example.edu", "position": 1},
        ]
        if row["language"] == "fi":
            row["contacts"][0]["title"] = "Elinkeinojohtaja"
    _as_version_2(folder, articles)

    call_command("import_news", str(folder), verbosity=0)

    assert sorted(Person.objects.values_list("name", flat=True)) == ["Anna Virtanen", "Jussi Salo"]
    jussi = Person.objects.get(name="Jussi Salo")
    assert (jussi.title_en, jussi.title_fi) == ("Director", "Elinkeinojohtaja")
    assert Person.objects.get(name="Anna Virtanen").email == "anna@example.edu"
    for article in Article.objects.all():
        assert _credits(article, "authors") == ["anna-virtanen"]
        assert _credits(article, "contacts") == ["anna-virtanen", "jussi-salo"]
    page = client.get("/en/news/story/").text
    assert '<a class="byline__name" href="/en/news/author/anna-virtanen/">' in page

    call_command("import_news", str(folder))
    assert "nothing changed" in capsys.readouterr().out
