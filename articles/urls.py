from django.urls import path

from articles.views import browse

app_name = "articles"

urlpatterns = [
    path("", browse.home, name="home"),
    # example: /issue/12/
    path("issue/<int:pk>/", browse.issue_detail, name="issue_detail"),
    # example: /issue/12/raw/  (the stored source text)
    path("issue/<int:pk>/raw/", browse.issue_raw, name="issue_raw"),
    # example: /article/345/
    path("article/<int:pk>/", browse.article_detail, name="article_detail"),
    # example: /district/崇明区/
    path("district/<str:slug>/", browse.district_detail, name="district_detail"),
    # example: /paper/崇明报/
    path("paper/<str:slug>/", browse.paper_detail, name="paper_detail"),
    # example: /leader/7/
    path("leader/<int:pk>/", browse.leader_detail, name="leader_detail"),
]
