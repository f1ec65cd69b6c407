"""The editors' side as a Django app (its models are private to editors: review notes,
autosaves, who has a story open), and the admin app with the newsroom's admin site."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publishing")
    # This module holds two app configurations: "publishing" in INSTALLED_APPS means this one.
    default = True


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the news desk as its site. admin.site is this site, so
    the apps' @admin.register works as ever. (The module, not the class, is imported
    above: Django counts an app module's classes when it picks the default.)"""

    default = False
    # Outside the publishing.admin package, whose import registers the editors' admins
    # on this very site: the site must exist before they do.
    default_site = "publishing.admin_site.NewsroomAdminSite"
