"""The public feedback form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import spam
from .models import FeedbackMessage


class FeedbackForm(forms.ModelForm):
    # The trap: hidden from people (CSS and aria-hidden), filled in by form-filling bots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = FeedbackMessage
        fields = ["message", "name", "email", "page"]
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}
        labels = {"page": _("Page address (if about a particular page)")}
        help_texts = {"page": ""}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Your name (optional)")
        self.fields["email"].label = _("Your email (optional, if you want an answer)")
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["website"].widget.attrs.update(
            {"tabindex": "-1", "autocomplete": "off", "class": "feedback__trap-input"}
        )

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_started(self) -> str:
        token = self.cleaned_data["started"]
        if not spam.typed_by_a_person(token):
            raise forms.ValidationError(
                _("The form was sent too quickly or too late. Please check it and send it again.")
            )
        return token
