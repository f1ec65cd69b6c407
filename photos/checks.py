"""System checks for settings that would quietly undo a promise of SECURITY.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def originals_are_not_public(**kwargs: Any) -> list[checks.CheckMessage]:
    """Photo originals (GPS, camera serials) must not live where media or static files
    are served from."""
    originals = Path(settings.PHOTO_ORIGINALS_ROOT).resolve()
    errors = []
    for setting in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = Path(getattr(settings, setting)).resolve()
        if originals == public or public in originals.parents or originals in public.parents:
            errors.append(
                checks.Error(
                    f"PHOTO_ORIGINALS_ROOT ({originals}) overlaps {setting} ({public}), "
                    "so photo originals could be served to readers.",
                    hint=f"Point PHOTO_ORIGINALS_ROOT at a folder outside {setting}.",
                    id="newsroom.E001",
                )
            )
    return errors
