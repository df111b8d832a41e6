"""Read side for browsing pages: the queries behind home, district, paper, issue, article and leader pages.

Every function returns a bounded result: pages must stay fast at a million articles, so lists
have limits, aggregates run over an index range (one leader, one month, one district), and the
few whole-archive figures (articles per district) come from a short-lived cache.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth

from articles.models import Article, District, Issue, Leader, Mention, Paper

# Whole-archive aggregates are recomputed at most this often (seconds).
AGGREGATE_TTL = 600
# Related articles and co-mentions look at this many of a leader's newest mentions.
RECENT_MENTIONS = 300


@dataclass(frozen=True)
class Page:
    """One page of a list that is never counted in full: it only knows whether more follow."""

    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def page_of(queryset: QuerySet, *, number: int, per_page: int) -> Page:
    """Slice ``queryset`` to page ``number`` without a COUNT(*): fetch one extra row to know if more follow."""
    number = max(1, number)
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return Page(items=rows[:per_page], number=number, has_next=len(rows) > per_page)


# Home ------------------------------------------------------------------------------------------


def newest_issues_per_paper() -> list[Issue]:
    """Return each paper's pages of its newest issue date (one index lookup per paper, then one fetch)."""
    latest = Issue.objects.filter(paper=OuterRef("pk")).order_by("-issue_date").values("issue_date")[:1]
    papers = Paper.objects.annotate(latest=Subquery(latest)).filter(latest__isnull=False).values_list("pk", "latest")
    match = Q(pk__in=[])
    for paper_id, day in papers:
        match |= Q(paper_id=paper_id, issue_date=day)
    return list(
        Issue.objects.filter(match).select_related("paper").only(
            "pk", "issue_date", "page", "paper__name", "paper__slug"
        ).order_by("-issue_date", "paper__name", "page")
    )


def district_article_counts() -> dict[int, int]:
    """Return {district id: articles about it}, cached: an exact count per view would scan the archive."""
    def compute() -> dict[int, int]:
        rows = Article.objects.filter(district__isnull=False).values("district").annotate(n=Count("pk"))
        return {row["district"]: row["n"] for row in rows.order_by()}
    return cache.get_or_set("browse:district_article_counts", compute, AGGREGATE_TTL)


def districts_with_counts() -> list[District]:
    """Return every district with ``article_count`` set from the cached figures."""
    counts = district_article_counts()
    districts = list(District.objects.only("pk", "name", "slug"))
    for district in districts:
        district.article_count = counts.get(district.pk, 0)
    return districts


def latest_month() -> date | None:
    """Return the first day of the newest month that has articles."""
    newest = Article.objects.order_by("-issue_date", "-id").values_list("issue_date", flat=True).first()
    return newest.replace(day=1) if newest else None


def top_leaders_of_month(month: date, *, limit: int = 10) -> list[Leader]:
    """Return the leaders mentioned in most articles in ``month``, each with ``mention_count``."""
    def compute() -> dict[int, int]:
        # Through the article's date index: the month's articles, then their mentions.
        ranked = (
            Mention.objects.filter(article__issue_date__gte=month, article__issue_date__lt=next_month(month))
            .values("leader").annotate(n=Count("pk")).order_by("-n", "leader")[:limit]
        )
        return {row["leader"]: row["n"] for row in ranked}
    counts = cache.get_or_set(f"browse:top_leaders:{month:%Y-%m}:{limit}", compute, AGGREGATE_TTL)
    leaders = Leader.objects.filter(pk__in=counts).select_related("district").only(
        "pk", "name", "district__name", "district__slug"
    )
    result = sorted(leaders, key=lambda leader: (-counts[leader.pk], leader.name))
    for leader in result:
        leader.mention_count = counts[leader.pk]
    return result


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


# District --------------------------------------------------------------------------------------


