"""The editorial workflow in the admin: roles, publishing rules, actions, stale saves,
history, the status column and the site notice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, SiteNotice, Status
from publishing.admin.articles import ArticleAdmin
from publishing.forms import ArticleAdminForm, StaleArticleError
from publishing.roles import ROLES
from tests.factories import make_article, make_category, make_photo, make_user

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"
LIST_URL = "/admin/articles/article/"


def _change_url(article: Article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def _inlines() -> dict[str, str]:
    data = {}
    for prefix in ("authors", "gallery", "related_links", "contacts", "corrections"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data


def _form_data(article: Article | None = None, **overrides: Any) -> dict[str, Any]:
    """What the admin's change form posts for `article` (or a new article)."""
    data: dict[str, Any] = {
        "title": "Campus opens a new library",
        "slug": "campus-library",
        "language": "en",
        "lead": "The library is open every day.",
        "body": "<p>Welcome.</p>",
        "hero_caption": "",
        "categories": [],
        "tags": "",
        "status": "draft",
        "published_at": "",
        "updated_at": "",
        **_inlines(),
    }
    if article is not None:
        local = timezone.localtime(article.published_at) if article.published_at else None
        data |= {
            "title": article.title,
            "slug": article.slug,
            "language": article.language,
            "lead": article.lead,
            "body": article.body,
            "hero_photo": article.hero_photo_id or "",
            "categories": [c.pk for c in article.categories.all()],
            "status": article.status,
            "published_at": local.strftime("%Y-%m-%dT%H:%M:%S") if local else "",
            "author": article.author_id or "",
            "loaded_version": article.version,
        }
    return data | overrides


def _ready_article(**fields: Any) -> Article:
    """A draft that has everything publishing needs."""
    defaults = {"status": Status.DRAFT, "published_at": None, "hero_photo": make_photo()}
    return make_article(categories=[make_category()], **(defaults | fields))


def _errors(response) -> dict[str, list[str]]:
    form = response.context["adminform"].form
    return {field: list(messages) for field, messages in form.errors.items()}


# Roles.


def test_migrate_creates_the_writer_and_editor_groups_and_only_editors_may_publish():
    writer = set(Group.objects.get(name="Writer").permissions.values_list("codename", flat=True))
    editor = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))

    assert {"add_article", "change_article", "view_article", "add_photo"} <= writer
    assert "publish_article" not in writer
    assert "delete_article" not in writer
    assert not any(code.endswith("_sitenotice") for code in writer)
    assert writer < editor
    assert {"publish_article", "delete_article", "add_sitenotice", "change_sitenotice"} <= editor


def test_the_roles_keep_their_photo_permissions_after_photos_moved_to_their_own_app():
    """The roles were made when photos were the articles app's; the move took the
    permissions along (photos' migration 0001), so Writers still add photos."""
    writer = make_user("writer", role="Writer")
    assert writer.has_perms(["photos.add_photo", "photos.change_photo", "photos.view_photo"])
    assert not writer.has_perm("photos.delete_photo")
    assert make_user("editor", role="Editor").has_perm("photos.delete_photo")
    assert not ContentType.objects.filter(app_label="articles", model="photo").exists()
    # The groups the migrations made are the roles as the code states them today.
    for role, permissions in ROLES.items():
        made = Group.objects.get(name=role).permissions.values_list(
            "content_type__app_label", "codename"
        )
        assert set(made) == set(permissions), role


def test_writer_writes_a_draft_without_category_and_submits_it_for_review(writer_client):
    response = writer_client.post(ADD_URL, _form_data())
    assert response.status_code == 302, _errors(response)
    article = Article.objects.get(slug="campus-library")
    assert article.status == Status.DRAFT
    assert article.author.username == "wanda"

    response = writer_client.post(_change_url(article), _form_data(article, status="review"))

    assert response.status_code == 302, _errors(response)
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert not article.is_published()


def test_writer_posting_status_published_gets_a_form_error_and_nothing_changes(writer_client):
    article = _ready_article(status=Status.REVIEW)

    response = writer_client.post(_change_url(article), _form_data(article, status="published"))

    assert response.status_code == 200
    assert _errors(response)["status"] == [
        "Only editors can publish articles. Choose 'In review' to ask an editor."
    ]
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert article.version == 1


def test_writer_cannot_create_an_article_as_published(writer_client):
    photo, category = make_photo(), make_category()
    data = _form_data(status="published", hero_photo=photo.pk, categories=[category.pk])

    response = writer_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "status" in _errors(response)
    assert not Article.objects.exists()


