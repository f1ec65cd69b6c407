"""The article history compares: two revisions side by side with their words marked, and
the restore page showing what a restore would change."""

from __future__ import annotations

from typing import Any

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html
from reversion.models import Revision, Version

from articles.models import Article, Status
from publishing.diffing import body_blocks, diff_words
from tests.factories import (
    make_article,
    make_category,
    make_person,
    make_photo,
    make_revision,
    make_user,
)

pytestmark = pytest.mark.django_db

LEAD = "The library is open every day of the week."
BODY = (
    "<h2>Opening hours</h2><p>The doors open at eight.</p>"
    "<p>Coffee is served in the lobby.</p><ul><li>Free entry</li></ul>"
)


@pytest.fixture
def editor():
    return make_user("eero", role="Editor")


@pytest.fixture
def article() -> Article:
    return make_article(title="Library opens", lead=LEAD, body=BODY, status=Status.DRAFT)


def _compare(client, article: Article, older: Revision, newer: Revision):
    return client.get(
        f"/admin/articles/article/{article.pk}/history/compare/",
        {"from": older.pk, "to": newer.pk},
    )


def _all(node: Any, tag: str = "*", cls: str | None = None) -> list[Any]:
    """Elements under `node` by tag and class (a CSS selector's `tag.cls`)."""
    test = f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else ""
    return node.xpath(f".//{tag}{test}")


def _field(page: str, name: str) -> Any:
    rows = _all(html.fromstring(page), "tr", f"newsroom-diff__field--{name}")
    assert rows, f"no row for {name}"
    return rows[0]


def _marked(row: Any, tag: str) -> list[str]:
    """The texts marked inserted or deleted in a row, less their hidden "added:" words."""
    found = []
    for element in _all(row, tag):
        hidden = "".join(span.text_content() for span in _all(element, cls="visually-hidden"))
        found.append(element.text_content().removeprefix(hidden))
    return found


def _unchanged(page: str) -> str:
    return _all(_all(html.fromstring(page), "details")[0], "summary")[0].text_content()


def test_one_changed_word_in_the_lead_is_marked_and_the_rest_is_unchanged(client, editor, article):
    first = make_revision(article, editor)
    second = make_revision(article, editor, lead=LEAD.replace("every", "each"))
    client.force_login(editor)

    response = _compare(client, article, first, second)

    assert response.status_code == 200
    lead = _field(response.text, "lead")
    assert _marked(lead, "del") == ["every"]
    assert _marked(lead, "ins") == ["each"]
    assert "added:" in _all(_all(lead, "ins")[0], cls="visually-hidden")[0].text_content()
    changed = _all(_all(html.fromstring(response.text), "tbody")[0], "tr")
    assert [row.get("class").split()[-1] for row in changed] == ["newsroom-diff__field--lead"]
    unchanged = _unchanged(response.text)
    for label in ("Title", "Slug", "Body", "Categories", "Tags", "Status"):
        assert label in unchanged
    assert "Lead" not in unchanged


def test_the_body_is_compared_block_by_block_keeping_its_paragraphs(client, editor, article):
    first = make_revision(article, editor)
    second = make_revision(
        article,
        editor,
        body=BODY.replace("eight", "nine").replace("<ul>", "<p>Welcome.</p><ul>"),
    )
    client.force_login(editor)

    body = _field(_compare(client, article, first, second).text, "body")

    old, new = _all(body, cls="newsroom-diff__old")[0], _all(body, cls="newsroom-diff__new")[0]
    blocks = [" ".join(p.text_content().split()) for p in _all(new, "p", "newsroom-diff__block")]
    assert blocks == [
        "Subheading: Opening hours",
        "The doors open at added: nine.",
        "Coffee is served in the lobby.",
        "added: Welcome.",
        "List item: Free entry",
    ]
    assert len(_all(old, "p", "newsroom-diff__block")) == 4
    assert _marked(body, "del") == ["eight"]
    assert _all(new, "p", "newsroom-diff__block--heading")


def test_category_and_tag_changes_are_listed(client, editor, article):
    research, campus = make_category(name_en="Research"), make_category(name_en="Campus")
    first = make_revision(article, editor, categories=[research], tags=["library", "opening"])
    second = make_revision(article, editor, categories=[campus], tags=["library", "students"])
    client.force_login(editor)

    page = _compare(client, article, first, second).text

    assert _marked(_field(page, "categories"), "del") == ["Research"]
    assert _marked(_field(page, "categories"), "ins") == ["Campus"]
    tags = _field(page, "tags")
    assert _marked(tags, "del") == ["opening"]
    assert _marked(tags, "ins") == ["students"]
    assert "library" in tags.text_content()


def test_a_revision_compared_with_itself_shows_no_changes(client, editor, article):
    only = make_revision(article, editor)
    client.force_login(editor)

    response = _compare(client, article, only, only)

    assert response.status_code == 200
    assert "No changes" in response.text
    assert "<ins" not in response.text and "<del" not in response.text


