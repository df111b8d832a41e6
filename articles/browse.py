"""Read side for browsing pages: the queries behind home, district, paper, issue, article and leader pages.

Every function returns a bounded result: pages must stay fast at a million articles, so lists
have limits and aggregates run over an index range (one leader, one month, one district). Whole-
archive and per-leader figures (articles per district, a leader's mentions, titles and months,
leaders per month) are never computed on a page: they are summary rows that database triggers
keep exact on every write (District.article_count, Leader.mention_count/first_seen/last_seen/
current_titles, LeaderMonth, LeaderTitle; see migration 0005).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connections
from django.db.models import Count, Prefetch, QuerySet, Subquery

from articles.models import Article, District, Issue, Leader, LeaderMonth, LeaderTitle, Mention, Paper
from newsarchive.read_replicas import read_alias

# Co-mentions look at this many of a leader's newest mentions.
RECENT_MENTIONS = 300
# Related articles compare, per leader of the article, this many mentions on each side of its date
# (within RELATED_WINDOW_DAYS), so a leader named in 100,000 articles costs two short index walks.
RELATED_NEAREST = 100
RELATED_WINDOW_DAYS = 366


@dataclass(frozen=True)
class Page:
    """One page of a list that is never counted in full: it only knows whether more follow."""

    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


# Far beyond any list the archive holds, and small enough that its OFFSET fits PostgreSQL's bigint.
MAX_PAGE_NUMBER = 1_000_000


def page_of(queryset: QuerySet, *, number: int, per_page: int) -> Page:
    """Slice ``queryset`` to page ``number`` without a COUNT(*): fetch one extra row to know if more follow.

    Page numbers above ``MAX_PAGE_NUMBER`` are read as that page (an empty one).
    """
    number = min(max(1, number), MAX_PAGE_NUMBER)
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return Page(items=rows[:per_page], number=number, has_next=len(rows) > per_page)


# Home ------------------------------------------------------------------------------------------


def newest_issues_per_paper() -> list[Issue]:
    """Return each paper's pages of its newest issue date, with ``paper`` set (name and slug only).

    One statement: per paper, the newest date from the (paper, issue_date, page) unique index,
    then that date's pages from the same index (a join on the date alone would read every
    paper's pages of that day).
    """
    issue, paper = Issue._meta.db_table, Paper._meta.db_table
    sql = (
        f"SELECT i.id, i.issue_date, i.page, p.id, p.name, p.slug FROM {paper} p CROSS JOIN LATERAL ("
        f"SELECT id, issue_date, page FROM {issue} WHERE paper_id = p.id "
        f"AND issue_date = (SELECT max(issue_date) FROM {issue} x WHERE x.paper_id = p.id)) i "
        "ORDER BY i.issue_date DESC, p.name, i.page"
    )
    papers: dict[int, Paper] = {}
    issues = []
    with connections[read_alias()].cursor() as cursor:
        cursor.execute(sql)
        for issue_id, day, page, paper_id, name, slug in cursor.fetchall():
            if paper_id not in papers:
                papers[paper_id] = Paper(pk=paper_id, name=name, slug=slug)
            issues.append(Issue(pk=issue_id, issue_date=day, page=page, paper=papers[paper_id]))
    return issues


def latest_month() -> date | None:
    """Return the first day of the newest month that has articles."""
    newest = Article.objects.order_by("-issue_date", "-id").values_list("issue_date", flat=True).first()
    return newest.replace(day=1) if newest else None


def top_leaders_of_month(month: date, *, limit: int = 10) -> list[Leader]:
    """Return the leaders mentioned in most articles in ``month``, each with ``mention_count`` that month.

    One walk of the (month, -mentions) index of the per-month summary rows, ties by name.
    """
    rows = (
        LeaderMonth.objects.filter(month=month).select_related("leader", "leader__district")
        .only("mentions", "leader__name", "leader__district__name", "leader__district__slug")
        .order_by("-mentions", "leader__name", "leader_id")[:limit]
    )
    result = []
    for row in rows:
        row.leader.mention_count = row.mentions
        result.append(row.leader)
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


LEADER_LIST_FIELDS = ("pk", "name", "district_id", "mention_count", "last_seen", "current_titles")


def district_leaders(district: District, *, limit: int) -> list[Leader]:
    """Return the district's leaders in the news, most recently mentioned first (index (district, -last_seen)).

    ``current_titles`` are the titles printed at the leader's latest mention, ``last_seen`` its day.
    """
    leaders = Leader.objects.filter(district=district, last_seen__isnull=False).only(*LEADER_LIST_FIELDS)
    return list(leaders.order_by("-last_seen", "name", "pk")[:limit])


def district_leaders_ranked(district: District, *, sort: str, page: int = 1, per_page: int = 100) -> Page:
    """Return one page of the district's leaders in the news, by ``"name"`` or ``"mentions"`` (``mention_count``)."""
    order = ("-mention_count", "name", "pk") if sort == "mentions" else ("name", "pk")
    leaders = Leader.objects.filter(district=district, mention_count__gt=0).only(*LEADER_LIST_FIELDS)
    return page_of(leaders.order_by(*order), number=page, per_page=per_page)


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

    Per leader, only the ``RELATED_NEAREST`` mentions just before and just after the article (within
    a year) are compared: two bounded walks of the (leader, -issue_date) index each, however many
    articles a busy leader has.
    """
    ranked_ids: list[int] = []
    if leader_ids:
        table = Mention._meta.db_table
        near = (
            f"(SELECT article_id, issue_date FROM {table} WHERE leader_id = l.id AND issue_date <= %(day)s "
            f"AND issue_date >= %(low)s ORDER BY issue_date DESC LIMIT %(k)s) UNION ALL "
            f"(SELECT article_id, issue_date FROM {table} WHERE leader_id = l.id AND issue_date > %(day)s "
            f"AND issue_date <= %(high)s ORDER BY issue_date LIMIT %(k)s)"
        )
        sql = (
            f"SELECT x.article_id FROM unnest(%(leaders)s::bigint[]) AS l(id) CROSS JOIN LATERAL ({near}) AS x "
            "WHERE x.article_id <> %(article)s GROUP BY x.article_id "
            "ORDER BY count(*) DESC, max(x.issue_date) DESC, x.article_id DESC LIMIT %(limit)s"
        )
        window = timedelta(days=RELATED_WINDOW_DAYS)
        with connections[read_alias()].cursor() as cursor:
            cursor.execute(sql, {
                "leaders": sorted(set(leader_ids)), "day": article.issue_date, "low": article.issue_date - window,
                "high": article.issue_date + window, "k": RELATED_NEAREST, "article": article.pk, "limit": limit,
            })
            ranked_ids = [row[0] for row in cursor.fetchall()]
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
    """Return the titles printed with the leader's name, oldest first (区委副书记 → 区委书记), from the summary rows."""
    rows = LeaderTitle.objects.filter(leader=leader).order_by("first_seen", "last_seen", "title")
    return [
        TitleSpan(title, first, last, n)
        for title, first, last, n in rows.values_list("title", "first_seen", "last_seen", "mentions")
    ]


def leader_mentions(leader: Leader, *, page: int, per_page: int = 20) -> Page:
    """Return one page of the leader's mentions, newest first, with their articles."""
    mentions = leader.mentions.select_related("article", "article__paper", "article__issue", "article__district").only(
        "pk", "titles", "issue_date", "article_id", "leader_id", *(f"article__{f}" for f in CARD_FIELDS)
    ).order_by("-issue_date", "-article_id")
    return page_of(mentions, number=page, per_page=per_page)


def leader_months(leader: Leader) -> dict[date, int]:
    """Return {first of month: articles naming the leader}, from the per-month summary rows."""
    return dict(LeaderMonth.objects.filter(leader=leader).order_by("month").values_list("month", "mentions"))


def co_mentioned_leaders(leader: Leader, *, limit: int = 10) -> list[Leader]:
    """Return the leaders named most often in the same articles, over the leader's newest mentions."""
    recent = Mention.objects.filter(leader=leader).order_by("-issue_date").values("article_id")[:RECENT_MENTIONS]
    rows = (
        Mention.objects.filter(article_id__in=Subquery(recent)).exclude(leader=leader)
        .values("leader").annotate(n=Count("*")).order_by("-n", "leader")[:limit]
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
