"""`manage.py import_news PATH`: bring in an export written by export_news.

All or nothing: a damaged or partial export exits non-zero with the reason and
changes nothing. Matching by natural keys makes a second run change nothing.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from portability.archive import ExportError
from portability.importing import import_news
from portability.management.progress import ProgressLine


class Command(BaseCommand):
    help = (
        "Import an export folder or .zip written by export_news. Categories match by slug, "
        "articles by language and slug, photos by the SHA-256 of their file; what exists "
        "is updated where it differs."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="An export folder or .zip file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the export and report what would change, without changing anything.",
        )

    def handle(self, *args: Any, path: Path, dry_run: bool, verbosity: int, **options: Any) -> None:
        started = time.monotonic()
        try:
            report = import_news(
                path, dry_run=dry_run, progress=ProgressLine(self.stdout, verbosity >= 1)
            )
        except ExportError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        if verbosity >= 1:
            elapsed = time.monotonic() - started
            prefix = "Dry run, nothing written: would have" if dry_run else "Imported:"
            if not report.changed_anything:
                message = f"{path} is already in place; nothing changed."
            else:
                message = f"{prefix} {report} ({elapsed:.1f} s)."
            self.stdout.write(self.style.SUCCESS(message))
