"""Leaders named in articles: which record (alias, district served) each mention points to."""
from __future__ import annotations

from collections.abc import Iterable

from articles.ingest.places import district_for
from articles.models import Article, District, Leader, LeaderTitleFix, Mention, MentionAssignment
from articles.text import ParsedArticle
from articles.text.jurisdiction import serving_district


def prune_leaders(leader_ids: Iterable[int]) -> None:
    """Delete leader records a re-parse left without mentions, unless an editor curated them."""
    Leader.objects.filter(
        pk__in=list(leader_ids), mentions__isnull=True, aliases__isnull=True, assignments__isnull=True,
        title_fixes__isnull=True,
    ).delete()


def _serving_district(article: Article, titles: list[str]) -> District | None:
    """The district an official serves in: a named one, the article's, or None above district level."""
    own = article.district.name if article.district else None
    name = serving_district(titles, article_district=own)
    if name is None:
        return None
    return article.district if name == own else district_for(name)


def _write_mentions(articles: list[Article], parsed: list[ParsedArticle]) -> int:
    """Replace the mentions of an issue's articles: one alias lookup and one leader lookup per issue."""
    Mention.objects.filter(article__in=[a.pk for a in articles]).delete()
    # The district comes from the printed titles (city and visiting officials are not the article's).
    serving = [[_serving_district(a, list(m.titles)) for m in p.leaders] for a, p in zip(articles, parsed)]
    wanted = {(m.name, d.pk if d else None) for p, ds in zip(parsed, serving) for m, d in zip(p.leaders, ds)}
    leaders = leaders_for(wanted)
    assigned = _assignments(articles)
    rows: list[Mention] = []
    for article, parsed_article, districts in zip(articles, parsed, serving):
        by_leader: dict[int, Mention] = {}
        for position, (mention, district) in enumerate(zip(parsed_article.leaders, districts), start=1):
            # An editor's decision wins: a name assigned in this article, else a merge (alias).
            leader = assigned.get((article.pk, mention.name)) or leaders[(mention.name, district.pk if district else None)]
            if leader.pk in by_leader:  # the same person twice: keep every title once
                by_leader[leader.pk].titles += [t for t in mention.titles if t not in by_leader[leader.pk].titles]
                continue
            by_leader[leader.pk] = Mention(article=article, leader=leader, titles=list(mention.titles),
                                           position=position, issue_date=article.issue_date)
        rows += by_leader.values()
    _fix_titles(rows)
    Mention.objects.bulk_create(rows)
    return len(rows)


def _assignments(articles: list[Article]) -> dict[tuple[int, str], Leader]:
    """{(article id, name): leader} for names an editor assigned to one of two namesakes."""
    found = MentionAssignment.objects.select_related("leader").filter(article__in=[a.pk for a in articles])
    return {(a.article_id, a.name): a.leader for a in found}


def _fix_titles(mentions: list[Mention]) -> None:
    """Apply editors' title fixes (OCR slips) to the printed titles of these mentions."""
    fixes: dict[int, dict[str, str]] = {}
    for fix in LeaderTitleFix.objects.filter(leader__in={m.leader_id for m in mentions}):
        fixes.setdefault(fix.leader_id, {})[fix.printed] = fix.corrected
    for mention in mentions:
        if mention.leader_id in fixes:
            table = fixes[mention.leader_id]
            mention.titles = list(dict.fromkeys(table.get(t, t) for t in mention.titles))


def leaders_for(pairs: set[tuple[str, int | None]]) -> dict[tuple[str, int | None], Leader]:
    """The leader each (name, district id) pair means, for many pairs at once: alias first, else the record."""
    if not pairs:
        return {}
    from articles.models import LeaderAlias

    names = {n for n, _ in pairs}
    out: dict[tuple[str, int | None], Leader] = {}
    for alias in LeaderAlias.objects.select_related("leader").filter(name__in=names):
        if (alias.name, alias.district_id) in pairs:
            out[(alias.name, alias.district_id)] = alias.leader
    missing = pairs - set(out)
    found = {(l.name, l.district_id): l for l in Leader.objects.filter(name__in={n for n, _ in missing})}
    for key in missing:
        if key not in found:
            found[key] = Leader.objects.get_or_create(name=key[0], district_id=key[1])[0]
        out[key] = found[key]
    return out
