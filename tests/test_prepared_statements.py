"""The article page's statements are prepared once per PostgreSQL connection and run
with a generic plan (articles.prepared), whatever article comes next."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import prepared
from tests.factories import link, make_article, make_category

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _statements(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"].split(None, 1)[0] for query in queries]


@pytest.fixture
def articles():
    prepared.forget()
    research, studies = make_category(slug="research"), make_category(slug="studies")
    plain = make_article(title="Plain")
    rich = make_article(categories=[research, studies], tags=["campus", "helsinki", "city"])
    link(rich, make_article(title="Linked", categories=[research]))
    yield plain, rich
    prepared.forget()


def test_the_first_article_page_prepares_and_the_next_only_execute(client, articles):
    plain, rich = articles

    first = _statements(client, plain.get_absolute_url())
    # Another article, with categories, tags and links where the first had none.
    second = _statements(client, rich.get_absolute_url())

    assert first.count("PREPARE") == 2 and first.count("EXECUTE") == 2
    assert "PREPARE" not in second and second.count("EXECUTE") == 2
    assert "Linked" in client.get(f"{rich.get_absolute_url()}?again").text


def test_statements_run_with_their_generic_plan(client, articles):
    for number, article in enumerate(articles * 3):
        client.get(f"{article.get_absolute_url()}?uncached={number}")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
            " WHERE name LIKE 'newsroom_%%'"
        )
        plans = cursor.fetchall()

    assert len(plans) == 2
    assert all(generic == 6 and custom == 0 for generic, custom in plans)


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_again(client, articles):
    plain, rich = articles
    client.get(plain.get_absolute_url())

    connection.close()  # as when CONN_MAX_AGE ends or the server restarts

    statements = _statements(client, rich.get_absolute_url())

    assert statements.count("PREPARE") == 2 and statements.count("EXECUTE") == 2


def test_without_prepared_statements_the_statements_are_sent_whole(client, articles, settings):
    settings.PREPARED_STATEMENTS = False
    client.get(articles[0].get_absolute_url())  # what pages share is remembered

    statements = _statements(client, articles[1].get_absolute_url())

    assert "PREPARE" not in statements and "EXECUTE" not in statements
    assert statements.count("SELECT") == 3  # the content version, the article, the cards
