"""Photo licences ending soon: the photos whose licence ends within 30 days, and those
whose licence has ended while public articles still have them, each with those public
articles (which readers see without the photo from its licence end on). The photo
library's "Licences ending soon" page (PhotoLibraryMixin.licences_view)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from articles.models import Article, GalleryPhoto
from photos.models import Photo
from photos.rights import ending_q

ROLES = {"hero": _("hero photo"), "gallery": _("gallery"), "social": _("social image")}


@dataclass
class Use:
    article: Article
    role: str

    @property
    def role_label(self) -> str:
        return str(ROLES[self.role])


@dataclass
class EndingLicence:
    photo: Photo
    ended: bool
    uses: list[Use] = field(default_factory=list)


def needing_attention(now: datetime) -> QuerySet[Photo]:
    """The photos the list shows: a licence ending within 30 days, or ended while a
    public article still has the photo."""
    public_use = Article.objects.published().showing(OuterRef("pk"))
    return Photo.objects.filter(ending_q(now) | (Exists(public_use) & Q(licence_ends_at__lte=now)))


def ending_licences(now: datetime) -> list[EndingLicence]:
    """Soonest end first. Three queries whatever the number of photos and articles: the
    photos, the public articles that show any of them, and those articles' gallery rows
    of these photos."""
    photos = list(needing_attention(now).order_by("licence_ends_at", "pk"))
    found = {photo.pk: EndingLicence(photo, not photo.licence_running(now)) for photo in photos}
    if not found:
        return []
    ids = list(found)
    gallery = GalleryPhoto.objects.filter(photo__in=ids).only("article_id", "photo_id")
    articles = (
        Article.objects.published()
        .filter(Q(hero_photo__in=ids) | Q(social_image__in=ids) | Q(gallery__photo__in=ids))
        .distinct()
        .only("pk", "title", "slug", "language", "published_at", "hero_photo_id", "social_image_id")
        .prefetch_related(Prefetch("gallery", queryset=gallery))
        .newest_first()
    )
    for article in articles:
        roles = {
            "hero": {article.hero_photo_id},
            "gallery": {item.photo_id for item in article.gallery.all()},
            "social": {article.social_image_id},
        }
        for role, photo_ids in roles.items():
            for photo_id in photo_ids & found.keys():
                found[photo_id].uses.append(Use(article, role))
    return list(found.values())
