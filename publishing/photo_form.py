"""The photo form: Newsroom's upload checks before anything is stored, the photo's rights,
and the link to the original that staff see instead of a storage address."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, NamedTuple

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse

from photos.licences import Licence
from photos.models import Photo
from photos.validators import validate_photo_file

from .site_time import SiteDateTimeField, SiteDateTimeInput, zone_description

# The photo's rights, after its credit: the photo page's "Rights" group and the upload
# cards' (templates/publishing/photo_uploader.html).
RIGHTS_FIELDS = ["copyright_holder", "licence", "licence_terms", "licence_ends_at"]


class PhotoImageField(forms.ImageField):
    """An image field that applies Newsroom's photo checks before Django's own, so the
    editor reads why a file was refused (too large, not a photo, damaged, …)."""

    def to_python(self, data: Any) -> Any:
        if isinstance(data, UploadedFile):
            validate_photo_file(data)
        return super().to_python(data)


class OriginalLink(NamedTuple):
    """The staff-only address of a photo's original, and its file name to show."""

    url: str
    name: str

    def __str__(self) -> str:
        return self.name


def original_link(photo: Photo) -> OriginalLink:
    """Where staff open `photo`'s original: the admin's permission-checked view, since
    originals have no public address (photos/storage.py)."""
    url = reverse("admin:photos_photo_original", args=[photo.pk])
    return OriginalLink(url, PurePosixPath(photo.image.name).name)


class OriginalPhotoInput(forms.ClearableFileInput):
    """The file input whose "Currently:" link opens the original through the admin's
    permission-checked view (original_link)."""

    def is_initial(self, value: Any) -> bool:
        return bool(value and getattr(getattr(value, "instance", None), "pk", None))

    def format_value(self, value: Any) -> Any:
        if not self.is_initial(value):
            return None
        return original_link(value.instance)


class PhotoForm(forms.ModelForm):
    """The photo's page in the admin and each upload card (publishing/photo_library.py).
    A licence "Other" needs its terms (Photo.clean); the licence end is entered in the
    site's time zone, as article times are."""

    class Meta:
        model = Photo
        fields = [
            "image",
            "alt_text",
            "caption",
            "credit",
            "focal_x",
            "focal_y",
            *RIGHTS_FIELDS,
        ]
        field_classes = {"image": PhotoImageField, "licence_ends_at": SiteDateTimeField}
        widgets = {
            "image": OriginalPhotoInput,
            "focal_x": forms.NumberInput(attrs={"step": "0.001", "min": "0", "max": "1"}),
            "focal_y": forms.NumberInput(attrs={"step": "0.001", "min": "0", "max": "1"}),
            "licence_terms": forms.Textarea(attrs={"rows": 3}),
            "licence_ends_at": SiteDateTimeInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if field := self.fields.get("licence_ends_at"):
            field.help_text = f"{zone_description()}. {field.help_text}"
        if field := self.fields.get("licence"):
            field.required = False  # clean_licence: the model's default

    def clean_licence(self) -> str:
        # An upload that does not say (a client from before photo rights) is "all rights
        # reserved", as the model's default has it.
        return self.cleaned_data.get("licence") or Licence.ALL_RIGHTS_RESERVED
