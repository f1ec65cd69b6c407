import django.utils.timezone
from django.db import migrations, models


def create_version_row(apps, schema_editor):
    """The one row the page cache reads on every request (pagecache.caching)."""
    apps.get_model("articles", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_photos"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.BigIntegerField(default=0)),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["published_at"],
                name="article_scheduled_idx",
            ),
        ),
        migrations.RunPython(create_version_row, migrations.RunPython.noop),
    ]
