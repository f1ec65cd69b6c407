"""A real rendition worker (`manage.py db_worker`, photos/tasks.py) for the tests that
need one, on the test database.

The worker is another process, so it sees only committed rows (the tests use
`transactional_db`) and only a database it can open by name: PostgreSQL. SQLite test
databases live in the memory of the pytest process, so the tests that start a worker
are marked `postgres` and run in bin/test's PostgreSQL pass.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

PROJECT = Path(__file__).resolve().parent.parent
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def tests_database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


class RenditionWorker:
    """One `db_worker` process with the test's database, media folders and formats;
    started and stopped by the test (stopped at the end in any case)."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        env = os.environ | {
            "DATABASE_URL": tests_database_url(),
            "TASKS_BACKEND": "database",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "PHOTO_ORIGINALS_ROOT": str(settings.PHOTO_ORIGINALS_ROOT),
            "PHOTO_AVIF": "1" if settings.PHOTO_AVIF else "0",
            "DJANGO_DEBUG": "1",
        }
        command = [sys.executable, "manage.py", "db_worker", "--no-reload"]
        command += ["--interval", "0.1", "--no-startup-delay"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # finishes the task at hand, then exits
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


@pytest.fixture
def rendition_worker(settings, tmp_path) -> Iterator[RenditionWorker]:
    """A worker on the test database, not yet started; photos' renditions go to the
    database queue. Import it into the test module that uses it."""
    settings.TASKS = DATABASE_TASKS
    worker = RenditionWorker(tmp_path / "worker.log")
    yield worker
    worker.stop()
