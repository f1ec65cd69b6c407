"""Discovery: the search vector with its GIN index and trigger, and old article
addresses (ArticleSlugRedirect).

The search vector is written by a PostgreSQL trigger rather than in Article.save():
bulk inserts (seed_demo --articles), QuerySet.update() and raw imports bypass save(),
and a trigger keeps every one of them current. SQLite gets no trigger; its search
falls back to substring matching and leaves the column empty.
"""

import articles.models
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


# Each language's own configuration (stemmer and stop words), as Language.search_config.
# Title weighs most (A), then the lead (B), then the body (C). The body is HTML: the
# default parser reads tags and entities as tokens of their own and indexes none of them.
_CREATE_TRIGGER = """
CREATE FUNCTION articles_search_vector(language text, title text, lead text, body text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH c AS (
    SELECT (CASE language WHEN 'fi' THEN 'pg_catalog.finnish'
                          WHEN 'sv' THEN 'pg_catalog.swedish'
                          ELSE 'pg_catalog.english' END)::regconfig AS config
  )
  SELECT setweight(to_tsvector(c.config, coalesce(title, '')), 'A')
      || setweight(to_tsvector(c.config, coalesce(lead, '')), 'B')
      || setweight(to_tsvector(c.config, coalesce(body, '')), 'C')
  FROM c
$$;

CREATE FUNCTION articles_article_search_vector_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := articles_search_vector(NEW.language, NEW.title, NEW.lead, NEW.body);
  RETURN NEW;
END
$$;

CREATE TRIGGER articles_article_search_vector_insert
BEFORE INSERT ON articles_article
FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector_trigger();

-- Saving an article rewrites every column; recompute only when the text changed.
CREATE TRIGGER articles_article_search_vector_update
BEFORE UPDATE OF title, lead, body, language ON articles_article
FOR EACH ROW
WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.lead IS DISTINCT FROM NEW.lead
      OR OLD.body IS DISTINCT FROM NEW.body OR OLD.language IS DISTINCT FROM NEW.language
      OR NEW.search_vector IS NULL)
EXECUTE FUNCTION articles_article_search_vector_trigger();

UPDATE articles_article
SET search_vector = articles_search_vector(language, title, lead, body);
"""

_DROP_TRIGGER = """
DROP TRIGGER IF EXISTS articles_article_search_vector_update ON articles_article;
DROP TRIGGER IF EXISTS articles_article_search_vector_insert ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_vector_trigger();
DROP FUNCTION IF EXISTS articles_search_vector(text, text, text, text);
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleSlugRedirect",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[("en", "English"), ("fi", "Finnish"), ("sv", "Swedish")],
                        max_length=2,
                        verbose_name="language",
                    ),
                ),
                ("old_slug", models.SlugField(max_length=200, verbose_name="old slug")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
            ],
            options={
                "verbose_name": "old article address",
                "verbose_name_plural": "old article addresses",
                "ordering": ["-created_at"],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(_on_postgresql(_CREATE_TRIGGER), _on_postgresql(_DROP_TRIGGER)),
        migrations.AddIndex(
            model_name="article",
            index=articles.models.SearchVectorIndex(
                fields=["search_vector"], name="article_search_vector_idx"
            ),
        ),
        migrations.AddField(
            model_name="articleslugredirect",
            name="article",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="slug_redirects",
                to="articles.article",
                verbose_name="article",
            ),
        ),
        migrations.AddConstraint(
            model_name="articleslugredirect",
            constraint=models.UniqueConstraint(
                fields=("language", "old_slug"), name="article_slug_redirect_unique"
            ),
        ),
    ]
