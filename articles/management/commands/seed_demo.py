"""`manage.py seed_demo`: fill a site with demo content that looks like a real newsroom.

Developers, designers and reviewers need realistic pages without copying production data:
a featured partnership story with photo credits, quotes, contacts, a gallery and its
Finnish and Swedish translations; stories in every category; a draft and a scheduled
article to show the workflow; related-news links. `--articles N` adds N synthetic
articles on top, to see how listings, search and feeds behave with a large archive.

Running it again adds only what is missing and never changes what exists. The work is
done by `articles.demo.seed_demo`.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from articles.demo import seed_demo


class Command(BaseCommand):
    help = (
        "Create demo categories, photos and articles in English, Finnish and Swedish. "
        "Idempotent: a second run adds nothing. --articles N adds N synthetic articles."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--articles",
            type=int,
            default=0,
            metavar="N",
            help="Also add N synthetic published articles for load tests (default 0).",
        )

    def handle(self, *args: Any, articles: int, verbosity: int, **options: Any) -> None:
        if articles < 0:
            raise CommandError(
                f"--articles must be zero or a positive number of articles, not {articles}."
            )
        started = time.monotonic()
        report = seed_demo(synthetic=articles, stdout=self.stdout if verbosity >= 1 else None)
        elapsed = time.monotonic() - started
        if verbosity >= 2:
            for title in report.titles:
                self.stdout.write(f"Created: {title}")
        if verbosity >= 1:
            if report.created_anything:
                message = f"Created {report} in {elapsed:.1f} s."
            else:
                message = "The demo content is already in place; nothing was added."
            self.stdout.write(self.style.SUCCESS(message))