def recent_articles(queryset: QuerySet[Article], *, limit: int) -> list[Article]:
    """Return the newest ``limit`` articles of ``queryset`` with what an article card shows."""
    return list(
        queryset.select_related("paper", "issue", "district").only(*CARD_FIELDS).order_by("-issue_date", "-id")[:limit]
    )


CARD_FIELDS = (
    "id", "title", "derived_title", "byline", "issue_date", "position",
    "paper__name", "paper__slug", "issue__page", "district__name", "district__slug",
)


def district_leaders(district: District, *, limit: int | None = None) -> QuerySet[Leader]:
    """Return the district's leaders, most recently mentioned first, with ``current_titles`` and ``last_seen``.

    The current title is the one printed at the leader's latest mention (index (leader, -issue_date)).
    """
    latest = Mention.objects.filter(leader=OuterRef("pk")).order_by("-issue_date")
    leaders = (
        Leader.objects.filter(district=district)
        .annotate(current_titles=Subquery(latest.values("titles")[:1]), last_seen=Subquery(latest.values("issue_date")[:1]))
        .filter(last_seen__isnull=False)
        .order_by("-last_seen", "name")
    )
    return leaders[:limit] if limit else leaders


def district_leaders_ranked(district: District, *, sort: str) -> list[Leader]:
    """Return all the district's leaders with ``mention_count``, sorted by ``"name"`` or ``"mentions"``.

    Counting every leader's mentions is a scan over the district's share of the archive, so the
    counts are cached like the district totals.
    """
    def compute() -> dict[int, int]:
        rows = Mention.objects.filter(leader__district=district).values("leader").annotate(n=Count("pk")).order_by()
        return {row["leader"]: row["n"] for row in rows}
    counts = cache.get_or_set(f"browse:district_leader_counts:{district.pk}", compute, AGGREGATE_TTL)
    leaders = list(district_leaders(district))
    for leader in leaders:
        leader.mention_count = counts.get(leader.pk, 0)
    if sort == "mentions":
        leaders.sort(key=lambda leader: (-leader.mention_count, leader.name))
    else:
        leaders.sort(key=lambda leader: leader.name)
    return leaders


# Issue and article -----------------------------------------------------------------------------


def issue_with_articles(pk: int) -> Issue:
    """Return the issue with its paper and its articles in printed order."""
    articles = Article.objects.select_related("district").only(
        "pk", "issue_id", "position", "title", "derived_title", "subtitle", "byline", "district__name", "district__slug"
    ).order_by("position")
    return Issue.objects.select_related("paper", "paper__district").defer("raw_bytes", "text").prefetch_related(
        Prefetch("articles", queryset=articles)
    ).get(pk=pk)


def sibling_pages(issue: Issue) -> list[Issue]:
    """Return every page the same paper printed on the same day, in page order."""
    return list(
        Issue.objects.filter(paper_id=issue.paper_id, issue_date=issue.issue_date).only("pk", "page").order_by("page")
    )


def article_detail(pk: int) -> Article:
    """Return the article with its issue, paper, district and leader mentions (in printed order)."""
    mentions = Mention.objects.select_related("leader").order_by("position")
    return Article.objects.select_related("issue", "paper", "district").defer(
        "issue__raw_bytes", "issue__text", "search_text", "search_vector"
    ).prefetch_related(Prefetch("mentions", queryset=mentions)).get(pk=pk)


def previous_and_next(article: Article) -> tuple[Article | None, Article | None]:
    """Return the articles printed just before and after ``article`` on its page."""
    siblings = list(
        Article.objects.filter(issue_id=article.issue_id).only("pk", "position", "title", "derived_title").order_by("position")
    )
    index = next(i for i, a in enumerate(siblings) if a.pk == article.pk)
    before = siblings[index - 1] if index > 0 else None
    after = siblings[index + 1] if index + 1 < len(siblings) else None
    return before, after


