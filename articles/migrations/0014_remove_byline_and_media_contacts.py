# The bylines and media contacts are people now (0013). The old contacts' content type
# goes too, and with it their permissions and their rows in old revisions, which could
# no longer be restored.

from django.db import migrations


def forget_media_contacts(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="articles", model="mediacontact").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0013_people_from_bylines'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='article',
            name='byline',
        ),
        migrations.DeleteModel(
            name='MediaContact',
        ),
        migrations.RunPython(forget_media_contacts, migrations.RunPython.noop),
    ]