def test_writer_is_not_offered_published_status_or_the_publish_time(writer_client):
    article = _ready_article()

    page = writer_client.get(_change_url(article)).text

    assert '<option value="review"' in page
    assert '<option value="published"' not in page
    assert 'name="published_at"' not in page


def test_writer_sees_a_published_article_read_only_and_cannot_post_to_it(writer_client):
    article = _ready_article(status=Status.PUBLISHED, published_at=timezone.now())

    page = writer_client.get(_change_url(article))
    response = writer_client.post(_change_url(article), _form_data(article, status="draft"))

    assert page.status_code == 200
    assert 'name="title"' not in page.text  # shown, not editable
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_writer_cannot_schedule_by_posting_a_publish_time(writer_client):
    article = _ready_article(status=Status.REVIEW)
    tomorrow = timezone.localtime() + timedelta(days=1)

    response = writer_client.post(
        _change_url(article),
        _form_data(
            article,
            published_at=tomorrow.strftime("%Y-%m-%dT09:00"),
        ),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.published_at is None


def test_list_actions_for_publishing_are_not_offered_to_writers_and_refused_when_forged(
    writer_client,
):
    article = _ready_article(status=Status.REVIEW)

    page = writer_client.get(LIST_URL).text
    response = writer_client.post(
        LIST_URL, {"action": "publish", "_selected_action": [article.pk]}, follow=True
    )

    assert 'value="submit_for_review"' in page
    assert 'value="publish"' not in page
    assert 'value="unpublish"' not in page
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_writer_submits_drafts_for_review_from_the_list(writer_client):
    draft = _ready_article()

    response = writer_client.post(
        LIST_URL, {"action": "submit_for_review", "_selected_action": [draft.pk]}, follow=True
    )

    assert "1 article submitted for review." in response.text
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert draft.version == 2


# Publishing by an editor.


def test_editor_publishes_from_the_form_and_the_article_is_public(editor_client, client):
    article = _ready_article(status=Status.REVIEW)

    response = editor_client.post(_change_url(article), _form_data(article, status="published"))

    assert response.status_code == 302, _errors(response)
    article.refresh_from_db()
    assert article.is_published()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_publishing_says_what_is_missing_field_by_field(editor_client):
    photo_without_alt = make_photo(alt_text=" ")
    data = _form_data(status="published", lead="", hero_photo=photo_without_alt.pk)

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    errors = _errors(response)
    assert errors["lead"] == ["A published article needs a lead."]
    assert errors["hero_photo"] == [
        "The hero photo has no alt text: add it in the photo library first."
    ]
    assert errors["categories"] == ["A published article needs at least one category."]
    assert not Article.objects.exists()

    response = editor_client.post(ADD_URL, _form_data(status="published", lead="A lead."))
    assert _errors(response)["hero_photo"] == ["A published article needs a hero photo."]


def test_slug_must_be_unique_in_its_language_only(editor_client):
    make_article(slug="campus-library", language="en")

    taken = editor_client.post(ADD_URL, _form_data())
    finnish = editor_client.post(ADD_URL, _form_data(language="fi"))

    assert _errors(taken) == {
        "slug": ["Another article in this language already has the address 'campus-library'."]
    }
    assert finnish.status_code == 302
    assert Article.objects.filter(slug="campus-library").count() == 2


def test_editor_schedules_an_article_that_appears_by_itself(editor_client, client):
    article = _ready_article(status=Status.REVIEW)
    when = timezone.localtime() + timedelta(hours=2)

    response = editor_client.post(
        _change_url(article),
        _form_data(
            article,
            status="published",
            published_at=when.strftime("%Y-%m-%dT%H:%M:%S"),
        ),
    )

    assert response.status_code == 302, _errors(response)
    assert article.title not in client.get("/en/news/").text
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Scheduled" in editor_client.get(LIST_URL).text
    with time_machine.travel(when + timedelta(seconds=1)):
        assert article.title in client.get("/en/news/").text
        assert client.get(article.get_absolute_url()).status_code == 200


def test_publish_action_publishes_ready_articles_and_names_what_the_others_lack(editor_client):
    ready = _ready_article(title="Ready story")
    lacking = make_article(
        title="Story without photo", status=Status.REVIEW, published_at=None, lead=""
    )

    response = editor_client.post(
        LIST_URL, {"action": "publish", "_selected_action": [ready.pk, lacking.pk]}, follow=True
    )

    assert "1 article published." in response.text
    assert "“Story without photo” was not published: A published article needs a lead." in (
        response.text
    )
    ready.refresh_from_db()
    lacking.refresh_from_db()
    assert ready.is_published()
    assert lacking.status == Status.REVIEW


def test_unpublish_action_takes_an_article_back_to_draft(editor_client, client):
    article = _ready_article(status=Status.PUBLISHED, published_at=timezone.now())

    editor_client.post(LIST_URL, {"action": "unpublish", "_selected_action": [article.pk]})

    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert client.get(article.get_absolute_url()).status_code == 404


def test_article_list_shows_each_status_clearly_and_filters_scheduled(editor_client):
    now = timezone.now()
    make_article(title="A draft", status=Status.DRAFT)
    make_article(title="A story in review", status=Status.REVIEW)
    make_article(title="A scheduled story", published_at=now + timedelta(days=1))
    make_article(title="A published story", published_at=now - timedelta(days=1))

    page = editor_client.get(LIST_URL).text
    scheduled = editor_client.get(LIST_URL, {"state": "scheduled"}).text

    for state, label in [
        ("draft", "Draft"),
        ("review", "In review"),
        ("scheduled", "Scheduled"),
        ("published", "Published"),
    ]:
        assert f'<span class="newsroom-state newsroom-state--{state}">{label}</span>' in page
    assert "A scheduled story" in scheduled
    assert "A published story" not in scheduled
    assert "A draft" not in scheduled


# No lost updates.


def test_saving_a_stale_form_is_refused_and_overwrites_nothing(client):
    first = make_user("first", role="Editor")
    second = make_user("second", role="Editor")
    article = _ready_article(title="Original title")
    stale = _form_data(article)  # both opened the form at version 1
    client.force_login(first)
    assert client.post(_change_url(article), stale | {"title": "First's title"}).status_code == 302

    client.force_login(second)
    response = client.post(_change_url(article), stale | {"title": "Second's title"})

    assert response.status_code == 200
    assert "Someone else changed this article while you were editing it" in response.text
    article.refresh_from_db()
    assert article.title == "First's title"
    assert article.version == 2


def test_a_save_racing_past_the_form_check_is_rolled_back_by_the_database_compare():
    """The form's check and the save are two steps; the UPDATE … WHERE version = n in
    save_model is what guarantees the refusal when another save lands in between."""
    editor = make_user("eero", role="Editor")
    article = _ready_article(title="Original title")
    model_admin = ArticleAdmin(Article, admin.site)
    request = RequestFactory().post("/")
    request.user = editor
    form_class = model_admin.get_form(request, article, change=True)
    form = form_class(_form_data(article, title="Late title"), instance=article)
    assert form.is_valid(), form.errors
    Article.objects.filter(pk=article.pk).update(title="Racing title", version=2)

    with pytest.raises(StaleArticleError):
        model_admin.save_model(request, form.save(commit=False), form, change=True)

    article.refresh_from_db()
    assert (article.title, article.version) == ("Racing title", 2)


def test_a_list_action_makes_forms_opened_before_it_stale(editor_client):
    article = _ready_article(status=Status.REVIEW)
    opened = _form_data(article, title="Edited in an old form")
    editor_client.post(LIST_URL, {"action": "publish", "_selected_action": [article.pk]})

    response = editor_client.post(_change_url(article), opened | {"status": "review"})

    assert "Someone else changed this article" in response.text
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


# Revision history.


def test_history_shows_who_changed_what_and_restores_an_old_version(editor_client):
    response = editor_client.post(ADD_URL, _form_data(title="First title"))
    article = Article.objects.get()
    editor_client.post(_change_url(article), _form_data(article, title="Second title"))
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2

    history = editor_client.get(f"/admin/articles/article/{article.pk}/history/").text
    oldest = versions.last()
    assert "eero" in history
    assert "Changed Title." in history
    assert f"/admin/articles/article/{article.pk}/history/{oldest.pk}/" in history

    article.refresh_from_db()
    revert_url = f"/admin/articles/article/{article.pk}/history/{oldest.pk}/"
    form_page = editor_client.get(revert_url)
    assert 'value="First title"' in form_page.text
    response = editor_client.post(revert_url, _form_data(article, title="First title"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "First title"
    # Restoring never moves the lock backwards: forms opened before are stale.
    assert article.version == 3


def test_writer_cannot_unpublish_by_restoring_an_old_revision(client):
    editor, writer = make_user("eero", role="Editor"), make_user("wanda", role="Writer")
    photo, category = make_photo(), make_category()
    client.force_login(editor)
    client.post(ADD_URL, _form_data(hero_photo=photo.pk, categories=[category.pk]))
    article = Article.objects.get()
    client.post(_change_url(article), _form_data(article, status="published"))
    article.refresh_from_db()
    assert article.is_published()
    draft_version = Version.objects.get_for_object(article).last()
    client.force_login(writer)

    response = client.post(
        f"/admin/articles/article/{article.pk}/history/{draft_version.pk}/",
        _form_data(article, status="draft"),
    )

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.is_published()


# The editor widget and the site notice.


def test_body_is_edited_with_the_prose_editor_offering_only_allowed_elements(editor_client):
    page = editor_client.get(ADD_URL).text

    assert "data-django-prose-editor-configurable" in page
    assert "django_prose_editor/editor.js" in page
    assert "&quot;levels&quot;:[2,3,4]" in page
    assert "Table" not in page.split("data-django-prose-editor-configurable")[1][:2000]


def test_site_notice_is_shown_on_every_public_page_until_its_end_time(client):
    article = make_article(title="A story")
    ends = timezone.now() + timedelta(hours=3)
    SiteNotice.objects.create(message="The campus is closed on 6 December.", ends_at=ends)
    pages = ["/en/news/", "/fi/news/", article.get_absolute_url()]

    with time_machine.travel(ends - timedelta(seconds=1)):
        for url in pages:
            assert "The campus is closed on 6 December." in client.get(url).text, url
    with time_machine.travel(ends + timedelta(seconds=1)):
        for url in pages:
            assert "The campus is closed on 6 December." not in client.get(url).text, url


def test_editors_manage_the_site_notice_and_writers_cannot(client):
    client.force_login(make_user("eero", role="Editor"))
    assert client.get("/admin/articles/sitenotice/add/").status_code == 200
    client.force_login(make_user("wanda", role="Writer"))
    assert client.get("/admin/articles/sitenotice/add/").status_code == 403


def test_only_editors_may_recover_deleted_articles(client):
    client.force_login(make_user("eero", role="Editor"))
    client.post(ADD_URL, _form_data())
    article = Article.objects.get()
    client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert not Article.objects.exists()
    deleted = Version.objects.get_deleted(Article).first()
    assert "Recover deleted articles" in client.get(LIST_URL).text
    assert client.get("/admin/articles/article/recover/").status_code == 200

    client.force_login(make_user("wanda", role="Writer"))

    assert "Recover deleted articles" not in client.get(LIST_URL).text
    assert client.get("/admin/articles/article/recover/").status_code == 403
    assert client.get(f"/admin/articles/article/recover/{deleted.pk}/").status_code == 403


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_admin_article_list_and_preview_make_the_same_queries_for_few_or_many(client, role):
    client.force_login(make_user("someone", role=role))
    studies = make_category()
    first = _ready_article()
    few_list = _queries(client, LIST_URL)
    few_preview = _queries(client, f"/en/news/preview/{first.pk}/")

    for n in range(8):
        make_article(
            title=f"Story {n}",
            status=[Status.DRAFT, Status.REVIEW, Status.PUBLISHED][n % 3],
            hero_photo=make_photo(),
            categories=[studies, make_category()],
        )
    first.categories.add(make_category(), make_category())

    assert _queries(client, LIST_URL) == few_list
    assert _queries(client, f"/en/news/preview/{first.pk}/") == few_preview


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_the_same_version_at_the_same_instant_cannot_both_win():
    """Both forms pass their check; the UPDATE … WHERE version = 1 lets only one through
    (the other waits on the row lock, then finds version 2)."""
    import threading

    from django.db import connections, transaction

    editor = make_user("eero", role="Editor")
    article = _ready_article(title="Original title")
    model_admin = ArticleAdmin(Article, admin.site)
    request = RequestFactory().post("/")
    request.user = editor
    forms = []
    for title in ("Title from Eero", "Title from Emma"):
        form = model_admin.get_form(request, article, change=True)(
            _form_data(article, title=title), instance=Article.objects.get(pk=article.pk)
        )
        assert form.is_valid(), form.errors
        forms.append(form)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(form) -> None:
        try:
            with transaction.atomic():
                barrier.wait()
                model_admin.save_model(request, form.save(commit=False), form, change=True)
            outcomes[form.cleaned_data["title"]] = "saved"
        except StaleArticleError:
            outcomes[form.cleaned_data["title"]] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(form,)) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(title for title, outcome in outcomes.items() if outcome == "saved")
    article.refresh_from_db()
    assert (article.title, article.version) == (winner, 2)


# The publish time: one datetime-local input in the site's time zone (Europe/Helsinki).


def _input(page: str, name: str) -> str:
    start = page.index(f'name="{name}"')
    return page[page.rindex("<input", 0, start) : page.index(">", start) + 1]


def test_a_posted_publish_time_is_helsinki_time(editor_client):
    article = _ready_article(status=Status.REVIEW)

    response = editor_client.post(
        _change_url(article),
        _form_data(article, status="published", published_at="2026-12-24T09:00"),
    )

    assert response.status_code == 302, _errors(response)
    article.refresh_from_db()
    assert article.published_at == datetime(2026, 12, 24, 7, 0, tzinfo=UTC)


def test_the_publish_time_is_shown_in_helsinki_time_whatever_zone_is_active(editor_client):
    # 12:30 UTC on a summer day is 15:30 in Helsinki (UTC+3).
    article = _ready_article(
        status=Status.PUBLISHED, published_at=datetime(2026, 6, 1, 12, 30, tzinfo=UTC)
    )

    with timezone.override("America/New_York"):
        field = ArticleAdminForm(instance=article)["published_at"]
        assert 'value="2026-06-01T15:30"' in str(field)
    page = editor_client.get(_change_url(article)).text

    shown = _input(page, "published_at")
    assert 'type="datetime-local"' in shown
    assert 'value="2026-06-01T15:30"' in shown


def test_the_publish_and_update_times_are_single_inputs_without_the_server_time_note(
    editor_client,
):
    page = editor_client.get(ADD_URL).text

    for name in ("published_at", "updated_at"):
        shown = _input(page, name)
        assert 'type="datetime-local"' in shown
        assert "vDateField" not in shown and "vTimeField" not in shown
        assert f'name="{name}_0"' not in page
    assert "DateTimeShortcuts.js" not in page
    assert "behind server time" not in page


@pytest.mark.parametrize(
    ("moment", "offset"),
    [
        (datetime(2026, 1, 15, 12, 0, tzinfo=UTC), "+2"),
        (datetime(2026, 7, 15, 12, 0, tzinfo=UTC), "+3"),
    ],
)
def test_the_help_names_the_site_time_zone(editor_client, moment, offset):
    with time_machine.travel(moment, tick=False):
        page = editor_client.get(ADD_URL).text

    assert f"Helsinki time (UTC{offset})." in page


def test_the_help_names_the_zone_in_finnish(editor_client):
    with time_machine.travel(datetime(2026, 1, 15, 12, 0, tzinfo=UTC), tick=False):
        page = editor_client.get(ADD_URL, headers={"accept-language": "fi"}).text

    assert "Helsingin aikaa (UTC+2)." in page


def test_the_quick_choices_carry_helsinki_times(editor_client):
    # 23:30 UTC on 31 March is already 1 April in Helsinki (02:30, UTC+3).
    with time_machine.travel(datetime(2026, 3, 31, 23, 30, tzinfo=UTC), tick=False):
        page = editor_client.get(ADD_URL).text

    assert 'data-kind="now">Now</button>' in page
    assert 'data-site-time="2026-04-01T02:30"' in page
    assert 'data-site-time="2026-04-02T09:00"' in page
    assert 'aria-controls="id_published_at"' in page
    assert 'data-time-zone="Europe/Helsinki"' in page
    assert "js/site-time.js" in page
    # Only the publish time has quick choices.
    assert page.count('newsroom-site-time-choice"') == 2


def test_a_writer_still_cannot_set_the_publish_time(writer_client):
    article = _ready_article(status=Status.DRAFT)

    page = writer_client.get(_change_url(article)).text
    response = writer_client.post(
        _change_url(article), _form_data(article, published_at="2026-12-24T09:00")
    )

    assert 'name="published_at"' not in page
    assert "newsroom-site-time-choice" not in page
    assert response.status_code == 302, _errors(response)
    article.refresh_from_db()
    assert article.published_at is None


def test_a_publish_time_with_seconds_keeps_them_when_saved_unchanged(editor_client):
    when = datetime(2026, 3, 2, 10, 15, 42, tzinfo=UTC)
    article = _ready_article(status=Status.PUBLISHED, published_at=when)

    page = editor_client.get(_change_url(article)).text

    assert 'value="2026-03-02T12:15:42"' in _input(page, "published_at")
