"""`manage.py rebuild_renditions`: (re)make the resized copies of photos readers are served.

Run it after changing the rendition widths or formats, after restoring originals from a
backup, or after upgrading from a version without renditions (`--missing-only` then does
only what is needed). The work is queued for the rendition worker (`manage.py
db_worker`, photos/tasks.py), and the command shows its progress until the last photo is
done (`--no-wait`: queue and return). A photo that cannot be read is reported and keeps
the renditions it had, and the command exits non-zero.
"""

from __future__ import annotations

import sys
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResult

from photos import renditions
from photos.models import Photo, RenditionStatus
from photos.tasks import queue_renditions

BAR_WIDTH = 30
POLL_SECONDS = 0.5


class Command(BaseCommand):
    help = (
        "Queue the responsive renditions (sizes, formats, card crops) of every photo for "
        "the worker and show the progress. --missing-only skips photos whose renditions "
        "are current and present."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--missing-only",
            action="store_true",
            help="Only photos without a current, complete set of renditions.",
        )
        parser.add_argument(
            "--no-wait",
            action="store_true",
            help="Queue the work and return, without waiting for the worker.",
        )

    def handle(
        self, *args: Any, missing_only: bool, no_wait: bool, verbosity: int, **options: Any
    ) -> None:
        photos = list(Photo.objects.order_by("pk"))
        if missing_only:
            photos = [
                p for p in photos if not renditions.is_current(p) or renditions.files_missing(p)
            ]
        total = len(photos)
        queued = [queue_renditions(photo) for photo in photos]
        if no_wait:
            if verbosity >= 1:
                self.stdout.write(f"Queued renditions for {total} photos.")
            return
        self._wait(queued, verbosity)
        failed = Photo.objects.filter(
            pk__in=[p.pk for p in photos], rendition_status=RenditionStatus.FAILED
        ).order_by("pk")
        failures = [self._failure(photo) for photo in failed]
        if verbosity >= 1:
            made = total - len(failures)
            self.stdout.write(f"Made renditions for {made} of {total} photos.")
        if failures:
            raise CommandError(
                f"{len(failures)} photo(s) could not be read and kept their old renditions."
            )

    def _wait(self, queued: list[TaskResult], verbosity: int) -> None:
        """Until the worker has finished every queued photo, a progress line as it goes."""
        pending, total, shown, told = list(queued), len(queued), -1, False
        while True:
            for result in pending:
                if not result.is_finished:
                    result.refresh()
            pending = [result for result in pending if not result.is_finished]
            done = total - len(pending)
            if verbosity >= 1 and pending and not told:
                self.stdout.write("Waiting for the rendition worker (manage.py db_worker) …")
                told = True
            if verbosity >= 1 and done != shown and total:
                self._progress(done, total)
                shown = done
            if not pending:
                return
            time.sleep(POLL_SECONDS)

    def _failure(self, photo: Photo) -> str:
        message = (
            f"Photo {photo.pk} ({photo.image.name}) cannot be read: {photo.rendition_error} "
            "Its existing renditions were kept."
        )
        self.stderr.write(message)
        return message

    def _progress(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        # On a terminal the bar redraws in place; in a log, one line per step.
        ending = "" if done < total and sys.stdout.isatty() else "\n"
        prefix = "\r" if sys.stdout.isatty() else ""
        self.stdout.write(f"{prefix}[{bar}] {done}/{total}", ending=ending)
        self.stdout.flush()
