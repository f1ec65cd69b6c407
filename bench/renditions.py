"""Time to make every rendition of a photo, per photo and in total for N photos.

    python bench/renditions.py [--photos 10] [--width 3000] [--height 2000] [--no-avif]

Draws N distinct photos with the demo's scenes (at the given size; a 6-megapixel camera
JPEG by default), stores them in a fresh SQLite database and media folder in a temporary
directory, then times `photos.renditions.build_renditions` for each: decoding, orientation,
sRGB, every width of the full and card sets in each format, and writing to storage.
Also prints the time per format for one photo and the bytes written per photo.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--width", type=int, default=3000)
    parser.add_argument("--height", type=int, default=2000)
    parser.add_argument("--no-avif", action="store_true", help="JPEG and WebP only")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-renditions-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    if args.no_avif:
        os.environ["PHOTO_AVIF"] = "0"

    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from PIL import Image

    from articles.demo.content import PHOTOS
    from articles.demo.scenes import draw_photo
    from photos import renditions
    from photos.models import Photo

    call_command("migrate", verbosity=0)
    size = (args.width, args.height)
    print(f"Drawing {args.photos} photos of {args.width} × {args.height} …")
    photos = []
    for n in range(args.photos):
        spec = PHOTOS[n % len(PHOTOS)]
        data = draw_photo(spec.scene, spec.palette, size, seed=f"bench-{n}")
        photos.append(
            Photo.objects.create(image=ContentFile(data, name=f"bench-{n}.jpg"), alt_text="x")
        )

    formats = ", ".join(f.extension for f in renditions.output_formats())
    print(
        f"Formats: {formats}; widths {renditions.settings.PHOTO_RENDITION_WIDTHS}, "
        f"cards {renditions.settings.PHOTO_CARD_WIDTHS}"
    )
    timings = []
    started = time.perf_counter()
    for photo in photos:
        start = time.perf_counter()
        renditions.build_renditions(photo)
        timings.append(time.perf_counter() - start)
    total = time.perf_counter() - started

    written = sum(
        (Path(os.environ["MEDIA_ROOT"]) / name).stat().st_size
        for name in renditions.rendition_names(photos[0].renditions)
    )
    files = len(renditions.rendition_names(photos[0].renditions))
    timings.sort()
    print(
        f"per photo: p50 {statistics.median(timings) * 1000:.0f} ms, "
        f"max {timings[-1] * 1000:.0f} ms; total for {args.photos}: {total:.1f} s"
    )
    print(f"{files} files, {written / 1024:.0f} KiB written per photo")

    # Where the time goes, for the first photo: one encode of every size per format.
    with photos[0].image.open("rb") as file:
        prepared = renditions.prepare(Image.open(file))
    for fmt in renditions.output_formats():
        start = time.perf_counter()
        wanted = renditions.settings.PHOTO_RENDITION_WIDTHS
        for width in renditions.widths_for(prepared.width, wanted):
            resized = prepared.resize((width, round(prepared.height * width / prepared.width)))
            renditions.encode(resized, fmt)
        print(f"  {fmt.extension:<5} full set {(time.perf_counter() - start) * 1000:>6.0f} ms")


if __name__ == "__main__":
    main()
