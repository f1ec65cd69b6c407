"""Photo rights: copyright holder, licence and its terms, and the licence end that
takes a photo off every public surface at its moment (photos/rights.py)."""


from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('photos', '0002_photo_worker_and_hash'),
    ]

    operations = [
        migrations.AddField(
            model_name='photo',
            name='copyright_holder',
            field=models.CharField(blank=True, help_text="Who owns the rights, shown as '© …', e.g. 'University of Helsinki-Uusimaa'. Empty when it is the photographer in the credit.", max_length=200, verbose_name='copyright holder'),
        ),
        migrations.AddField(
            model_name='photo',
            name='licence',
            field=models.CharField(choices=[('all-rights-reserved', 'All rights reserved'), ('cc-by-4.0', 'CC BY 4.0'), ('cc-by-sa-4.0', 'CC BY-SA 4.0'), ('cc0-1.0', 'CC0 1.0'), ('other', 'Other (see the terms)')], default='all-rights-reserved', help_text='Under what terms the photo is used. Creative Commons licences are linked beside the credit, as they require.', max_length=30, verbose_name='licence'),
        ),
        migrations.AddField(
            model_name='photo',
            name='licence_ends_at',
            field=models.DateTimeField(blank=True, help_text='From this moment the photo is gone from public pages, feeds and the API; the articles stay. Empty: the licence does not end.', null=True, verbose_name='licence ends'),
        ),
        migrations.AddField(
            model_name='photo',
            name='licence_terms',
            field=models.TextField(blank=True, help_text="The terms of an 'Other' licence, e.g. 'Only with news of the 2026 festival'.", verbose_name='licence terms'),
        ),
        migrations.AddIndex(
            model_name='photo',
            index=models.Index(condition=models.Q(('licence_ends_at__isnull', False)), fields=['licence_ends_at'], name='photo_licence_ends_idx'),
        ),
    ]
