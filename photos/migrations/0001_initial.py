"""The photo library's model, moved here from the articles app with its table."""

import django.core.validators
import photos.storage
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
                    name='Photo',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('image', models.ImageField(height_field='height', help_text='A JPEG, PNG, WebP or GIF photo, at least 1600 pixels wide for hero use. Readers get resized copies without location or camera details.', max_length=255, storage=photos.storage.originals_storage, upload_to=photos.storage.original_name, verbose_name='image', width_field='width')),
                        ('width', models.PositiveIntegerField(default=0, editable=False, verbose_name='width')),
                        ('height', models.PositiveIntegerField(default=0, editable=False, verbose_name='height')),
                        ('alt_text', models.CharField(help_text="What the photo shows, for readers who cannot see it, e.g. 'Two people signing documents at a table'.", max_length=300, verbose_name='alt text')),
                        ('caption', models.CharField(blank=True, help_text="Shown under the photo, e.g. 'Rector X and Mayor Y signing the agreement'.", max_length=500, verbose_name='default caption')),
                        ('credit', models.CharField(blank=True, help_text="The photographer or source, shown as 'Photo: …'.", max_length=200, verbose_name='credit')),
                        ('focal_x', models.FloatField(blank=True, help_text='0 = left edge, 1 = right edge; crops keep this point in view.', null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(1)], verbose_name='focal point x')),
                        ('focal_y', models.FloatField(blank=True, help_text='0 = top edge, 1 = bottom edge.', null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(1)], verbose_name='focal point y')),
                        ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                        ('renditions', models.JSONField(blank=True, default=dict, editable=False, verbose_name='renditions')),
                    ],
                    options={
                        'verbose_name': 'photo',
                        'verbose_name_plural': 'photos',
                        'db_table': 'articles_photo',
                        'ordering': ['-uploaded_at'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('focal_x__isnull', True), models.Q(('focal_x__gte', 0), ('focal_x__lte', 1)), _connector='OR'), name='photo_focal_x_in_unit_range'), models.CheckConstraint(condition=models.Q(('focal_y__isnull', True), models.Q(('focal_y__gte', 0), ('focal_y__lte', 1)), _connector='OR'), name='photo_focal_y_in_unit_range')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
