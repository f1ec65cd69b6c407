"""Photo uploads with the rendition worker: time from upload to response, and from the
first upload to every photo's renditions being ready, for batches of photos.

    python bench/uploads.py [--counts 1,10,40] [--megapixels 12,50] [--workers 1,2]
                            [--database-url postgres://…/newsroom_bench] [--no-avif]

For each batch size, photo size and number of workers: starts that many
`manage.py db_worker` processes, uploads the batch one file after another through the
upload cards' address (`/admin/photos/photo/upload/`, in this process through Django's
test client, so no network is timed), and waits until the workers have made every
photo's renditions. The photos are one drawing per size (the demo's scenes) with a
small mark that makes each file's bytes its own (the same bytes would be refused as a
duplicate). A fresh media folder in a temporary directory; the database is SQLite
there unless --database-url names another (use an empty PostgreSQL database: several
workers share SQLite badly). The web request and the workers share the machine's cores,
as they would on one server.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _size(megapixels: int) -> tuple[int, int]:
    """3:2, just under `megapixels` million pixels (50 is the upload limit)."""
    height = int((megapixels * 1_000_000 / 1.5) ** 0.5)
    return int(height * 1.5), height


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1,10,40")
    parser.add_argument("--megapixels", default="12,50")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-avif", action="store_true", help="JPEG and WebP only")
    args = parser.parse_args()
    counts = [int(n) for n in args.counts.split(",")]
    sizes = [int(n) for n in args.megapixels.split(",")]
    worker_counts = [int(n) for n in args.workers.split(",")]

    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-uploads-"))
    env = {
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PHOTO_ORIGINALS_ROOT": str(workdir / "originals"),
        "TASKS_BACKEND": "database",
        "DJANGO_DEBUG": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    if args.no_avif:
        env["PHOTO_AVIF"] = "0"
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from PIL import Image, ImageDraw

    from articles.demo.content import PHOTOS
    from articles.demo.scenes import draw_photo
    from photos import renditions
    from photos.models import Photo, RenditionStatus

    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_superuser("bench", "bench@example.edu", "x")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    formats = ", ".join(f.extension for f in renditions.output_formats())
    print(f"Formats: {formats}; {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")

    drawings = {}
    for megapixels in sizes:
        spec = PHOTOS[0]
        print(f"Drawing a {megapixels}-megapixel photo …", flush=True)
        data = draw_photo(spec.scene, spec.palette, _size(megapixels), seed="bench")
        drawings[megapixels] = Image.open(io.BytesIO(data)).convert("RGB")

    def variant(megapixels: int, mark: int) -> bytes:
        image = drawings[megapixels].copy()
        ImageDraw.Draw(image).rectangle((mark * 7 % 500, 10, mark * 7 % 500 + 6, 16), "red")
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=88)
        return buffer.getvalue()

    print()
    print("| photos | size | workers | response p50 | response max | all ready after |")
    print("|---:|---:|---:|---:|---:|---:|")
    mark = 0
    for workers in worker_counts:
        for megapixels in sizes:
            for count in counts:
                files = []
                for _ in range(count):
                    mark += 1
                    files.append(variant(megapixels, mark))
                processes = [
                    subprocess.Popen(
                        [
                            sys.executable,
                            "manage.py",
                            "db_worker",
                            "--no-reload",
                            "--interval",
                            "0.2",
                            "--no-startup-delay",
                            "-v0",
                        ],
                        cwd=ROOT,
                        env=os.environ.copy(),
                    )
                    for _ in range(workers)
                ]
                time.sleep(2)  # the workers' start-up is not part of the measurement
                try:
                    ids, answers = [], []
                    started = time.perf_counter()
                    for number, data in enumerate(files):
                        upload = SimpleUploadedFile(f"bench-{number}.jpg", data, "image/jpeg")
                        before = time.perf_counter()
                        response = client.post(
                            "/admin/photos/photo/upload/", {"image": upload, "alt_text": "x"}
                        )
                        answers.append(time.perf_counter() - before)
                        if response.status_code != 201:
                            raise SystemExit(f"upload refused: {response.content[:300]!r}")
                        ids.append(response.json()["photo"]["id"])
                    waiting = Photo.objects.filter(pk__in=ids).exclude(
                        rendition_status=RenditionStatus.READY
                    )
                    while waiting.exists():
                        if waiting.filter(rendition_status=RenditionStatus.FAILED).exists():
                            raise SystemExit("a rendition failed")
                        time.sleep(0.1)
                    ready = time.perf_counter() - started
                finally:
                    for process in processes:
                        process.terminate()
                    for process in processes:
                        process.wait()
                print(
                    f"| {count} | {megapixels} MP | {workers} | "
                    f"{statistics.median(answers) * 1000:.0f} ms | {max(answers) * 1000:.0f} ms "
                    f"| {ready:.1f} s |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
