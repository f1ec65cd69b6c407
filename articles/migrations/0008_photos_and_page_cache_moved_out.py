"""Photos and the content version moved to their own apps (photos, pagecache); the
articles' references to photos follow. No table changes."""

import django.db.models.deletion
from django.db import migrations, models


# Permissions (and the roles holding them) and revisions point at a model's content
# type: moving its row keeps them, e.g. articles.change_photo becomes
# photos.change_photo for every group and user that had it.
MOVED = {"photo": ("articles", "photos"), "contentversion": ("articles", "pagecache")}


def move_content_types(apps, schema_editor, backwards=False):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, (old, new) in MOVED.items():
        if backwards:
            old, new = new, old
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_photo_originals"),
        ("photos", "0001_initial"),
        ("pagecache", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # The tables stay where they are (db_table): only Django's idea of which app
        # holds the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="ContentVersion",
                ),
                migrations.AlterField(
                    model_name="galleryphoto",
                    name="photo",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="gallery_uses",
                        to="photos.photo",
                        verbose_name="photo",
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="social_image",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="For link previews on social media; the hero photo is used when empty.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="photos.photo",
                        verbose_name="social image",
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="hero_photo",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="The large photo at the top of the article and on its card.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="hero_of",
                        to="photos.photo",
                        verbose_name="hero photo",
                    ),
                ),
                migrations.DeleteModel(
                    name="Photo",
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
