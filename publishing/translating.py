"""Translating beside the original: the story a translation is made from, shown read-only
next to the translation's form."""

from __future__ import annotations

from django.http import HttpRequest

from articles.models import Article


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
