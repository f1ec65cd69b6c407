"""Where photo originals are kept: a storage of their own that no public address reaches.

An uploaded original may carry GPS coordinates and camera serial numbers, so readers are
only ever served renditions (photos/renditions.py), which live in the default (media)
storage. The originals live apart, under PHOTO_ORIGINALS_ROOT (or a private prefix of
the bucket), which the media route never serves, whatever the spelling of the path; and
each under a random folder name, so an address could not be guessed even if it were
served. Staff open an original through the admin (PhotoAdmin.original_view), which
checks their permission for that photo.
"""

from __future__ import annotations

import os
import secrets
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils import timezone

ORIGINALS = "originals"  # the alias in settings.STORAGES


def originals_storage() -> Storage:
    """The storage of photo originals (a callable, so tests and settings may change it)."""
    return storages[ORIGINALS]


def original_name(instance: Any, filename: str) -> str:
    """`2026/12/<32 random hex digits>/IMG_0042.jpg`: dated, unguessable, and still
    named as the photographer named it, for the editors and for export."""
    return f"{timezone.now():%Y/%m}/{secrets.token_hex(16)}/{PurePosixPath(filename).name}"


class OriginalsStorage(FileSystemStorage):
    """Files under settings.PHOTO_ORIGINALS_ROOT, read per use; they have no URL."""

    @property
    def base_location(self) -> str:
        return str(settings.PHOTO_ORIGINALS_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError(
            "Photo originals have no public address; staff open them through the admin."
        )
