"""The admin of categories and the site notice."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.models import Category, SiteNotice


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fi", "name_sv", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_fi", "name_sv", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [
        (None, {"fields": ["name_en", "name_fi", "name_sv", "slug", "order"]}),
        (_("Descriptions"), {"fields": ["description_en", "description_fi", "description_sv"]}),
    ]


@admin.register(SiteNotice)
class SiteNoticeAdmin(admin.ModelAdmin):
    list_display = ["message", "is_active", "ends_at"]
    list_filter = ["is_active"]
    fields = ["message", "ends_at", "is_active"]
