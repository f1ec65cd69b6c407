"""Translating beside the original: the story a translation is made from, shown read-only
next to the translation's form; and, when the original had a significant update after
the translation was last saved, what changed in its title, lead and body since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.http import HttpRequest
from reversion.models import Version

from articles.models import Article

from .compare import FieldDiff, compare, snapshot_of_article, snapshot_of_revision

# What a translator is shown of the original's changes.
TRANSLATED_FIELDS = ("title", "lead", "body")


@dataclass(frozen=True)
class SourceChange:
    """The original's significant update after the translation was last saved, with
    the changes to its text since then (empty when its history does not reach back)."""

    updated_at: datetime
    seen_at: datetime
    changed_fields: list[FieldDiff]


def translation_source(request: HttpRequest, article: Article | None) -> Article | None:
    """The original of the translation being edited: the article's `translation_of`,
    or on the add form the one named by ?translation_of= (the admin's "Add translation"
    link). None when there is none or the user may not read articles."""
    if not request.user.has_perm("articles.view_article"):
        return None
    if article is not None and article.pk is not None:
        original_id = article.translation_of_id
    else:
        original_id = request.GET.get("translation_of", "")
    if not str(original_id or "").isdigit():
        return None
    return (
        Article.objects.filter(pk=original_id)
        .select_related("hero_photo")
        .only("pk", "title", "language", "lead", "body", "hero_photo", "hero_caption")
        .first()
    )


def source_change(article: Article | None) -> SourceChange | None:
    """For a translation whose original changed significantly since it was last saved:
    when, and what changed in the original's title, lead and body since then."""
    if article is None or article.pk is None or article.translation_of_id is None:
        return None
    original = article.translation_of
    seen = article.source_seen_at
    if original.updated_at is None or seen is None or original.updated_at <= seen:
        return None
    # The original as it was when the translation was last saved: its newest revision
    # from before then.
    then = (
        Version.objects.get_for_object(original)
        .filter(revision__date_created__lte=seen)
        .order_by("-revision__date_created", "-pk")
        .first()
    )
    changed: list[FieldDiff] = []
    if then is not None:
        versions = Version.objects.filter(revision_id=then.revision_id).select_related(
            "content_type"
        )
        old = snapshot_of_revision(versions, original.pk)
        if old is not None:
            diffs = compare(old, snapshot_of_article(original))
            changed = [d for d in diffs if d.name in TRANSLATED_FIELDS and d.changed]
    return SourceChange(updated_at=original.updated_at, seen_at=seen, changed_fields=changed)


# Fields that the "Add translation" link fills in from the address.
_ADDRESS_FILLED = ("translation_of", "hero_photo", "social_image")


def usable_initial(initial: dict) -> dict:
    """The add form's values from the address, without those that cannot name a row (a
    hand-edited or hostile address): the form opens without them, not with an error."""
    for name in _ADDRESS_FILLED:
        if name in initial and not str(initial[name]).isdigit():
            del initial[name]
    if "categories" in initial:
        initial["categories"] = [pk for pk in initial["categories"] if str(pk).isdigit()]
    return initial
