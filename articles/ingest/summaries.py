"""Browsing summary rows (kept by database triggers) recomputed from scratch."""
from __future__ import annotations

from django.db import transaction

# Summary rows behind the browsing pages (District.article_count; Leader.mention_count, first_seen,
# last_seen, current_titles; LeaderMonth; LeaderTitle) are kept by database triggers on Article and
# Mention (migration 0005), so every path above keeps them exact without code here. This rebuilds
# them from scratch, for data loaded with those triggers disabled.
BROWSE_SUMMARY_REFRESH = (
    "LOCK TABLE articles_article, articles_mention IN SHARE MODE",
    "UPDATE articles_district d SET article_count = (SELECT count(*) FROM articles_article a WHERE a.district_id = d.id)",
    "UPDATE articles_leader SET mention_count = 0, first_seen = NULL, last_seen = NULL, current_titles = '{}'",
    "UPDATE articles_leader l SET mention_count = s.n, first_seen = s.first_seen, last_seen = s.last_seen, "
    "current_titles = s.titles FROM (SELECT c.leader_id, c.n, c.first_seen, c.last_seen, t.titles FROM "
    "(SELECT leader_id, count(*) AS n, min(issue_date) AS first_seen, max(issue_date) AS last_seen "
    "FROM articles_mention GROUP BY leader_id) c JOIN (SELECT DISTINCT ON (leader_id) leader_id, titles "
    "FROM articles_mention ORDER BY leader_id, issue_date DESC, article_id DESC) t USING (leader_id)) s "
    "WHERE l.id = s.leader_id",
    "DELETE FROM articles_leadermonth",
    "INSERT INTO articles_leadermonth (leader_id, month, mentions) "
    "SELECT leader_id, date_trunc('month', issue_date)::date, count(*) FROM articles_mention GROUP BY 1, 2",
    "DELETE FROM articles_leadertitle",
    "INSERT INTO articles_leadertitle (leader_id, title, mentions, first_seen, last_seen) "
    "SELECT m.leader_id, t.title, count(*), min(m.issue_date), max(m.issue_date) FROM articles_mention m "
    "CROSS JOIN LATERAL (SELECT DISTINCT unnest(m.titles)) AS t(title) GROUP BY 1, 2",
)


def refresh_browse_summaries() -> None:
    """Recompute every browsing summary row from Article and Mention (one transaction, writers wait)."""
    from django.db import connection

    with transaction.atomic(), connection.cursor() as cursor:
        for sql in BROWSE_SUMMARY_REFRESH:
            cursor.execute(sql)