def related_articles(article: Article, *, leader_ids: list[int], limit: int = 6) -> list[Article]:
    """Return articles sharing the most leaders with ``article``, then recent ones about the same district.

    Only mentions within a year of the article are compared, so a leader in thousands of
    articles costs one index range scan, not a scan of all their mentions.
    """
    ranked_ids: list[int] = []
    if leader_ids:
        window = (article.issue_date - timedelta(days=366), article.issue_date + timedelta(days=366))
        rows = (
            Mention.objects.filter(leader_id__in=leader_ids, issue_date__range=window).exclude(article_id=article.pk)
            .values("article_id").annotate(shared=Count("pk"), day=Max("issue_date"))
            .order_by("-shared", "-day", "-article_id")[:limit]
        )
        ranked_ids = [row["article_id"] for row in rows]
    if len(ranked_ids) < limit and article.district_id:
        nearby = Article.objects.filter(district_id=article.district_id, issue_date__lte=article.issue_date).exclude(
            pk__in=[article.pk, *ranked_ids]
        ).order_by("-issue_date", "-id").values_list("pk", flat=True)[: limit - len(ranked_ids)]
        ranked_ids += list(nearby)
    found = {a.pk: a for a in Article.objects.filter(pk__in=ranked_ids).select_related("paper", "issue", "district").only(*CARD_FIELDS)}
    return [found[pk] for pk in ranked_ids if pk in found]


# Leader ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TitleSpan:
    """A title a leader held, with the first and last day it was printed."""

    title: str
    first_seen: date
    last_seen: date
    mentions: int


