"""The SHA-256 of a photo file, read in chunks: how the library knows a photo it has."""

from __future__ import annotations

import hashlib

from django.core.files import File


def file_sha256(file: File) -> str:
    """The hex SHA-256 of an upload or a stored photo's file; left at its start, open."""
    digest = hashlib.sha256()
    for chunk in file.chunks():  # from the start (chunks() seeks there)
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()
