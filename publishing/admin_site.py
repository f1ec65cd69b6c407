"""The admin site: the site's name, the news desk as its home page, the publishing
calendar, and an app list that shows staff only the editorial apps."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver, path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from photos.models import Photo

from .calendar import Calendar
from .desk import news_desk
from .licence_ends import needing_attention

# What staff who are not superusers see in the app list: the articles (with categories
# and the notice), the photo library and the tags. Users and groups, login attempts and
# whatever a later app registers stay with superusers, whatever a permission allows.
EDITORIAL_APPS = frozenset({"articles", "photos", "taggit"})


class NewsroomAdminSite(admin.AdminSite):
    index_title = _("News desk")
    index_template = "admin/news_desk.html"

    # Read per request, so the name follows settings.SITE_NAME.
    @property
    def site_header(self) -> str:  # type: ignore[override]
        return settings.SITE_NAME

    @property
    def site_title(self) -> str:  # type: ignore[override]
        return settings.SITE_NAME

    def get_app_list(
        self, request: HttpRequest, app_label: str | None = None
    ) -> list[dict[str, Any]]:
        apps = super().get_app_list(request, app_label)
        if request.user.is_superuser:
            return apps
        return [app for app in apps if app["app_label"] in EDITORIAL_APPS]

    def get_urls(self) -> list[URLPattern | URLResolver]:
        # Before the article admin's own addresses, whose catch-all would take it.
        calendar = path(
            "articles/article/calendar/",
            self.admin_view(self.calendar_view),
            name="articles_article_calendar",
        )
        return [calendar, *super().get_urls()]

    def index(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> TemplateResponse:
        """The news desk above the app list, for staff who may see articles."""
        articles = self.get_model_admin(Article)
        context: dict[str, Any] = {}
        if articles.has_view_permission(request):
            context["desk"] = news_desk(request.user, now=timezone.now())
            context["can_write"] = articles.has_add_permission(request)
            # One count, so that an ending licence is seen without opening the list.
            can_see_photos = self.get_model_admin(Photo).has_view_permission(request)
            context["licences_ending"] = (
                needing_attention(timezone.now()).count() if can_see_photos else None
            )
        return super().index(request, context | (extra_context or {}))

    def calendar_view(self, request: HttpRequest) -> TemplateResponse:
        """Scheduled and published stories by day or by week: one query for the stories."""
        if not self.get_model_admin(Article).has_view_permission(request):
            raise PermissionDenied
        calendar = Calendar.from_query(request.GET, now=timezone.now())
        context = {
            **self.each_context(request),
            "title": _("Publishing calendar"),
            "subtitle": None,
            "opts": Article._meta,
            "calendar": calendar,
            "days": calendar.days(),
            "time_zone": settings.TIME_ZONE,
        }
        request.current_app = self.name
        return TemplateResponse(request, "admin/articles/article/calendar.html", context)
