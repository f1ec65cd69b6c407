"""The public page cache: served from cache when nothing changed, never stale after a
change (edits, unpublishing, scheduled articles falling due, notices ending), never
for staff, and with the headers a browser or CDN needs to revalidate."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone, translation

from articles.models import Article, ArticleContact, GalleryPhoto, SiteNotice, Status
from pagecache.models import ContentVersion
from tests.factories import link, make_article, make_category, make_person, make_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def research():
    return make_category(slug="research", name_en="Research")


@pytest.fixture
def story(research):
    return make_article(
        title="Forest carbon study",
        slug="forest-carbon",
        categories=[research],
        tags=["climate"],
        hero_photo=make_photo(caption="Spruce forest in Lapland"),
    )


def _get(client, url: str, **headers):
    response = client.get(url, **headers)
    return response, response.content.decode()


def test_a_second_visit_is_served_from_the_cache_with_one_query(client, story):
    first, first_page = _get(client, "/en/news/forest-carbon/")
    with CaptureQueriesContext(connection) as queries:
        second, second_page = _get(client, "/en/news/forest-carbon/")

    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second_page == first_page
    assert len(queries) == 1  # the content version


def test_a_hit_is_answered_before_sessions_csrf_and_the_locale_are_worked_out(client, story):
    """The stored page carries the headers the inner middleware added when it was
    rendered; the hit itself runs none of them."""
    first = client.get("/fi/news/")
    second = client.get("/fi/news/")

    assert second["X-Cache"] == "hit"
    for header in ("Content-Language", "Content-Security-Policy", "X-Frame-Options", "Vary"):
        assert second[header] == first[header], header
    assert second["Content-Language"] == "fi"
    assert not hasattr(second.wsgi_request, "session")  # SessionMiddleware never ran


def test_addresses_without_public_pages_never_read_the_cache(client, story):
    for url in ("/healthz", "/admin/login/", "/"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert "X-Cache" not in response, url
        assert not any("contentversion" in q["sql"] for q in queries.captured_queries), url


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_connection_the_database_dropped_is_replaced_without_an_error_page(client):
    """After a database restart, the first request reconnects instead of failing: Django's
    health check (CONN_HEALTH_CHECKS) replaces the connection at the start of a request,
    and the version read is retried on a new one should a dropped connection reach it
    (as here: the test client starts no request that runs the health check)."""
    import psycopg

    make_article(title="Still here after a restart")
    assert client.get("/en/news/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname=settings["NAME"],
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])

    response = client.get("/en/news/?after-restart")
    assert response.status_code == 200
    assert "Still here after a restart" in response.content.decode()


PAGES = [
    "/en/news/",
    "/en/news/forest-carbon/",
    "/en/news/category/research/",
    "/en/news/tag/climate/",
    "/en/news/search/?q=forest",
    "/en/news/feed/",
    "/en/news/atom/",
    "/en/news/category/research/feed/",
    "/api/v1/articles/",
]


@pytest.mark.parametrize("url", PAGES)
def test_an_edited_title_shows_at_once_on_every_page(client, story, url):
    assert "Forest carbon study" in _get(client, url)[1]
    assert _get(client, url)[0]["X-Cache"] == "hit"

    story.title = "Forest carbon study, revised"
    story.save()

    response, page = _get(client, url)
    assert response["X-Cache"] == "miss"
    assert "Forest carbon study, revised" in page


def test_a_new_address_shows_in_the_sitemap_at_once(client, story):
    assert "/en/news/forest-carbon/" in _get(client, "/sitemap-articles.xml")[1]
    story.slug = "forest-carbon-sinks"
    story.save()
    page = _get(client, "/sitemap-articles.xml")[1]
    assert "/en/news/forest-carbon-sinks/" in page
    assert "/en/news/forest-carbon/" not in page


def test_unpublishing_removes_the_article_at_once(client, story):
    assert _get(client, "/en/news/forest-carbon/")[0].status_code == 200
    assert "Forest carbon study" in _get(client, "/en/news/")[1]

    story.status = Status.DRAFT
    story.save()

    assert client.get("/en/news/forest-carbon/").status_code == 404
    assert "Forest carbon study" not in _get(client, "/en/news/")[1]


def test_a_newly_published_article_shows_at_once(client, story):
    _get(client, "/en/news/")
    make_article(title="Brand new story")
    assert "Brand new story" in _get(client, "/en/news/")[1]


def test_what_hangs_off_an_article_shows_at_once(client, story, research):
    url = "/en/news/forest-carbon/"
    _get(client, url)

    story.hero_photo.caption = "Pine forest in Kainuu"
    story.hero_photo.save()
    assert "Pine forest in Kainuu" in _get(client, url)[1]

    research.name_en = "Science"
    research.save()
    assert "Science" in _get(client, url)[1]

    story.tags.add("peatlands")
    assert "peatlands" in _get(client, url)[1]

    story.categories.add(make_category(name_en="Sustainability"))
    assert "Sustainability" in _get(client, url)[1]

    aino = make_person("Professor Aino Metsä")
    ArticleContact.objects.create(article=story, person=aino)
    assert "Professor Aino Metsä" in _get(client, url)[1]

    aino.title_en = "Professor of Forest Ecology"
    aino.save()
    assert "Professor of Forest Ecology" in _get(client, url)[1]

    GalleryPhoto.objects.create(article=story, photo=make_photo(), caption="Sampling plots")
    assert "Sampling plots" in _get(client, url)[1]

    link(story, make_article(title="Linked by the editor"))
    assert "Linked by the editor" in _get(client, url)[1]

    SiteNotice.objects.create(message="Campus closed today", ends_at=timezone.now() + timedelta(1))
    assert "Campus closed today" in _get(client, url)[1]


def test_a_scheduled_article_appears_when_it_falls_due_without_any_save(client, story):
    due = timezone.now() + timedelta(hours=2)
    make_article(title="Embargoed result", slug="embargoed", published_at=due)
    assert "Embargoed result" not in _get(client, "/en/news/")[1]
    assert _get(client, "/en/news/")[0]["X-Cache"] == "hit"
    assert client.get("/en/news/embargoed/").status_code == 404

    with time_machine.travel(due + timedelta(seconds=1)):
        assert "Embargoed result" in _get(client, "/en/news/")[1]
        assert client.get("/en/news/embargoed/").status_code == 200
        assert "Embargoed result" in _get(client, "/en/news/feed/")[1]


def test_scheduled_articles_appear_one_after_another_without_any_save(client, story):
    first, second = timezone.now() + timedelta(hours=1), timezone.now() + timedelta(hours=2)
    make_article(title="First embargo", published_at=first)
    make_article(title="Second embargo", published_at=second)
    assert "embargo" not in _get(client, "/en/news/")[1]
    assert "embargo" not in _get(client, "/en/news/feed/")[1]  # the next change remembered

    with time_machine.travel(first + timedelta(seconds=1)):
        page = _get(client, "/en/news/")[1]
        assert "First embargo" in page and "Second embargo" not in page
    with time_machine.travel(second + timedelta(seconds=1)):
        assert "Second embargo" in _get(client, "/en/news/")[1]


def test_a_site_notice_disappears_when_it_ends_without_any_save(client, story):
    ends = timezone.now() + timedelta(hours=1)
    SiteNotice.objects.create(message="Exam week: library open late", ends_at=ends)
    assert "Exam week" in _get(client, "/en/news/")[1]
    assert _get(client, "/en/news/")[0]["X-Cache"] == "hit"

    with time_machine.travel(ends + timedelta(seconds=1)):
        assert "Exam week" not in _get(client, "/en/news/")[1]


@pytest.mark.usefixtures("demo_photos_once")
def test_bulk_writes_without_signals_show_after_the_command(client, story):
    _get(client, "/en/news/")
    call_command("seed_demo", articles=3, verbosity=0)
    assert "synthetic" in _get(client, "/en/news/")[1].lower()


def test_anonymous_pages_say_how_a_cdn_may_keep_them(client, story, settings):
    settings.PUBLIC_CACHE_SECONDS = 60
    response = client.get("/en/news/forest-carbon/")

    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert control == {"public", "max-age=0", "s-maxage=60", "stale-while-revalidate=60"}
    assert "Cookie" in response["Vary"]
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")


def test_an_unchanged_page_is_answered_with_304(client, story):
    first = client.get("/en/news/forest-carbon/")
    by_etag = client.get("/en/news/forest-carbon/", HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get("/en/news/forest-carbon/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_date.status_code == 304
    assert by_etag["ETag"] == first["ETag"]


def test_a_changed_page_is_not_answered_with_304(client, story):
    first = client.get("/en/news/forest-carbon/")
    story.lead = "A new lead."
    story.save()

    again = client.get("/en/news/forest-carbon/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "A new lead." in again.content.decode()


def test_head_is_served_like_get(client, story):
    client.get("/en/news/")
    response = client.head("/en/news/")
    assert response.status_code == 200
    assert response["X-Cache"] == "hit"


def test_staff_get_their_own_uncached_page(client, story):
    user = get_user_model().objects.create_superuser("editor", "e@example.edu", "pw-1234567")
    client.get("/en/news/forest-carbon/")  # an anonymous copy is in the cache
    client.force_login(user)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/news/forest-carbon/")

    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert len(queries) > 1  # rendered for them, not taken from the cache


def test_post_is_never_cached(client, story):
    client.post("/api/v1/articles/")
    response = client.get("/api/v1/articles/")
    assert response["X-Cache"] == "miss"


@pytest.mark.urls("tests.page_cache_urls")
def test_errors_and_cookies_are_never_stored(client):
    from tests.page_cache_urls import CALLS

    for url in ("/failing/", "/with-cookie/"):
        CALLS.clear()
        first = client.get(url)
        client.get(url)
        assert len(CALLS) == 2, url
        assert "no-store" in first["Cache-Control"]


def test_a_missing_article_is_not_stored(client, story):
    assert client.get("/en/news/nothing-here/").status_code == 404
    make_article(title="Now it exists", slug="nothing-here")
    assert client.get("/en/news/nothing-here/").status_code == 200


def test_the_language_redirect_varies_on_cookie_and_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fi")
    assert response["Location"] == "/fi/news/"
    assert {"Cookie", "Accept-Language"} <= {v.strip() for v in response["Vary"].split(",")}


def test_pages_in_each_language_are_kept_apart(client, story):
    make_article(language="fi", title="Metsätutkimus", slug="metsa")
    assert "Metsätutkimus" not in _get(client, "/en/news/")[1]
    assert "Metsätutkimus" in _get(client, "/fi/news/")[1]
    api_fi = client.get("/api/v1/articles/?language=fi").json()
    api_en = client.get("/api/v1/articles/?language=en").json()
    assert [a["title"] for a in api_fi["results"]] == ["Metsätutkimus"]
    assert "Metsätutkimus" not in [a["title"] for a in api_en["results"]]


def test_deleting_an_article_shows_at_once(client, story):
    _get(client, "/en/news/")
    Article.objects.get(pk=story.pk).delete()
    assert "Forest carbon study" not in _get(client, "/en/news/")[1]


def test_a_listing_is_counted_once_for_all_its_pages_until_something_changes(client):
    for number in range(24):
        make_article(title=f"Archive story {number}")
    client.get("/en/news/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/news/?page=2")
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)
    assert 'href="?page=3"' not in second.content.decode()

    due = timezone.now() + timedelta(minutes=5)
    make_article(title="Scheduled story", published_at=due)
    client.get("/en/news/")
    with time_machine.travel(due + timedelta(seconds=1)):
        # 25 public articles: a third page, though nothing was saved since.
        assert 'href="?page=3"' in client.get("/en/news/?page=2").content.decode()


def test_the_admins_publish_and_unpublish_actions_show_at_once(client, story):
    """The list actions write with update(), which sends no signals."""
    editor = get_user_model().objects.create_superuser("eeva", "eeva@example.edu", "pw")
    staff = type(client)()
    staff.force_login(editor)
    draft = make_article(title="Waiting for the editor", status=Status.DRAFT)
    draft.categories.set(story.categories.all())
    draft.hero_photo = story.hero_photo
    draft.save()
    assert "Waiting for the editor" not in _get(client, "/en/news/")[1]

    staff.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert Article.objects.get(pk=draft.pk).status == Status.PUBLISHED
    assert "Waiting for the editor" in _get(client, "/en/news/")[1]

    staff.post(
        "/admin/articles/article/",
        {"action": "unpublish", "_selected_action": [draft.pk]},
    )
    assert "Waiting for the editor" not in _get(client, "/en/news/")[1]


def test_new_renditions_show_at_once(client, story):
    """Renditions are recorded with update(): a page cached before must not keep
    showing the old set."""
    from photos import renditions

    before = _get(client, story.get_absolute_url())[1]
    old_folder = story.hero_photo.renditions["dir"]
    assert old_folder in before

    renditions.build_renditions(story.hero_photo)

    after = _get(client, story.get_absolute_url())[1]
    assert old_folder not in after
    assert story.hero_photo.renditions["dir"] in after


def _version() -> int:
    return ContentVersion.objects.get().version


def test_query_parameters_a_page_does_not_read_give_the_same_page(client, story):
    first = client.get("/en/news/")
    for junk in ("?utm_source=newsletter&fbclid=abc", "?x=8f3a9c", "?x=b07e11&utm_medium=email"):
        response = client.get(f"/en/news/{junk}")
        assert response["X-Cache"] == "hit", junk
        assert response.content == first.content, junk
    # A parameter the page reads is part of its address.
    assert client.get("/en/news/search/?q=forest")["X-Cache"] == "miss"
    assert client.get("/en/news/search/?q=carbon")["X-Cache"] == "miss"


def test_a_page_never_shows_the_junk_parameters_of_the_visitor_who_rendered_it(client, story):
    for number in range(25):
        make_article(title=f"Archive story {number}")
    api = client.get("/api/v1/articles/?page_size=5&utm_source=evil&x=1").json()
    article = client.get("/en/news/forest-carbon/?page=7&utm_source=evil").text

    assert api["next"].endswith("/api/v1/articles/?page=2&page_size=5")
    assert "utm_source" not in article and "page=7" not in article


def test_each_public_view_reads_only_the_parameters_it_declares(story, rf):
    """The cache keys a page on the parameters its view declares (cache_public_page's
    `reads`); a view reading another one would be served the first visitor's answer."""

    class Recording(QueryDict):
        def __init__(self, query: str) -> None:
            super().__init__(query, mutable=True)
            self.read: set[str] = set()

        def __getitem__(self, key):
            self.read.add(key)
            return super().__getitem__(key)

        def get(self, key, default=None):
            self.read.add(key)
            return super().get(key, default)

        def getlist(self, key, default=None):
            self.read.add(key)
            return super().getlist(key, default)

    for url in [*PAGES, "/sitemap.xml", "/sitemap-articles.xml", "/robots.txt"]:
        path = url.split("?")[0]
        with translation.override(translation.get_language_from_path(path) or "en"):
            match = resolve(path)
            request = rf.get(path)
            request.GET = Recording("q=forest&page=1&category=research&x=1")
            response = match.func(request, *match.args, **match.kwargs)
        assert response.status_code == 200, url
        assert request.GET.read <= match.func.page_cache_reads, (url, request.GET.read)


def test_a_save_of_any_model_that_public_pages_may_show_bumps_the_version(story):
    from django.contrib.sessions.backends.db import SessionStore
    from taggit.models import Tag

    before = _version()
    Tag.objects.create(name="Brand new tag")
    assert _version() == before + 1
    SiteNotice.objects.create(message="Exams moved", ends_at=timezone.now() + timedelta(days=1))
    assert _version() == before + 2

    session = SessionStore()
    session["seen"] = True
    session.save()  # a visitor's session: no public page shows it
    assert _version() == before + 2
