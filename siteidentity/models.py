"""The site identity (one row) and the accessibility statement (one per language)."""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .colours import validate_text_colour

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# "Label | https://address", one a line: what the footer's link lists are written as.
_LINK_LINE = re.compile(r"^(?P<label>[^|]+?)\s*\|\s*(?P<url>(https?://|/|mailto:)\S+)$")


def parse_links(text: str) -> list[dict[str, str]]:
    """The links written one a line as "Label | https://address"; lines that do not
    parse are left out (the admin refuses them before they are saved)."""
    links = []
    for line in (text or "").splitlines():
        match = _LINK_LINE.match(line.strip())
        if match:
            links.append({"label": match["label"].strip(), "url": match["url"]})
    return links


def validate_links(text: str) -> None:
    for number, line in enumerate((text or "").splitlines(), start=1):
        if line.strip() and not _LINK_LINE.match(line.strip()):
            raise ValidationError(
                _("Line %(number)d is not “Label | https://address”: %(line)s"),
                params={"number": number, "line": line.strip()[:80]},
            )


def _per_language(instance: models.Model, field: str) -> str:
    """The field in the active language, else in English."""
    language = (translation.get_language() or "en")[:2]
    return getattr(instance, f"{field}_{language}", "") or getattr(instance, f"{field}_en")


def _default_name() -> str:
    return settings.ORGANIZATION_NAME


