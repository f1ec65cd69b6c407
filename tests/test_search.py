"""Search at /<lang>/news/search/: what readers find, how it is shown, and bad input."""

from datetime import timedelta

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Status
from discovery import search
from discovery.search import MAX_QUERY_LENGTH, clean_query, render_headline
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [article.title for article in response.context["articles"]]


def test_search_finds_words_in_the_title_the_lead_and_the_body(client):
    make_article(title="Glaciers are melting faster")
    make_article(title="Second story", lead="A report about glaciers in the Alps.")
    make_article(title="Third story", body="<p>Field work on <em>glaciers</em> in Svalbard.</p>")
    make_article(title="Unrelated story about choirs")

    response = client.get("/en/news/search/", {"q": "glaciers"})

    assert response.status_code == 200
    assert sorted(_titles(response)) == [
        "Glaciers are melting faster",
        "Second story",
        "Third story",
    ]
    assert "3 results for “glaciers”" in response.text


def test_search_shows_only_public_articles_in_the_current_language(client):
    make_article(title="Public robotics news")
    make_article(title="Draft robotics news", status=Status.DRAFT)
    make_article(title="Review robotics news", status=Status.REVIEW)
    make_article(
        title="Scheduled robotics news", published_at=timezone.now() + timedelta(seconds=30)
    )
    make_article(title="Finnish robotics news", language="fi")

    response = client.get("/en/news/search/", {"q": "robotics"})

    assert _titles(response) == ["Public robotics news"]
    assert "Draft robotics" not in response.text
    assert "Scheduled robotics" not in response.text


def test_scheduled_article_is_found_once_its_time_has_come(client, time_machine):
    make_article(title="Embargoed telescope news", published_at=timezone.now() + timedelta(hours=1))
    assert _titles(client.get("/en/news/search/", {"q": "telescope"})) == []

    time_machine.move_to(timezone.now() + timedelta(hours=1, seconds=1))

    assert _titles(client.get("/en/news/search/", {"q": "telescope"})) == [
        "Embargoed telescope news"
    ]


def test_search_can_be_narrowed_to_a_category(client):
    research = make_category(name_en="Research", slug="research")
    studies = make_category(name_en="Studies", slug="studies")
    make_article(title="Quantum research result", categories=[research])
    make_article(title="Quantum course opens", categories=[studies])

    response = client.get("/en/news/search/", {"q": "quantum", "category": "research"})

    assert _titles(response) == ["Quantum research result"]
    assert '<option value="research" selected>Research</option>' in response.text
    # An unknown category searches everything rather than failing.
    everything = client.get("/en/news/search/", {"q": "quantum", "category": "no-such"})
    assert everything.status_code == 200
    assert len(_titles(everything)) == 2


def test_results_come_12_to_a_page_and_the_pages_keep_the_query(client):
    for number in range(14):
        make_article(title=f"Sauna study {number}")

    first = client.get("/en/news/search/", {"q": "sauna"})
    second = client.get("/en/news/search/", {"q": "sauna", "page": "2"})

    assert len(first.context["articles"]) == 12
    assert len(second.context["articles"]) == 2
    assert 'href="?q=sauna&amp;page=2"' in first.text
    assert set(_titles(first)).isdisjoint(_titles(second))


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 2000,
        "university " * 200,
        "\x00",
        "nul\x00byte",
        '"unclosed quote',
        "-",
        "& | ! ( ) : * <-> \\",
        "'; DROP TABLE articles_article; --",
        "%_%",
        "<script>alert(1)</script>",
        "🙂 emoji",
        "the and of",
    ],
)
def test_empty_long_and_odd_queries_give_a_normal_page(client, query):
    make_article(title="University news")

    response = client.get("/en/news/search/", {"q": query, "page": "abc"})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert 'name="q"' in response.text
    assert Article.objects.count() == 1


def test_a_search_finds_at_most_the_newest_max_results(client, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 3)
    for hours in range(5):
        make_article(
            title=f"Lichen survey {hours}", published_at=timezone.now() - timedelta(hours=hours + 1)
        )

    response = client.get("/en/news/search/", {"q": "lichen"})

    assert sorted(_titles(response)) == ["Lichen survey 0", "Lichen survey 1", "Lichen survey 2"]
    assert "The newest 3 results for “lichen”" in response.text


def test_a_long_query_is_cut_to_a_bounded_length():
    assert len(clean_query("word " * 1000)) <= MAX_QUERY_LENGTH
    assert clean_query("  two\x00\twords\n ") == "two words"


