"""The photo library's upload, status and picker answers, used by the upload cards
(static/js/photo-upload.js) and the picker in the article form (static/js/photo-picker.js).

Each file is its own request, so one refused file never costs the others; the request
stores the original and its row and queues the renditions (photos/tasks.py), so it
answers in well under a second whatever the photo's size. The same bytes uploaded again
are not stored twice: the answer names the photo already in the library.
"""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from photos import renditions
from photos.content_hash import file_sha256
from photos.models import Photo, RenditionStatus
from photos.tasks import queue_renditions

from .photo_form import PhotoForm

logger = logging.getLogger(__name__)

PICKER_PAGE_SIZE = 24


def photo_data(photo: Photo) -> dict[str, Any]:
    """What a card or a picker needs to show a photo: no query, no file opened."""
    return {
        "id": photo.pk,
        "label": str(photo),
        "alt_text": photo.alt_text,
        "credit": photo.credit,
        "status": photo.rendition_status,
        "status_label": str(RenditionStatus(photo.rendition_status).label),
        "error": photo.rendition_error,
        "thumbnail": renditions.smallest_url(photo),
        "change_url": reverse("admin:photos_photo_change", args=[photo.pk]),
    }


def upload(request: HttpRequest, log_addition: Any) -> JsonResponse:
    """One photo from an upload card: 201 and the photo, 200 and the photo already in the
    library when these bytes are there, or 400 and what to fix, field by field."""
    image, digest = request.FILES.get("image"), ""
    # A file over the size limit is refused by the form without being read.
    if image is not None and image.size <= settings.PHOTO_MAX_BYTES:
        digest = file_sha256(image)
        existing = Photo.objects.filter(content_hash=digest).order_by("pk").first()
        if existing is not None:
            return JsonResponse({"duplicate": True, "photo": photo_data(existing)})
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({"errors": _errors(form)}, status=400)
    try:
        with transaction.atomic():
            photo = form.save(commit=False)
            photo.content_hash = digest  # (save() reads the file when it is empty)
            photo.save()
            queue_renditions(photo)
            log_addition(request, photo, [{"added": {}}])
        # Ready already when the renditions were made in this request (no worker).
        photo.refresh_from_db(fields=["rendition_status", "rendition_error", "renditions"])
    except OSError as error:
        logger.error("Storing an uploaded photo failed: %s", error)
        if photo.image.name:
            photo.image.storage.delete(photo.image.name)
        message = _(
            "The photo could not be stored: the media storage is full or not writable. "
            "Nothing was saved. Please tell the site's administrator, and try again later."
        )
        return JsonResponse({"errors": {"image": [str(message)]}}, status=400)
    return JsonResponse({"duplicate": False, "photo": photo_data(photo)}, status=201)


def _errors(form: forms.Form) -> dict[str, list[str]]:
    return {
        field: [str(message) for message in messages] for field, messages in form.errors.items()
    }


def statuses(request: HttpRequest) -> JsonResponse:
    """The state of the photos a page is waiting for (?ids=1,2,3), in one query."""
    ids = [int(part) for part in request.GET.get("ids", "").split(",") if part.isdigit()][:200]
    photos = Photo.objects.filter(pk__in=ids)
    return JsonResponse({"photos": {photo.pk: photo_data(photo) for photo in photos}})


class PickerFilters(forms.Form):
    """The picker's search and filters; a value it does not know is ignored."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    credit = forms.ChoiceField(label=_("Credit"), required=False)
    month = forms.ChoiceField(label=_("Uploaded"), required=False)
    in_use = forms.ChoiceField(
        label=_("Use"),
        required=False,
        choices=[("", _("All photos")), ("yes", _("In use")), ("no", _("Not in use"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        credits = Photo.objects.exclude(credit="").order_by("credit").values_list("credit")
        self.fields["credit"].choices = [("", _("Any credit"))] + [
            (credit, credit) for (credit,) in credits.distinct()[:200]
        ]
        months = Photo.objects.dates("uploaded_at", "month", order="DESC")[:36]
        self.fields["month"].choices = [("", _("Any time"))] + [
            (f"{month:%Y-%m}", f"{month:%Y-%m}") for month in months
        ]

    def filter(self, photos: QuerySet[Photo]) -> QuerySet[Photo]:
        if not self.is_bound:
            return photos
        self.is_valid()
        data = self.cleaned_data  # the fields that are valid; the others are ignored
        if words := data.get("q"):
            photos = photos.filter(
                Q(alt_text__icontains=words)
                | Q(caption__icontains=words)
                | Q(credit__icontains=words)
            )
        if credit := data.get("credit"):
            photos = photos.filter(credit=credit)
        if month := data.get("month"):
            year, number = month.split("-")
            photos = photos.filter(uploaded_at__year=year, uploaded_at__month=number)
        if in_use := data.get("in_use"):
            photos = photos.filter(in_use=in_use == "yes")
        return photos


def with_use(photos: QuerySet[Photo]) -> QuerySet[Photo]:
    """Photos with `in_use`: whether any article shows them (hero, gallery, social)."""
    return photos.annotate(in_use=Exists(Article.objects.showing(OuterRef("pk"))))


def picker_context(request: HttpRequest) -> dict[str, Any]:
    """The picker's grid: the filtered photos, newest first, a page at a time."""
    # Ids of their own: the picker lives inside the article form's page.
    filters = PickerFilters(request.GET or None, auto_id="photo-picker-%s")
    photos = filters.filter(with_use(Photo.objects.order_by("-uploaded_at", "-pk")))
    page = Paginator(photos, PICKER_PAGE_SIZE).get_page(request.GET.get("page"))
    for photo in page.object_list:
        photo.thumbnail_url = renditions.smallest_url(photo)  # from the row, no query
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "many": request.GET.get("mode") == "many",
    }
