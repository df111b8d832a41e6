"""Create the "编辑" (editors) group: upload, review, publish and correct; no purge, no deletes.

Administrators are superusers and need no group. Permissions are normally created after all
migrations ran, so they are created here first for a fresh database.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "编辑"
EDITOR_PERMISSIONS = [
    "view_district", "view_paper", "view_issue", "view_article", "view_leader", "view_mention",
    "view_event", "view_structurecorrection", "view_leaderalias",
    # Upload, review, publish and discard.
    "view_pendingupload", "add_pendingupload", "change_pendingupload", "view_uploadfile",
    # Correct articles (edit, split, merge) and curate leaders.
    "change_article", "change_leader",
]


def create_group(apps, schema_editor) -> None:  # noqa: ANN001
    articles = apps.get_app_config("articles")
    articles.models_module = True
    create_permissions(articles, apps=apps, verbosity=0)
    articles.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="articles", codename__in=EDITOR_PERMISSIONS)
    )


def delete_group(apps, schema_editor) -> None:  # noqa: ANN001
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_admin_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
