"""The content version's model, moved here from the articles app with its table."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0007_photo_originals'),
    ]

    operations = [
        # The tables stay where they are (db_table): only Django's idea of which app
        # holds the models changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ContentVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.BigIntegerField(default=0)),
                        ('changed_at', models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={
                        'db_table': 'articles_contentversion',
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
