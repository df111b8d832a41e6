from django.urls import path, register_converter

from articles import feeds
from articles.feeds_search import SearchFeed
from articles.views import api, browse, indexes
from articles.views import search as search_views


class _FixedDigits:
    """Dates in URLs always have fixed-width parts (/2025/04/09/), so every day has one address."""

    width = 2

    @property
    def regex(self) -> str:
        return rf"[0-9]{{{self.width}}}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):0{self.width}d}"


class _Year(_FixedDigits):
    """Four digits, from 1001 to 9998 only, so that every calendar page's neighbours (year ± 1,
    month ± 1) are dates Python can hold; any other year is an address that does not exist."""

    width = 4
    first, last = 1001, 9998

    def to_python(self, value: str) -> int:
        year = int(value)
        if not self.first <= year <= self.last:
            raise ValueError(f"year {year} out of range")  # the URL resolver answers 404
        return year


class _Name:
    """A paper or district slug: anything but "/" and control characters (NUL cannot reach PostgreSQL)."""

    regex = r"[^/\x00-\x1f\x7f]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(_Year, "yyyy")
register_converter(_Name, "name")
register_converter(_FixedDigits, "mm")
register_converter(_FixedDigits, "dd")

app_name = "articles"

urlpatterns = [
    path("", browse.home, name="home"),
    # The index pages of the top navigation: papers, districts, dates, leaders (/leaders/?q=缪)
    path("paper/", indexes.paper_index, name="paper_index"),
    path("district/", indexes.district_index, name="district_index"),
    path("date/", indexes.date_index, name="date_index"),
    path("leaders/", indexes.leader_index, name="leader_index"),
    # example: /issue/12/
    path("issue/<int:pk>/", browse.issue_detail, name="issue_detail"),
    # example: /issue/12/raw/  (the stored source text as a page) and /issue/12/raw.txt (plain text)
    path("issue/<int:pk>/raw/", browse.issue_raw, name="issue_raw"),
    path("issue/<int:pk>/raw.txt", browse.issue_raw_text, name="issue_raw_text"),
    # example: /article/345/
    path("article/<int:pk>/", browse.article_detail, name="article_detail"),
    # example: /district/崇明区/
    path("district/<name:slug>/", browse.district_detail, name="district_detail"),
    # example: /paper/崇明报/
    path("paper/<name:slug>/", browse.paper_detail, name="paper_detail"),
    # example: /leader/7/
    path("leader/<int:pk>/", browse.leader_detail, name="leader_detail"),
    # Browsing by date and calendar, e.g. /date/2025/04/19/, /paper/崇明报/2025/04/, /district/崇明区/2025/
    path("date/<yyyy:year>/<mm:month>/", browse.date_month, name="date_month"),
    path("date/<yyyy:year>/<mm:month>/<dd:day>/", browse.date_day, name="date_day"),
    path("paper/<name:slug>/<yyyy:year>/", browse.paper_year, name="paper_year"),
    path("paper/<name:slug>/<yyyy:year>/<mm:month>/", browse.paper_month, name="paper_month"),
    path("paper/<name:slug>/<yyyy:year>/<mm:month>/<dd:day>/", browse.paper_day, name="paper_day"),
    path("district/<name:slug>/<yyyy:year>/", browse.district_year, name="district_year"),
    path("district/<name:slug>/<yyyy:year>/<mm:month>/", browse.district_month, name="district_month"),
    path("district/<name:slug>/<yyyy:year>/<mm:month>/<dd:day>/", browse.district_day, name="district_day"),
    # example: /district/崇明区/leaders/?sort=mentions
    path("district/<name:slug>/leaders/", browse.district_leaders, name="district_leaders"),
    # Atom feeds
    path("district/<name:slug>/feed/", feeds.DistrictFeed(), name="district_feed"),
    path("paper/<name:slug>/feed/", feeds.PaperFeed(), name="paper_feed"),
    path("leader/<int:pk>/feed/", feeds.LeaderFeed(), name="leader_feed"),
    # Search: /search/?q=缪京&district=崇明区&from=2025-01-01&sort=newest (syntax on the page)
    path("search/", search_views.search_page, name="search"),
    path("search/chart.svg", search_views.search_chart, name="search_chart"),
    path("search/export.csv", search_views.export_csv, name="search_export_csv"),
    path("search/cite.txt", search_views.export_citations, name="search_cite"),
    path("search/feed/", SearchFeed(), name="search_feed"),
    path("opensearch.xml", search_views.opensearch, name="opensearch"),
    # JSON API: /api/search?q=…&district=&paper=&leader=&from=&to=&sort=&page= (&chart=month or year: exact
    # counts per period), /api/articles/345
    path("api/search", api.api_search, name="api_search"),
    path("api/articles/<int:pk>", api.api_article, name="api_article"),
]
