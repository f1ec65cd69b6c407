"""Forms the editor uses beyond what the admin builds by itself."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from .models import Photo
from .validators import validate_photo_file


class PhotoImageField(forms.ImageField):
    """An image field that applies Newsroom's photo checks before Django's own, so the
    editor reads why a file was refused (too large, not a photo, damaged, …)."""

    def to_python(self, data: Any) -> Any:
        if isinstance(data, UploadedFile):
            validate_photo_file(data)
        return super().to_python(data)


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["image", "alt_text", "caption", "credit", "focal_x", "focal_y"]
        field_classes = {"image": PhotoImageField}
        widgets = {
            "focal_x": forms.NumberInput(attrs={"step": "0.001", "min": "0", "max": "1"}),
            "focal_y": forms.NumberInput(attrs={"step": "0.001", "min": "0", "max": "1"}),
        }
