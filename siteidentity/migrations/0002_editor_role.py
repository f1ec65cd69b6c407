"""Editors manage the site's identity and accessibility statements and read feedback."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# A copy of publishing.roles.IDENTITY as it was when this migration was written.
IDENTITY = [
    ("siteidentity", "add_siteidentity"),
    ("siteidentity", "change_siteidentity"),
    ("siteidentity", "view_siteidentity"),
    *[
        ("siteidentity", f"{action}_accessibilitystatement")
        for action in ("add", "change", "delete", "view")
    ],
    ("feedback", "view_feedbackmessage"),
    ("feedback", "change_feedbackmessage"),
    ("feedback", "delete_feedbackmessage"),
]


def give_editors(apps, schema_editor):
    # Permissions are normally created after all migrations ran (post_migrate).
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _created = Group.objects.get_or_create(name="Editor")
    editor.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in IDENTITY
        ]
    )


def take_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editor in Group.objects.filter(name="Editor"):
        editor.permissions.remove(
            *Permission.objects.filter(content_type__app_label__in=["siteidentity", "feedback"])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("siteidentity", "0001_initial"),
        ("feedback", "0001_initial"),
        ("articles", "0004_workflow"),
    ]

    operations = [migrations.RunPython(give_editors, take_back)]
