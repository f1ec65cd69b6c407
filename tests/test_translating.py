"""Translating beside the original: the story a translation is made from, read-only,
next to the translation's form."""

from __future__ import annotations

import pytest

from articles.models import Status
from tests.factories import make_article

pytestmark = pytest.mark.django_db

SECTION = 'class="translation-source"'


@pytest.fixture
def original():
    return make_article(
        title="City and university <deepen> their partnership",
        lead="A new agreement for sustainable growth.",
        body="<h2>Three themes</h2><p>Housing, transport and <strong>skills</strong>.</p>",
        status=Status.PUBLISHED,
    )


def test_a_translations_form_shows_its_original_beside_it(writer_client, original):
    finnish = make_article(
        title="Kaupunki ja yliopisto", language="fi", status=Status.DRAFT,
        published_at=None, translation_of=original,
    )  # fmt: skip

    html = writer_client.get(f"/admin/articles/article/{finnish.pk}/change/").content.decode()

    assert SECTION in html
    assert "The original (English)" in html
    assert 'lang="en"' in html
    assert "City and university &lt;deepen&gt; their partnership" in html  # escaped
    assert "A new agreement for sustainable growth." in html
    assert "<h2>Three themes</h2><p>Housing, transport and <strong>skills</strong>.</p>" in html


def test_the_add_translation_link_opens_a_form_with_the_original_beside_it(writer_client, original):
    url = f"/admin/articles/article/add/?translation_of={original.pk}&language=sv"
    html = writer_client.get(url).content.decode()

    assert SECTION in html and "A new agreement for sustainable growth." in html


@pytest.mark.parametrize("value", ["", "abc", "1 OR 1=1", "-1", "99999999"])
def test_no_original_and_no_error_for_odd_or_unknown_ids(writer_client, value):
    response = writer_client.get(f"/admin/articles/article/add/?translation_of={value}")

    assert response.status_code == 200
    assert SECTION not in response.content.decode()


def test_an_article_that_is_no_translation_shows_no_original(writer_client, original):
    draft = make_article(title="Plain story", status=Status.DRAFT, published_at=None)
    html = writer_client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()

    assert SECTION not in html


@pytest.mark.parametrize(
    "query",
    ["hero_photo=abc", "social_image=x", "categories=1,abc,2", "translation_of=1 OR 1=1"],
)
def test_an_add_form_address_with_values_that_name_no_row_opens_the_form(writer_client, query):
    assert writer_client.get(f"/admin/articles/article/add/?{query}").status_code == 200
