"""Renditions made by a worker, outside the upload's request.

An upload stores the original and its row and queues `make_renditions` (django-tasks;
the database backend by default, so the queue is a table and needs no other service).
`manage.py db_worker` runs the queue: `bin/demo` starts one, `docker-compose.yml` has a
`worker` service. Until the renditions exist the photo is "processing" to editors and
an article that shows it cannot be published (Article.publishing_problems); readers
never see the photo without renditions (renditions.picture leaves it out).

A failure for a passing reason (a full disk, a lost database connection) is tried again
after settings.PHOTO_RENDITION_RETRY_DELAYS; an original that is not a photo, or is
gone, is not. The last failure is recorded on the photo, which the admin shows.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django_tasks import TaskResult, task

from .models import Photo, RenditionStatus
from .renditions import build_renditions

logger = logging.getLogger(__name__)


def queue_renditions(photo: Photo) -> TaskResult:
    """Mark `photo` processing and queue its renditions. Inside the caller's transaction
    with the database backend: the task row is committed with the photo, or not at all."""
    Photo.objects.filter(pk=photo.pk).update(
        rendition_status=RenditionStatus.PROCESSING, rendition_error=""
    )
    photo.rendition_status, photo.rendition_error = RenditionStatus.PROCESSING, ""
    return make_renditions.enqueue(photo.pk)


@task()
def make_renditions(photo_id: int) -> str:
    """Make the renditions of one photo, trying again after passing failures; returns
    the photo's status. Raises the last error when it failed for good."""
    delays = [0, *settings.PHOTO_RENDITION_RETRY_DELAYS]
    for attempt, delay in enumerate(delays, start=1):
        time.sleep(delay)
        photo = Photo.objects.filter(pk=photo_id).first()
        if photo is None:
            return "deleted"  # deleted before its turn came
        try:
            build_renditions(photo)  # records the set and RenditionStatus.READY
            return RenditionStatus.READY
        except (ValidationError, FileNotFoundError) as error:
            # Not a photo, or its original is gone: trying again changes nothing.
            _record_failure(photo_id, _reason(error))
            raise
        except Exception as error:
            logger.warning(
                "Renditions of photo %s failed (attempt %d): %s", photo_id, attempt, error
            )
            if attempt == len(delays):
                _record_failure(photo_id, _reason(error))
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _reason(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error) or type(error).__name__


def _record_failure(photo_id: int, reason: str) -> None:
    Photo.objects.filter(pk=photo_id).update(
        rendition_status=RenditionStatus.FAILED, rendition_error=reason[:1000]
    )