class SiteIdentity(models.Model):
    """Who publishes the site: name, logo, colours and footer. One row; without it the
    field defaults below (the demo university) are shown."""

    name_en = models.CharField(
        _("organisation name (English)"),
        max_length=120,
        default=_default_name,
        help_text=_("Shown above the site name in the header, in the footer and as publisher."),
    )
    name_fi = models.CharField(
        _("organisation name (Finnish)"), max_length=120, default="Helsinki-Uusimaan yliopisto"
    )
    name_sv = models.CharField(
        _("organisation name (Swedish)"), max_length=120, default="Helsingfors-Nylands universitet"
    )
    logo = models.BinaryField(_("logo"), blank=True, editable=False, default=b"")
    logo_type = models.CharField(_("logo file type"), max_length=20, blank=True, editable=False)
    logo_width = models.PositiveIntegerField(default=0, editable=False)
    logo_height = models.PositiveIntegerField(default=0, editable=False)
    logo_version = models.CharField(max_length=12, default="default", editable=False)
    logo_alt_en = models.CharField(
        _("logo text alternative (English)"),
        max_length=200,
        blank=True,
        help_text=_("What the logo says, e.g. the organisation's name. Required with a logo."),
    )
    logo_alt_fi = models.CharField(_("logo text alternative (Finnish)"), max_length=200, blank=True)
    logo_alt_sv = models.CharField(_("logo text alternative (Swedish)"), max_length=200, blank=True)
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#0b3d6e",
        validators=[validate_text_colour],
        help_text=_("Links, buttons and the footer, with white text on it, e.g. #0b3d6e."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#a3123a",
        validators=[validate_text_colour],
        help_text=_("Category labels, rules and highlights, as text on white, e.g. #a3123a."),
    )
    address = models.TextField(
        _("address"),
        blank=True,
        default="PO Box 1000\n00076 Helsinki-Uusimaa\nFinland",
        help_text=_("The postal address, as it is written on a letter."),
    )
    email = models.EmailField(_("contact email"), blank=True, default="news@example.edu")
    phone = models.CharField(_("telephone"), max_length=40, blank=True, default="+358 29 000 0000")
    social_links = models.TextField(
        _("social media"),
        blank=True,
        default=(
            "LinkedIn | https://www.linkedin.com/\n"
            "Instagram | https://www.instagram.com/\n"
            "YouTube | https://www.youtube.com/"
        ),
        validators=[validate_links],
        help_text=_("One a line: “Label | https://address”."),
    )
    footer_links_en = models.TextField(
        _("footer links (English)"),
        blank=True,
        default=(
            "Studies | https://example.edu/en/studies\n"
            "Research | https://example.edu/en/research\n"
            "Contact us | https://example.edu/en/contact\n"
            "Data protection | https://example.edu/en/privacy"
        ),
        validators=[validate_links],
        help_text=_("One a line: “Label | https://address”."),
    )
    footer_links_fi = models.TextField(
        _("footer links (Finnish)"),
        blank=True,
        default=(
            "Opiskelu | https://example.edu/fi/opiskelu\n"
            "Tutkimus | https://example.edu/fi/tutkimus\n"
            "Yhteystiedot | https://example.edu/fi/yhteystiedot\n"
            "Tietosuoja | https://example.edu/fi/tietosuoja"
        ),
        validators=[validate_links],
    )
    footer_links_sv = models.TextField(
        _("footer links (Swedish)"),
        blank=True,
        default=(
            "Studier | https://example.edu/sv/studier\n"
            "Forskning | https://example.edu/sv/forskning\n"
            "Kontakt | https://example.edu/sv/kontakt\n"
            "Dataskydd | https://example.edu/sv/dataskydd"
        ),
        validators=[validate_links],
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def __str__(self) -> str:
        return self.name_en

    def save(self, *args, **kwargs) -> None:
        # Part of the logo's and icons' addresses: a new logo (or, for the drawn icons,
        # a new name or colour) is a new address, so browsers may keep each for a year.
        source = f"{self.logo_type}|{self.name_en}|{self.brand_colour}|{self.accent_colour}|"
        digest = hashlib.sha256(source.encode() + bytes(self.logo))
        self.logo_version = digest.hexdigest()[:12]
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return _per_language(self, "name")

    @property
    def logo_alt(self) -> str:
        return _per_language(self, "logo_alt") or self.name

    @property
    def footer_links(self) -> list[dict[str, str]]:
        return parse_links(_per_language(self, "footer_links"))

    @property
    def social(self) -> list[dict[str, str]]:
        return parse_links(self.social_links)

    def logo_url(self) -> str:
        extension = "svg" if self.logo_type == "image/svg+xml" else "png"
        return reverse("brand-logo", kwargs={"version": self.logo_version, "ext": extension})

    def icon_url(self, size: int) -> str:
        return reverse("brand-icon", kwargs={"version": self.logo_version, "size": size})

    def colours_url(self) -> str:
        return reverse("brand-colours", kwargs={"version": self.logo_version})


class Conformance(models.TextChoices):
    FULL = "full", _("fully conforms")
    PARTIAL = "partial", _("partially conforms")
    NOT = "not", _("does not conform")


class AccessibilityStatement(models.Model):
    """The accessibility statement the law asks public bodies for (EU 2016/2102; in
    Finland Act 306/2019), one per language, written by filling in this form."""

    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, unique=True
    )
    conformance = models.CharField(
        _("conformance status"),
        max_length=10,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
        help_text=_("How the site meets WCAG 2.1 level AA, as the last check found."),
    )
    known_issues = models.TextField(
        _("known issues"),
        blank=True,
        help_text=_(
            "One issue a paragraph (separate them by an empty line): what, where, and "
            "when it will be fixed."
        ),
    )
    checked_on = models.DateField(
        _("date of the last check"), help_text=_("When the site was last assessed.")
    )
    checked_how = models.CharField(
        _("how it was checked"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'a self-assessment with automated tools and keyboard testing'."),
    )
    feedback_email = models.EmailField(
        _("feedback email"), help_text=_("Where readers report accessibility problems.")
    )
    feedback_phone = models.CharField(_("feedback telephone"), max_length=40, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def __str__(self) -> str:
        return str(_("Accessibility statement (%(language)s)") % {"language": self.language})

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse("accessibility-statement")

    @property
    def issues(self) -> list[str]:
        return [part.strip() for part in self.known_issues.split("\n\n") if part.strip()]