def test_snippet_marks_the_match_and_never_renders_article_html(client):
    make_article(
        title="Choir tour",
        lead="The <b>choir</b> sings <script>alert('x')</script> in Tallinn & Riga.",
    )

    response = client.get("/en/news/search/", {"q": "choir"})
    snippet = response.text[response.text.index('class="search-result__snippet"') :]
    snippet = snippet[: snippet.index("</p>")]

    assert "<mark>" in snippet
    assert "<script>" not in response.text.split("<main", 1)[1]
    assert "<b>" not in snippet
    assert "Tallinn" in snippet


def test_rendered_headline_escapes_everything_but_the_marks():
    raw = "Tom &amp; Jerry \ue000<img src=x onerror=alert(1)>\ue001 &lt;script&gt; \ue000"

    html = render_headline(raw)

    assert html == (
        "Tom &amp; Jerry <mark>&lt;img src=x onerror=alert(1)&gt;</mark> &lt;script&gt; "
    )


def test_search_page_makes_the_same_queries_for_one_result_or_a_full_page(client):
    category = make_category()
    make_article(title="Forest news 0", categories=[category])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/news/search/", {"q": "forest"}).status_code == 200
        return len(queries)

    few = count()
    for number in range(1, 12):
        make_article(title=f"Forest news {number}", categories=[category, make_category()])
    assert count() == few
    # categories, count, page, page's categories, site notice, site identity; the page
    # cache's version and next scheduled change
    assert few <= 6 + 2


def test_the_search_form_is_linked_from_every_page(client):
    make_article()
    assert 'href="/en/news/search/"' in client.get("/en/news/").text


# ---------------------------------------------------------------- PostgreSQL only


@pytest.mark.postgres
def test_finnish_search_finds_an_inflected_form(client):
    """'yliopistossa' (in the university) finds an article that says 'yliopisto'."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('finnish', 'yliopisto') @@ plainto_tsquery('finnish', %s)",
            ["yliopistossa"],
        )
        assert cursor.fetchone()[0] is True
    make_article(title="Yliopisto avaa uuden kirjaston", language="fi")
    make_article(title="Kaupunki rakentaa sillan", language="fi")
    make_article(title="Yliopisto in English", language="en")

    response = client.get("/fi/news/search/", {"q": "yliopistossa"})

    assert _titles(response) == ["Yliopisto avaa uuden kirjaston"]
    assert "<mark>" in response.text or "Yliopisto" in response.text


@pytest.mark.postgres
def test_english_and_swedish_searches_use_their_own_stemmers(client):
    make_article(title="New laboratories open", language="en")
    make_article(title="Studenterna firar", language="sv")

    assert _titles(client.get("/en/news/search/", {"q": "laboratory"})) == ["New laboratories open"]
    assert _titles(client.get("/sv/news/search/", {"q": "studenter"})) == ["Studenterna firar"]


@pytest.mark.postgres
def test_a_match_in_the_title_ranks_above_the_lead_and_the_lead_above_the_body(client):
    newest = timezone.now() - timedelta(minutes=1)
    make_article(title="Body", body="<p>Biodiversity matters.</p>", published_at=newest)
    make_article(title="Lead", lead="Biodiversity matters.", published_at=newest - timedelta(1))
    make_article(title="Biodiversity in the title", published_at=newest - timedelta(2))

    assert _titles(client.get("/en/news/search/", {"q": "biodiversity"})) == [
        "Biodiversity in the title",
        "Lead",
        "Body",
    ]


@pytest.mark.postgres
def test_search_vector_is_kept_current_by_bulk_inserts_updates_and_saves():
    def matches(word: str) -> list[str]:
        query = SearchQuery(word, config="english")
        return list(Article.objects.filter(search_vector=query).values_list("slug", flat=True))

    Article.objects.bulk_create(
        [Article(title="Volcano", slug="bulk", status=Status.PUBLISHED, language="en")]
    )
    assert matches("volcano") == ["bulk"]

    Article.objects.filter(slug="bulk").update(lead="Earthquakes and more")
    assert matches("earthquake") == ["bulk"]

    article = Article.objects.get(slug="bulk")
    article.body = "<p>Tsunami warning</p>"
    article.save()
    assert matches("tsunami") == ["bulk"]
    assert matches("volcano") == ["bulk"]

    article.title = "Renamed"
    article.save()
    assert matches("volcano") == []


@pytest.mark.postgres
def test_snippets_show_body_text_without_tags_and_with_entities_decoded(client):
    make_article(
        title="Lab news",
        lead="",
        body="<p>The <strong>microscope</strong> costs &lt;1 M€ &amp; arrives soon.</p>",
    )

    page = client.get("/en/news/search/", {"q": "microscope"}).text
    snippet = page[page.index('class="search-result__snippet"') :]
    snippet = snippet[: snippet.index("</p>")]

    assert "<mark>microscope</mark>" in snippet
    assert "&lt;1 M€ &amp; arrives" in snippet
    assert "strong" not in snippet
