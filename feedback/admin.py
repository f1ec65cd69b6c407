"""Readers' feedback for staff: read, mark handled; nobody adds or edits messages."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from .models import FeedbackMessage


@admin.register(FeedbackMessage)
class FeedbackMessageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_at", "language", "email", "handled"]
    list_filter = ["handled", "language", "created_at"]
    list_editable = ["handled"]
    search_fields = ["message", "name", "email", "page"]
    readonly_fields = ["message", "name", "email", "page", "language", "created_at"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
