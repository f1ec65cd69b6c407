"""`manage.py rebuild_renditions`: (re)make the resized copies of photos readers are served.

Run it after changing the rendition widths or formats, after restoring originals from a
backup, or after upgrading from a version without renditions (`--missing-only` then does
only what is needed). Each original is checked like an upload; a photo that cannot be
read is reported and keeps the renditions it had, and the command exits non-zero.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from photos import renditions
from photos.models import Photo

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Make the responsive renditions (sizes, formats, card crops) of every photo. "
        "--missing-only skips photos whose renditions are current and present."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--missing-only",
            action="store_true",
            help="Only photos without a current, complete set of renditions.",
        )

    def handle(self, *args: Any, missing_only: bool, verbosity: int, **options: Any) -> None:
        photos = list(Photo.objects.order_by("pk"))
        if missing_only:
            photos = [
                p for p in photos if not renditions.is_current(p) or renditions.files_missing(p)
            ]
        total = len(photos)
        failures: list[str] = []
        for done, photo in enumerate(photos, start=1):
            try:
                renditions.build_renditions(photo)
            except ValidationError as error:
                failures.append(self._failure(photo, " ".join(error.messages)))
            except OSError as error:
                failures.append(self._failure(photo, error.strerror or str(error)))
            if verbosity >= 1:
                self._progress(done, total)
        if verbosity >= 1:
            made = total - len(failures)
            self.stdout.write(f"Made renditions for {made} of {total} photos.")
        if failures:
            raise CommandError(
                f"{len(failures)} photo(s) could not be read and kept their old renditions."
            )

    def _failure(self, photo: Photo, reason: str) -> str:
        message = (
            f"Photo {photo.pk} ({photo.image.name}) cannot be read: {reason} "
            "Its existing renditions were kept."
        )
        self.stderr.write(message)
        return message

    def _progress(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        # On a terminal the bar redraws in place; in a log, one line per photo.
        ending = "" if done < total and sys.stdout.isatty() else "\n"
        prefix = "\r" if sys.stdout.isatty() else ""
        self.stdout.write(f"{prefix}[{bar}] {done}/{total}", ending=ending)
        self.stdout.flush()
