from django.contrib import admin
from django.urls import include, path

from articles.admin import throttled_login
from newsarchive.health import healthz

admin.site.site_header = "报纸档案管理"
admin.site.site_title = "报纸档案"
admin.site.index_title = "管理"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The admin login, throttled after repeated failures (articles/editing/throttle.py); before admin.site.urls.
    path("admin/login/", throttled_login, name="throttled_login"),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]

# Chinese error pages, JSON under /api/ (newsarchive/errors.py); used when DEBUG is off.
handler400 = "newsarchive.errors.bad_request"
handler403 = "newsarchive.errors.permission_denied"
handler404 = "newsarchive.errors.page_not_found"
handler500 = "newsarchive.errors.server_error"
