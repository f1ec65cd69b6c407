"""Renditions made by a worker (their status and last error) and the content hash of
every photo, filled here for the photos already in the library."""

import hashlib

from django.db import migrations, models


def fill_hashes_and_status(apps, schema_editor):
    """Each existing photo's SHA-256, read from its stored original (a photo whose file
    is lost keeps an empty hash and matches nothing), and "ready" where it has a set."""
    Photo = apps.get_model("photos", "Photo")
    for photo in Photo.objects.only("pk", "image", "renditions").iterator(chunk_size=200):
        digest = hashlib.sha256()
        try:
            with photo.image.open("rb") as file:
                for chunk in file.chunks():
                    digest.update(chunk)
        except (OSError, ValueError):
            content_hash = ""
        else:
            content_hash = digest.hexdigest()
        status = "ready" if (photo.renditions or {}).get("full") else "processing"
        Photo.objects.filter(pk=photo.pk).update(
            content_hash=content_hash, rendition_status=status
        )


class Migration(migrations.Migration):

    dependencies = [
        ('photos', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='photo',
            name='content_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='content hash'),
        ),
        migrations.AddField(
            model_name='photo',
            name='rendition_error',
            field=models.TextField(blank=True, editable=False, verbose_name='rendition error'),
        ),
        migrations.AddField(
            model_name='photo',
            name='rendition_status',
            field=models.CharField(choices=[('processing', 'processing'), ('ready', 'ready'), ('failed', 'failed')], default='processing', editable=False, max_length=20, verbose_name='renditions'),
        ),
        migrations.AddIndex(
            model_name='photo',
            index=models.Index(fields=['content_hash'], name='photo_content_hash_idx'),
        ),
        migrations.RunPython(fill_hashes_and_status, migrations.RunPython.noop),
    ]
