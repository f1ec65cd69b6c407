"""The identity and the accessibility statements in the admin, for Editors."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .forms import SiteIdentityForm
from .models import AccessibilityStatement, SiteIdentity


@admin.register(SiteIdentity)
class SiteIdentityAdmin(admin.ModelAdmin):
    """One row: the list opens it (or the form to create it, with the defaults)."""

    form = SiteIdentityForm

    class Media:
        css = {"all": ["css/admin.css"]}  # underlined breadcrumb links (WCAG 1.4.1)

    readonly_fields = ["current_logo"]
    fieldsets = [
        (_("Name"), {"fields": ["name_en", "name_fi", "name_sv"]}),
        (
            _("Logo"),
            {
                "fields": [
                    "current_logo",
                    "logo_file",
                    "remove_logo",
                    "logo_alt_en",
                    "logo_alt_fi",
                    "logo_alt_sv",
                ]
            },
        ),
        (
            _("Colours"),
            {
                "fields": ["brand_colour", "accent_colour"],
                "description": _("Both must reach a contrast ratio of 4.5:1 with white (WCAG AA)."),
            },
        ),
        (_("Footer"), {"fields": ["address", "email", "phone", "social_links"]}),
        (_("Footer links"), {"fields": ["footer_links_en", "footer_links_fi", "footer_links_sv"]}),
    ]

    @admin.display(description=_("current logo"))
    def current_logo(self, identity: SiteIdentity) -> str:
        if not identity.logo_type:
            return _("None: the default mark is shown.")
        return format_html(
            '<img src="{}" alt="{}" height="48" class="identity-logo-preview">',
            identity.logo_url(),
            identity.logo_alt,
        )

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None):
        # One row: once it exists, "add" opens it. (Checked here rather than in
        # has_add_permission, which every admin page's app list asks: a query each.)
        if SiteIdentity.objects.exists():
            return self.changelist_view(request)
        return super().add_view(request, form_url, extra_context)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        identity = SiteIdentity.objects.only("pk").first()
        if identity is None:
            return HttpResponseRedirect(reverse("admin:siteidentity_siteidentity_add"))
        return HttpResponseRedirect(
            reverse("admin:siteidentity_siteidentity_change", args=[identity.pk])
        )


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "conformance", "checked_on", "updated_at"]

    class Media:
        css = {"all": ["css/admin.css"]}

    fieldsets = [
        (None, {"fields": ["language", "conformance", "checked_on", "checked_how"]}),
        (_("Known issues"), {"fields": ["known_issues"]}),
        (_("Feedback contact"), {"fields": ["feedback_email", "feedback_phone"]}),
    ]