def leader_titles(leader: Leader) -> list[TitleSpan]:
    """Return the titles printed with the leader's name, oldest first (区委副书记 → 区委书记).

    Raw SQL because each mention holds an array of titles: a LATERAL unnest turns it into rows.
    """
    table = Mention._meta.db_table
    sql = (
        f"SELECT t.title, MIN(m.issue_date), MAX(m.issue_date), COUNT(*) FROM {table} m "
        "CROSS JOIN LATERAL unnest(m.titles) AS t(title) WHERE m.leader_id = %s "
        "GROUP BY t.title ORDER BY 2, 3, 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [leader.pk])
        return [TitleSpan(title, first, last, n) for title, first, last, n in cursor.fetchall()]


def leader_mentions(leader: Leader, *, page: int, per_page: int = 20) -> Page:
    """Return one page of the leader's mentions, newest first, with their articles."""
    mentions = leader.mentions.select_related("article", "article__paper", "article__issue", "article__district").only(
        "pk", "titles", "issue_date", "article_id", "leader_id", *(f"article__{f}" for f in CARD_FIELDS)
    ).order_by("-issue_date", "-article_id")
    return page_of(mentions, number=page, per_page=per_page)


def leader_months(leader: Leader) -> dict[date, int]:
    """Return {first of month: mentions} for the leader (a range scan of one leader's index entries)."""
    rows = Mention.objects.filter(leader=leader).annotate(month=TruncMonth("issue_date")).values("month").annotate(
        n=Count("pk")
    ).order_by("month")
    return {row["month"]: row["n"] for row in rows}


def co_mentioned_leaders(leader: Leader, *, limit: int = 10) -> list[Leader]:
    """Return the leaders named most often in the same articles, over the leader's newest mentions."""
    recent = Mention.objects.filter(leader=leader).order_by("-issue_date").values("article_id")[:RECENT_MENTIONS]
    rows = (
        Mention.objects.filter(article_id__in=Subquery(recent)).exclude(leader=leader)
        .values("leader").annotate(n=Count("pk")).order_by("-n", "leader")[:limit]
    )
    counts = {row["leader"]: row["n"] for row in rows}
    leaders = sorted(Leader.objects.filter(pk__in=counts).select_related("district"), key=lambda x: (-counts[x.pk], x.name))
    for other in leaders:
        other.together = counts[other.pk]
    return leaders


# Calendar --------------------------------------------------------------------------------------


def issue_days(*, paper: Paper | None = None, start: date, end: date) -> set[date]:
    """Return the days in [start, end) on which ``paper`` (or any paper) printed an issue."""
    issues = Issue.objects.filter(issue_date__gte=start, issue_date__lt=end)
    if paper is not None:
        issues = issues.filter(paper=paper)
    return set(issues.order_by().values_list("issue_date", flat=True).distinct())


def article_days(district: District, *, start: date, end: date) -> set[date]:
    """Return the days in [start, end) with articles about ``district`` (from any district's paper)."""
    articles = Article.objects.filter(district=district, issue_date__gte=start, issue_date__lt=end)
    return set(articles.order_by().values_list("issue_date", flat=True).distinct())


def paper_span(paper: Paper) -> tuple[date, date] | None:
    """Return the dates of the paper's oldest and newest issues (two index lookups, no scan)."""
    return _span(Issue.objects.filter(paper=paper))


def district_span(district: District) -> tuple[date, date] | None:
    """Return the dates of the oldest and newest articles about the district."""
    return _span(Article.objects.filter(district=district))


def span_years(span: tuple[date, date] | None) -> list[int]:
    """Return the years a span covers, newest first."""
    return list(range(span[1].year, span[0].year - 1, -1)) if span else []


def _span(queryset: QuerySet) -> tuple[date, date] | None:
    first = queryset.order_by("issue_date").values_list("issue_date", flat=True).first()
    last = queryset.order_by("-issue_date").values_list("issue_date", flat=True).first()
    return (first, last) if first else None


def day_issues(day: date, *, paper: Paper | None = None) -> list[Issue]:
    """Return the pages printed on ``day`` (by ``paper`` or by every paper) with their articles."""
    articles = Article.objects.only("pk", "issue_id", "position", "title", "derived_title").order_by("position")
    issues = Issue.objects.filter(issue_date=day).select_related("paper").only(
        "pk", "issue_date", "page", "paper__name", "paper__slug"
    ).prefetch_related(Prefetch("articles", queryset=articles)).order_by("paper__name", "page")
    if paper is not None:
        issues = issues.filter(paper=paper)
    return list(issues)


def district_day_articles(district: District, day: date) -> list[Article]:
    """Return the articles about ``district`` printed on ``day``, by paper and page order."""
    return list(
        Article.objects.filter(district=district, issue_date=day).select_related("paper", "issue", "district")
        .only(*CARD_FIELDS).order_by("paper__name", "issue__page", "position")
    )


def neighbour_days(day: date, *, paper: Paper | None = None, district: District | None = None) -> tuple[date | None, date | None]:
    """Return the nearest earlier and later days that have issues (or articles about ``district``)."""
    if district is not None:
        rows = Article.objects.filter(district=district)
    else:
        rows = Issue.objects.filter(paper=paper) if paper is not None else Issue.objects.all()
    before = rows.filter(issue_date__lt=day).order_by("-issue_date").values_list("issue_date", flat=True).first()
    after = rows.filter(issue_date__gt=day).order_by("issue_date").values_list("issue_date", flat=True).first()
    return before, after


# Feeds -----------------------------------------------------------------------------------------


def feed_articles(*, district: District | None = None, paper: Paper | None = None, limit: int = 30) -> list[Article]:
    """Return the newest articles about a district or printed by a paper, with their bodies for summaries."""
    articles = Article.objects.filter(district=district) if district is not None else Article.objects.filter(paper=paper)
    return list(articles.select_related("paper", "issue").defer("search_text", "search_vector", "issue__raw_bytes", "issue__text").order_by("-issue_date", "-id")[:limit])


def leader_feed_articles(leader: Leader, *, limit: int = 30) -> list[Article]:
    """Return the newest articles naming ``leader``."""
    ids = leader.mentions.order_by("-issue_date", "-article_id").values_list("article_id", flat=True)[:limit]
    found = Article.objects.filter(pk__in=list(ids)).select_related("paper", "issue").defer(
        "search_text", "search_vector", "issue__raw_bytes", "issue__text"
    )
    return sorted(found, key=lambda a: (a.issue_date, a.pk), reverse=True)