def test_hostile_content_in_a_revision_is_shown_as_text(client, editor, article):
    first = make_revision(article, editor)
    hostile = '<script>alert("x")</script> "quoted" & \'single\''
    # Saved around the body's sanitiser, as an old or imported revision might hold it.
    Article.objects.filter(pk=article.pk).update(title=hostile, body=f"<p>{hostile}</p>")
    article.refresh_from_db()
    with reversion.create_revision():
        reversion.add_to_revision(article)
    second = Version.objects.get_for_object(article).first().revision
    client.force_login(editor)

    page = _compare(client, article, first, second).text

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    tree = html.fromstring(page)
    assert not tree.xpath("//script[contains(., 'alert')]")
    # The body is HTML: its tags are structure, its text is shown as text.
    assert 'alert("x") "quoted"' in _field(page, "body").text_content()
    assert _marked(_field(page, "title"), "ins")[0].startswith("<script>")


def test_a_writer_may_compare_but_not_restore_a_published_article(client, editor):
    writer = make_user("wanda", role="Writer")
    article = make_article(lead=LEAD, hero_photo=make_photo(), categories=[make_category()])
    first = make_revision(article, editor)
    second = make_revision(article, editor, lead="A new lead.")
    client.force_login(writer)

    compare = _compare(client, article, first, second)
    history = client.get(f"/admin/articles/article/{article.pk}/history/")
    version = Version.objects.get_for_object(article).last()
    restore = client.get(f"/admin/articles/article/{article.pk}/history/{version.pk}/")

    assert compare.status_code == 200
    assert "Review restoring" not in compare.text
    assert history.status_code == 200
    assert f'name="from" value="{first.pk}"' in history.text
    assert restore.status_code == 403


def test_staff_without_the_view_permission_cannot_compare(client, editor, article):
    first = make_revision(article, editor)
    client.force_login(make_user("nobody"))

    assert _compare(client, article, first, first).status_code == 403


def test_a_revision_of_another_article_is_not_found(client, editor, article):
    first = make_revision(article, editor)
    other = make_article(status=Status.DRAFT)
    elsewhere = make_revision(other, editor)
    client.force_login(editor)

    assert _compare(client, article, first, elsewhere).status_code == 404


def test_the_restore_page_shows_what_restoring_would_change_and_changes_nothing(
    client, editor, article
):
    first = make_revision(article, editor)
    make_revision(article, editor, title="Library opens its doors", lead="Open daily.")
    version = Version.objects.get_for_object(article).get(revision=first)
    client.force_login(editor)

    response = client.get(f"/admin/articles/article/{article.pk}/history/{version.pk}/")

    assert response.status_code == 200
    assert "What restoring this revision would change" in response.text
    title = _field(response.text, "title")
    assert _marked(title, "del") == ["its doors"]
    assert _marked(title, "ins") == []
    article.refresh_from_db()
    assert article.title == "Library opens its doors"


def test_the_history_page_offers_two_revisions_to_compare(client, editor, article):
    first = make_revision(article, editor)
    second = make_revision(article, editor, lead="Open daily.")
    client.force_login(editor)

    page = html.fromstring(client.get(f"/admin/articles/article/{article.pk}/history/").text)

    form = _all(page, "form", "newsroom-history")[0]
    assert form.get("action") == f"/admin/articles/article/{article.pk}/history/compare/"
    assert page.xpath("//input[@name='from'][@checked]")[0].get("value") == str(first.pk)
    assert page.xpath("//input[@name='to'][@checked]")[0].get("value") == str(second.pk)
    assert page.xpath(f"//label[@for='compare-from-{first.pk}']")


def test_the_compare_page_costs_the_same_queries_whatever_the_field_sizes(client, editor):
    client.force_login(editor)

    def queries_for(size: int) -> int:
        photos = [make_photo() for _ in range(size)]
        categories = [make_category() for _ in range(size)]
        article = make_article(
            status=Status.DRAFT,
            body="".join(f"<p>Paragraph {n} of many words.</p>" for n in range(size * 20)),
            hero_photo=photos[0],
            translation_of=make_article(),
        )
        first = make_revision(article, editor, categories=categories[:1], tags=["a"])
        for position, photo in enumerate(photos):
            article.gallery.create(photo=photo, position=position)
            article.related_links.create(target=make_article(), position=position)
            article.contacts.create(person=make_person(), position=position)
            article.authors.create(person=make_person(), position=position)
        second = make_revision(
            article,
            editor,
            categories=categories,
            tags=[f"tag {n}" for n in range(size)],
            lead="Longer " * size,
        )
        with CaptureQueriesContext(connection) as queries:
            assert _compare(client, article, first, second).status_code == 200
        return len(queries)

    assert queries_for(1) == queries_for(12)


def test_a_mark_starts_and_ends_with_a_word():
    assert diff_words("Library opens", "Library opens its doors") == [
        ("equal", "Library opens "),
        ("insert", "its doors"),
    ]
    # A change of white space alone stays marked.
    assert [op for op, _text in diff_words("one  two", "one two")] == [
        "equal",
        "delete",
        "insert",
        "equal",
    ]


def test_words_and_blocks_are_diffed_as_text():
    assert "".join(text for _op, text in diff_words("a big red dog", "a small blue dog")) == (
        "a big redsmall blue dog"
    )
    assert [op for op, _text in diff_words("a big red dog", "a small blue dog")] == [
        "equal",
        "delete",
        "insert",
        "equal",
    ]
    assert body_blocks("<blockquote><p>Said &amp; done</p></blockquote><h3>Next</h3>") == [
        ("quote", "Said & done"),
        ("heading", "Next"),
    ]
