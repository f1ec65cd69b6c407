"""The photo picker in the article form: a dialog inside the form (no pop-up window)
with the library's searchable grid and upload cards, from which the hero photo, the
social image and the gallery's photos are chosen (static/js/photo-picker.js)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import ForeignKey
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from photos.models import Photo


class PhotoPickerMixin:
    """For the article admin: each photo field gets a "Choose from the library" button,
    the gallery an "Add photos from the library" button, both opening the picker."""

    def formfield_for_foreignkey(
        self, db_field: ForeignKey, request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]
        if field is not None and db_field.related_model is Photo:
            # The admin's wrapper holds the select itself (an autocomplete) in .widget.
            select = getattr(field.widget, "widget", field.widget)
            select.attrs.update(
                {
                    "data-photo-picker": reverse("admin:photos_photo_picker"),
                    "data-photo-picker-choose": _("Choose from the library"),
                    "data-photo-picker-gallery": _("Add photos from the library"),
                    "data-photo-picker-chosen": _("Chosen: %(count)s"),
                    "data-photo-picker-use": _("Use"),
                }
            )
        return field

    @property
    def media(self) -> forms.Media:
        picker = forms.Media(
            css={"all": ["css/photo-library.css"]},
            js=["js/photo-upload.js", "js/photo-picker.js"],
        )
        return super().media + picker  # type: ignore[misc]
