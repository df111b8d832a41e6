from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """The archive: papers, issues, their articles and the leaders they name."""

    name = "articles"
    verbose_name = "报纸档案"
    default_auto_field = "django.db.models.BigAutoField"
