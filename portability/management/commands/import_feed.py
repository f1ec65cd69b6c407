"""`manage.py import_feed PATH_OR_URL`: articles from a legacy site's RSS or Atom feed.

The work is done by portability/legacy_feed.py; this command reports it.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from articles.models import Language
from portability.legacy_feed import FeedError, import_feed


class Command(BaseCommand):
    help = (
        "Import the entries of an RSS 2.0 or Atom feed (a file or an http(s) address) as "
        "draft articles, with their categories and enclosure images. Entries imported "
        "before (same link or guid) are skipped."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("source", metavar="PATH_OR_URL", help="A feed file or address.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the articles at their original dates instead of leaving drafts.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read the feed and list what would be imported, without changing anything.",
        )
        parser.add_argument(
            "--language",
            choices=Language.values,
            default=Language.EN,
            help="The articles' language when the feed does not name one (default en).",
        )

    def handle(
        self,
        *args: Any,
        source: str,
        publish: bool,
        dry_run: bool,
        language: str,
        verbosity: int,
        **options: Any,
    ) -> None:
        say = self.stdout.write if verbosity >= 1 else (lambda line: None)
        try:
            report = import_feed(
                source, publish=publish, dry_run=dry_run, language=language, say=say
            )
        except FeedError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            state = "published" if publish else "drafts"
            if dry_run:
                message = f"Dry run, nothing written: would import {report} ({state})."
            else:
                message = f"Imported {report} ({state})."
            self.stdout.write(self.style.SUCCESS(message))
