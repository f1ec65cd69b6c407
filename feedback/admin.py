"""Readers' feedback for staff: read, mark handled; nobody adds or edits messages."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import FeedbackMessage


@admin.register(FeedbackMessage)
class FeedbackMessageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_at", "language", "email", "handled"]
    list_filter = ["handled", "language", "created_at"]
    search_fields = ["message", "name", "email", "page"]
    readonly_fields = ["message", "name", "email", "page", "language", "created_at"]
    date_hierarchy = "created_at"
    # An action rather than list_editable: Django's list checkboxes have no label.
    actions = ["mark_handled"]

    class Media:
        css = {"all": ["css/admin.css"]}  # underlined breadcrumb links (WCAG 1.4.1)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Mark as handled"), permissions=["change"])
    def mark_handled(self, request: HttpRequest, queryset: QuerySet[FeedbackMessage]) -> None:
        # Private rows: an update() needs no page cache bump (feedback is in PRIVATE_APPS).
        count = queryset.update(handled=True)
        message = ngettext(
            "%(count)d message marked as handled.", "%(count)d messages marked as handled.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
