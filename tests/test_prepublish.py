"""The pre-publish panel beside the article form: what publishing requires, and advice
on headings, links, alt text, lengths, words and reading time that does not block."""

from __future__ import annotations

import pytest

from articles.models import Article, Status
from publishing.prepublish import review
from tests.factories import make_article, make_category, make_photo, make_user
from tests.test_workflow import _form_data

pytestmark = pytest.mark.django_db


def _article(**fields) -> Article:
    defaults = {
        "title": "Robots join the library",
        "slug": "robots",
        "language": "en",
        "lead": "The library's new helpers carry books to readers on every floor.",
        "body": "",
    }
    return Article(**(defaults | fields))


def test_the_required_part_is_the_publishing_rule():
    report = review(_article(lead="", slug=""), [])

    assert report.required == [
        "A published article needs a lead.",
        "A published article needs a hero photo.",
        "A published article needs at least one category.",
        "A published article needs a slug.",
    ]


@pytest.mark.parametrize(
    ("body", "advice"),
    [
        ("<h2>A</h2><h3>B</h3><h2>C</h2>", None),
        ("<h2>A</h2><h4>B</h4>", "A level 4 heading follows a level 2 one"),
        ("<h3>A</h3>", "A level 3 heading follows a level 1 one"),
        ("<h1>Again the title</h1>", "The body has a main heading (H1)"),
        ('<p><a href="https://x.example/">Click here</a></p>', "“Click here” says nothing"),
        ('<p><a href="https://x.example/">lue lisää</a></p>', "“lue lisää” says nothing"),
        ('<p><a href="https://x.example/">https://x.example/</a></p>', "a bare address"),
        ('<p><a href="https://x.example/">The booking guide</a></p>', None),
    ],
)
def test_the_body_gets_advice_on_heading_order_and_link_texts(body, advice):
    found = review(_article(body=body), []).advice

    if advice is None:
        assert found == []
    else:
        assert any(advice in message for message in found), found


@pytest.mark.parametrize(
    ("alt_text", "caption", "advised"),
    [
        ("IMG_0042.JPG", "", True),
        ("robot-library.jpg", "", True),
        ("DSC 1234", "", True),
        ("A robot between shelves", "A robot between shelves", True),
        ("A robot between shelves", "The library's new helper", False),
    ],
)
def test_alt_text_that_is_a_file_name_or_repeats_the_caption_is_advised_on(
    alt_text, caption, advised
):
    photo = make_photo(alt_text=alt_text, caption=caption)

    advice = review(_article(hero_photo=photo), []).advice

    assert any("alt text" in message for message in advice) is advised


def test_lengths_words_and_reading_time_in_the_storys_language():
    body = "<p>" + " ".join(["sana"] * 640) + "</p>"
    long_title = "A" * 70
    english = review(_article(title=long_title, body=body, lead="Short."), [])
    finnish = review(_article(body=body, language="fi", lead="Lyhyt."), [])

    assert any("about 60 characters; this is 70" in m for m in english.advice)
    assert any("50 to 160" in m and "this is 6" in m for m in english.advice)
    assert english.words == 641
    assert english.reading_minutes == 3  # 641 words at 228 a minute
    assert finnish.reading_minutes == 4  # Finnish is read at 161 words a minute
    assert english.search_title == long_title


def test_the_panel_follows_the_form_and_names_what_is_missing(client):
    client.force_login(make_user("wanda", role="Writer"))
    draft = make_article(
        title="Robots", status=Status.DRAFT, published_at=None, lead="",
        categories=[make_category()],
    )  # fmt: skip
    data = _form_data(draft, body='<h2>Why</h2><p><a href="https://x.example/">here</a></p>')

    response = client.post(f"/admin/articles/article/{draft.pk}/live-preview/", data)

    html = response.json()["panel"]
    assert response.status_code == 200
    assert "A published article needs a lead." in html
    assert "A published article needs a hero photo." in html
    assert "“here” says nothing" in html
    assert "http://testserver/en/news/" in html  # the search result's address
    assert "private" in response["Cache-Control"]
    # It comes with the preview: POST only, for who may change the article.
    assert client.get(f"/admin/articles/article/{draft.pk}/live-preview/").status_code == 405
    client.force_login(make_user("nobody"))
    assert client.post(f"/admin/articles/article/{draft.pk}/live-preview/", data).status_code == 403
