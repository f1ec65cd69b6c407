"""Plain factory helpers: each makes one saved object with sensible defaults."""

from __future__ import annotations

import copy
import hashlib
import io
import itertools
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleContact,
    Category,
    Person,
    RelatedLink,
    Status,
)
from photos import renditions
from photos.models import Photo
from publishing.roles import ROLES

_sequence = itertools.count(1)
_jpegs: dict[tuple, bytes] = {}


def jpeg_bytes(
    width: int = 640, height: int = 427, colour: str = "#2a6f97", *, detailed: bool = False
) -> bytes:
    """A JPEG of one colour, or with `detailed` a noisy one, as a real photo is: browsers
    do not count near-empty images as the largest contentful paint. Made once per test
    session for each set of arguments (every detailed one of a size is the same noise)."""
    key = (width, height, colour, detailed)
    if key not in _jpegs:
        image = Image.new("RGB", (width, height), colour)
        if detailed:
            noise = Image.effect_noise((width, height), 64).convert("RGB")
            image = Image.blend(image, noise, 0.5)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)
        _jpegs[key] = buffer.getvalue()
    return _jpegs[key]


_render = renditions.render
_rendered: dict[tuple, tuple[dict[str, Any], dict[str, bytes]]] = {}


def render_once(image: Image.Image, focal: tuple[float, float]) -> tuple[dict, dict]:
    """renditions.render, remembered for the test session. Rendering is a function of the
    prepared pixels, the focal point and the settings (formats, widths) alone, and takes
    from a tenth of a second (a small plain photo) to seconds (a large detailed one), so
    the photos that tests need as content are rendered once; every test still stores real
    files and rows. Tests of rendering itself call renditions.build_renditions, which renders
    anew."""
    key = (
        image.mode,
        image.size,
        hashlib.sha256(image.tobytes()).digest(),
        tuple(focal),
        tuple(fmt.extension for fmt in renditions.output_formats()),
        tuple(settings.PHOTO_RENDITION_WIDTHS),
        tuple(settings.PHOTO_CARD_WIDTHS),
    )
    if key not in _rendered:
        _rendered[key] = _render(image, focal)
    manifest, files = _rendered[key]
    return copy.deepcopy(manifest), dict(files)


def build_renditions_once(photo: Photo) -> dict[str, Any]:
    """renditions.build_renditions (stores the files, records them on the row) with the
    rendering itself remembered (render_once)."""
    render, renditions.render = renditions.render, render_once
    try:
        return renditions.build_renditions(photo)
    finally:
        renditions.render = render


_drawn: dict[tuple, bytes] = {}


def draw_once(scene: Any, palette: Any, size: tuple[int, int], seed: Any) -> bytes:
    """seed_demo's drawing (deterministic, a couple of seconds a picture), once per
    session for each picture; see the `demo_photos_once` fixture."""
    from articles.demo import scenes

    key = (scene, size, seed)
    if key not in _drawn:
        _drawn[key] = scenes.draw_photo(scene, palette, size, seed)
    return _drawn[key]


def make_photo(
    *, size: tuple[int, int] = (640, 427), detailed: bool = False, **fields: Any
) -> Photo:
    """A photo with its renditions; `size` is the uploaded original's (a hero is
    usually 1600 pixels wide or more), `detailed` gives it a photo's entropy."""
    number = next(_sequence)
    defaults = {
        "alt_text": f"Students on the campus lawn {number}",
        "caption": f"Campus in spring {number}",
        "credit": "Sakari Photographer",
    }
    image = ContentFile(jpeg_bytes(*size, detailed=detailed), name=f"photo-{number}.jpg")
    photo = Photo.objects.create(**{"image": image, **defaults, **fields})
    build_renditions_once(photo)  # as the admin does on upload
    return photo


def make_category(**fields: Any) -> Category:
    number = next(_sequence)
    defaults = {"name_en": f"Category {number}", "slug": f"category-{number}"}
    return Category.objects.create(**{**defaults, **fields})


def make_person(name: str | None = None, **fields: Any) -> Person:
    number = next(_sequence)
    name = name or f"Person {number}"
    return Person.objects.create(name=name, slug=fields.pop("slug", f"person-{number}"), **fields)


def make_article(
    *,
    categories: list[Category] | None = None,
    tags: list[str] | None = None,
    authors: list[Person] | None = None,
    contacts: list[Person] | None = None,
    **fields: Any,
) -> Article:
    """A published article from an hour ago, unless told otherwise; `authors` and
    `contacts` in their order."""
    number = next(_sequence)
    defaults = {
        "title": f"University news story {number}",
        "slug": f"story-{number}",
        "language": "en",
        "lead": f"The lead of story {number}.",
        "body": f"<p>The body of story {number}.</p>",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(hours=1) - timedelta(seconds=number),
    }
    article = Article.objects.create(**{**defaults, **fields})
    if categories:
        article.categories.set(categories)
    if tags:
        article.tags.set(tags)
    for model, people in ((ArticleAuthor, authors), (ArticleContact, contacts)):
        for position, person in enumerate(people or [], 1):
            model.objects.create(article=article, person=person, position=position)
    return article


def link(article: Article, *targets: Article) -> None:
    """Add manual 'Read more news' links in the given order."""
    for position, target in enumerate(targets):
        RelatedLink.objects.create(article=article, target=target, position=position)


def make_user(username: str, *, role: str | None = None, password: str = "pw") -> Any:  # noqa: S107
    """A staff user in the Writer or Editor group (None: staff without a role).

    The groups come from a data migration; tests that flush the database (the browser
    tests) lose them, so they are recreated here from the roles' current permissions
    (publishing.roles).
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    user = get_user_model().objects.create_user(
        username, f"{username}@example.edu", password, is_staff=True
    )
    if role is not None:
        group, created = Group.objects.get_or_create(name=role)
        if created or not group.permissions.exists():
            for app_label, codename in ROLES[role]:
                group.permissions.add(
                    Permission.objects.get(content_type__app_label=app_label, codename=codename)
                )
        user.groups.add(group)
    return user


def make_revision(article: Article, user: Any, **changes: Any) -> Any:
    """Save `article` with `changes` (fields, or `categories`/`tags` to set) as one
    revision of its history, as the admin does; returns the revision."""
    import reversion
    from reversion.models import Version

    categories = changes.pop("categories", None)
    tags = changes.pop("tags", None)
    with reversion.create_revision():
        for name, value in changes.items():
            setattr(article, name, value)
        article.save()
        if categories is not None:
            article.categories.set(categories)
        if tags is not None:
            article.tags.set(tags)
        reversion.set_user(user)
        reversion.set_comment("Changed.")
    return Version.objects.get_for_object(article).first().revision
