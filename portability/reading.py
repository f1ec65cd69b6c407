"""Reading an export before anything is written: the folder or .zip, the manifest and
its checksums, each file's JSON shape, and the references between them."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from photos.licences import Licence

from .archive import (
    _PHOTO_FILE,
    DATA_FILES,
    DATA_FILES_BEFORE_3,
    FORMAT,
    READABLE_VERSIONS,
    ExportError,
    Progress,
    _sha256,
)
from .legacy_people import people_from_text


class Source:
    """Reads names from an export folder or .zip, refusing paths that leave it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.archive: zipfile.ZipFile | None = None
        if not path.exists():
            raise ExportError(f"{path} does not exist.")
        if path.is_file():
            if not zipfile.is_zipfile(path):
                raise ExportError(f"{path} is neither an export folder nor a .zip file.")
            self.archive = zipfile.ZipFile(path)

    def sha256(self, name: str) -> str:
        """The SHA-256 of a file in the export, read in chunks."""
        digest = hashlib.sha256()
        try:
            if self.archive is not None:
                handle = self.archive.open(name)
            else:
                handle = (self.path / name).open("rb")
            with handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except (KeyError, FileNotFoundError):
            raise ExportError(f"The export is incomplete: {name} is missing.") from None
        except (OSError, zipfile.BadZipFile) as error:
            raise ExportError(f"{name} cannot be read from the export: {error}.") from error
        return digest.hexdigest()

    def read(self, name: str) -> bytes:
        try:
            if self.archive is not None:
                return self.archive.read(name)
            return (self.path / name).read_bytes()
        except (KeyError, FileNotFoundError):
            raise ExportError(f"The export is incomplete: {name} is missing.") from None
        except (OSError, zipfile.BadZipFile) as error:
            raise ExportError(f"{name} cannot be read from the export: {error}.") from error

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


def _load(source: Source, name: str, checksum: str | None) -> Any:
    raw = source.read(name)
    if checksum is not None and _sha256(raw) != checksum:
        raise ExportError(f"The export is damaged: {name} does not match its checksum.")
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ExportError(f"The export is damaged: {name} is not valid JSON ({error}).") from None


def _rows(data: Any, name: str, required: Iterable[str]) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise ExportError(f"The export is damaged: {name} must be a list of objects.")
    for number, row in enumerate(data, 1):
        missing = [key for key in required if key not in row]
        if missing:
            raise ExportError(
                f"The export is damaged: entry {number} in {name} lacks {', '.join(missing)}."
            )
    return data


def read_and_check(source: Source, progress: Progress) -> dict[str, list[dict[str, Any]]]:
    manifest = _load(source, "manifest.json", None)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ExportError("manifest.json does not describe a Newsroom export.")
    version = manifest.get("version")
    if version not in READABLE_VERSIONS:
        *earlier, last = (str(v) for v in READABLE_VERSIONS)
        readable = f"{', '.join(earlier)} and {last}" if earlier else last
        raise ExportError(
            f"This export has format version {version!r}; this Newsroom reads versions {readable}."
        )
    checksums = manifest.get("files")
    expected = DATA_FILES if version >= 3 else DATA_FILES_BEFORE_3
    if not isinstance(checksums, dict) or set(checksums) != set(expected):
        raise ExportError("manifest.json does not list the export's data files.")
    data = {
        "categories": _rows(_load(source, "categories.json", checksums["categories.json"]),
                            "categories.json", ["slug", "name_en"]),
        "tags": _rows(_load(source, "tags.json", checksums["tags.json"]), "tags.json", ["name"]),
        "photos": _rows(_load(source, "photos.json", checksums["photos.json"]), "photos.json",
                        ["sha256", "file", "alt_text"]),
        "articles": _rows(_load(source, "articles.json", checksums["articles.json"]),
                          "articles.json", ["language", "slug", "title"]),
    }  # fmt: skip
    if version >= 3:
        people = _load(source, "people.json", checksums["people.json"])
        data["people"] = _rows(people, "people.json", ["slug", "name"])
    else:
        data["people"] = people_from_text(data["articles"])

    for number, photo in enumerate(data["photos"], 1):
        name = photo["file"]
        if not isinstance(name, str) or not _PHOTO_FILE.match(name):
            raise ExportError(f"The export is damaged: {name!r} is not a photo file name.")
        if source.sha256(name) != photo["sha256"]:
            raise ExportError(f"The export is damaged: {name} does not match its checksum.")
        if photo.get("licence", Licence.ALL_RIGHTS_RESERVED) not in Licence.values:
            raise ExportError(
                f"The export is damaged: the photo {name} has an unknown licence "
                f"{photo['licence']!r}."
            )
        progress("checking photos", number, len(data["photos"]))

    _check_references(data)
    return data


def _check_references(data: dict[str, list[dict[str, Any]]]) -> None:
    """Every natural key an article mentions is in the export (or this is refused)."""
    categories = {row["slug"] for row in data["categories"]}
    photos = {row["sha256"] for row in data["photos"]}
    people = {row["slug"] for row in data["people"]}
    articles = {(row["language"], row["slug"]) for row in data["articles"]}
    for row in data["people"]:
        if row.get("photo") and row["photo"] not in photos:
            raise ExportError(f"The export is damaged: person {row['slug']} names a missing photo.")
    for row in data["articles"]:
        where = f"article {row['language']}/{row['slug']}"
        for slug in row.get("categories", []):
            if slug not in categories:
                raise ExportError(f"The export is damaged: {where} names unknown category {slug}.")
        wanted = [row.get("hero_photo"), row.get("social_image")]
        wanted += [item.get("photo") for item in row.get("gallery", [])]
        for digest in filter(None, wanted):
            if digest not in photos:
                raise ExportError(f"The export is damaged: {where} names a missing photo.")
        for slug in [*row.get("authors", []), *row.get("contacts", [])]:
            if slug not in people:
                raise ExportError(f"The export is damaged: {where} names unknown person {slug}.")
        keys = [row.get("translation_of")] + [
            item.get("article") for item in row.get("related", [])
        ]
        for key in filter(None, keys):
            if tuple(key) not in articles:
                raise ExportError(
                    f"The export is damaged: {where} links to {'/'.join(key)}, "
                    "which is not in the export."
                )
