from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "报纸档案管理"
admin.site.site_title = "报纸档案"
admin.site.index_title = "管理"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]
