"""The identity's admin form: the logo arrives as a file and is kept as checked bytes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .logo import read_logo
from .models import SiteIdentity


class SiteIdentityForm(forms.ModelForm):
    logo_file = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_(
            "An SVG (preferred: sharp at every size) or a PNG of at most 512 KB. An SVG with "
            "scripts, event handlers or links to other files is refused. The favicon and app "
            "icons are made from it."
        ),
    )
    remove_logo = forms.BooleanField(
        label=_("Remove the logo"),
        required=False,
        help_text=_("Show the default mark instead."),
    )

    class Meta:
        model = SiteIdentity
        fields = [
            *["name_en", "name_fi", "name_sv", "logo_alt_en", "logo_alt_fi", "logo_alt_sv"],
            *["brand_colour", "accent_colour", "address", "email", "phone", "social_links"],
            *["footer_links_en", "footer_links_fi", "footer_links_sv"],
        ]
        widgets = {
            "brand_colour": forms.TextInput(attrs={"type": "color"}),
            "accent_colour": forms.TextInput(attrs={"type": "color"}),
            **{
                name: forms.Textarea(attrs={"rows": 5, "cols": 60})
                for name in (
                    "address",
                    "social_links",
                    "footer_links_en",
                    "footer_links_fi",
                    "footer_links_sv",
                )
            },
        }

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        if upload.size > 512 * 1024 + 1:
            return read_logo(b"\0" * upload.size)  # refused with the size in the message
        return read_logo(upload.read())

    def clean(self):
        cleaned = super().clean()
        logo = cleaned.get("logo_file")
        keeps_logo = bool(self.instance.logo_type) and not cleaned.get("remove_logo")
        if (logo or keeps_logo) and not cleaned.get("logo_alt_en"):
            self.add_error(
                "logo_alt_en", _("Write what the logo says, for readers who cannot see it.")
            )
        return cleaned

    def save(self, commit: bool = True) -> SiteIdentity:
        identity = super().save(commit=False)
        logo = self.cleaned_data.get("logo_file")
        if logo:
            identity.logo, identity.logo_type = logo.data, logo.content_type
            identity.logo_width, identity.logo_height = logo.width, logo.height
        elif self.cleaned_data.get("remove_logo"):
            identity.logo, identity.logo_type = b"", ""
            identity.logo_width = identity.logo_height = 0
        if commit:
            identity.save()
        return identity
