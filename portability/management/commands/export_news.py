"""`manage.py export_news PATH`: everything the site holds, as a folder or .zip.

The format (JSON plus the photo files, versioned by manifest.json) is written and
documented in portability/archive.py and docs/export-format.md.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from portability.archive import ExportError
from portability.exporting import export_news
from portability.management.progress import ProgressLine


class Command(BaseCommand):
    help = (
        "Export categories, tags, photos (with their files) and articles in every state "
        "to PATH: a new folder, or a .zip file when PATH ends in .zip."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="A new folder, or a file ending in .zip.")

    def handle(self, *args: Any, path: Path, verbosity: int, **options: Any) -> None:
        started = time.monotonic()
        try:
            report = export_news(path, progress=ProgressLine(self.stdout, verbosity >= 1))
        except ExportError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            elapsed = time.monotonic() - started
            self.stdout.write(
                self.style.SUCCESS(f"Exported {report} to {path} in {elapsed:.1f} s.")
            )
