"""The Django admin for the archive's records."""
from django.contrib import admin

from articles.models import Article, District, Issue, Leader, Mention, Paper


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("name", "city", "province", "slug")
    search_fields = ("name", "city", "province")


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ("name", "district", "slug")
    search_fields = ("name",)
    list_select_related = ("district",)


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ("__str__", "paper", "issue_date", "page", "encoding", "uploaded_by", "uploaded_at")
    list_filter = ("paper",)
    date_hierarchy = "issue_date"
    list_select_related = ("paper", "uploaded_by")
    readonly_fields = ("sha256", "encoding", "original_filename", "uploaded_at", "processed_at", "uploaded_by")
    exclude = ("raw_bytes", "text")


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    autocomplete_fields = ("leader",)
    exclude = ("issue_date",)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("display_title", "paper", "issue_date", "position", "district", "event_date")
    list_filter = ("paper", "district")
    date_hierarchy = "issue_date"
    search_fields = ("title",)
    list_select_related = ("paper", "district")
    raw_id_fields = ("issue",)
    exclude = ("search_text", "search_vector", "content_hash", "paper", "issue_date")
    inlines = [MentionInline]


@admin.register(Leader)
class LeaderAdmin(admin.ModelAdmin):
    list_display = ("name", "district")
    list_filter = ("district",)
    search_fields = ("name",)
    list_select_related = ("district",)
