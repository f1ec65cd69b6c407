"""Time of export_news, a first import into an empty site and a second (no-op) import.

    python bench/export_import.py [--articles 5000]

Seeds the demo plus N synthetic articles into a fresh SQLite file (or the database in
DATABASE_URL, which it migrates and fills), exports to a .zip, empties the content,
imports, and imports again. Prints seconds and the export's size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5_000)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from taggit.models import Tag

    from articles.models import Article, Category
    from photos.models import Photo

    call_command("migrate", verbosity=0)
    call_command("seed_demo", articles=args.articles, verbosity=0)
    total = Article.objects.count()
    export = workdir / "export.zip"

    def timed(label: str, *command: str) -> None:
        started = time.perf_counter()
        call_command(*command, verbosity=0)
        print(f"{label:<28}{time.perf_counter() - started:8.2f} s")

    print(f"{total:,} articles, {Photo.objects.count()} photos")
    timed("export_news (.zip)", "export_news", str(export))
    print(f"{'export size':<28}{export.stat().st_size / 1e6:8.2f} MB")
    Article.objects.all().delete()
    Photo.objects.all().delete()
    Category.objects.all().delete()
    Tag.objects.all().delete()
    timed("import_news, empty site", "import_news", str(export))
    timed("import_news, second run", "import_news", str(export))
    if Article.objects.count() != total:
        raise SystemExit(f"The round trip lost articles: {Article.objects.count()} of {total}.")


if __name__ == "__main__":
    main()
