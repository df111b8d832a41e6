"""Create the local development admin account if it is missing, and print its credentials."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "newsarchive-dev"


class Command(BaseCommand):
    help = "开发环境：确保本地管理员账号存在（only when DJANGO_DEBUG is on）"

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin is for development only (DJANGO_DEBUG=1).")
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None:
            user_model.objects.create_superuser(USERNAME, email="", password=PASSWORD)
            self.stdout.write(f"created local admin: {USERNAME} / {PASSWORD}")
        else:
            self.stdout.write(f"local admin: {USERNAME} / {PASSWORD} (unless you changed the password)")
