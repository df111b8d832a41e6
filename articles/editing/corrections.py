"""Hand corrections to stored articles and leaders: edit, split, merge, purge, curate leaders.

Each function is one editor action: it writes in one transaction and appends one event.
Field edits are kept in ``Article.corrections`` and splits/merges as ``StructureCorrection``
rows, so ``reprocess`` applies them again instead of overwriting them (see
``ingest.sync_articles`` and ``articles/ingest/structure.py``).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F

from articles.editing.events import record_event
from articles.ingest import CORRECTABLE_FIELDS, purge_issue, sha256_of, write_search_fields
from articles.models import (
    Article, District, Issue, Leader, LeaderAlias, LeaderTitleFix, Mention, MentionAssignment, StructureCorrection,
)
from articles.ingest.structure import join_paragraphs, paragraphs_of

NOTHING_TO_SPLIT = "只能在第 2 段到最后一段之间拆分。"
NO_NEXT_ARTICLE = "这是本版最后一篇文章，没有可合并的下一篇。"
SAME_LEADER = "不能把一位领导合并到自己。"
LEADER_EXISTS = "该区县已有同名领导记录，请改用“合并”。"
# Form field names of the correctable fields (``district`` is stored as ``district_id``).
EDITABLE = ("title", "subtitle", "byline", "event_date", "district")


class CorrectionError(Exception):
    """An edit that cannot be made; the message says why, for an editor."""


def _stored_value(name: str, value: Any) -> Any:
    """Return a correction as JSON stores it: dates as ISO text, districts as ids."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, District):
        return value.pk
    return value


@transaction.atomic
def edit_article(article: Article, *, user: Any, changes: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Change the given correctable fields, remember them as hand corrections, and log the edit.

    ``changes`` maps field names (``district`` or ``district_id`` both accepted) to new values.
    Returns {field: (old, new)} for the fields that really changed.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    changed: dict[str, tuple[Any, Any]] = {}
    for name, value in changes.items():
        name = "district_id" if name == "district" else name
        if name not in CORRECTABLE_FIELDS:
            raise CorrectionError(f"字段 {name} 不可更正。")
        new = _stored_value(name, value)
        old = _stored_value(name, getattr(article, name))
        if new == old:
            continue
        changed[name] = (old, new)
        article.corrections = {**article.corrections, name: new}
        setattr(article, name, value.pk if isinstance(value, District) else value)
    if not changed:
        return changed
    article.save()
    write_search_fields(article)
    record_event(action="edit", user=user, obj=article, details={
        "issue_id": article.issue_id, "changes": {k: {"old": o, "new": n} for k, (o, n) in changed.items()},
    })
    return changed


@transaction.atomic
def split_article(article: Article, *, at_paragraph: int, user: Any, title: str = "") -> Article:
    """Split an article before paragraph ``at_paragraph`` (1-based, 2 or more); return the new second part."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    paragraphs = paragraphs_of(article.body)
    if not 2 <= at_paragraph <= len(paragraphs):
        raise CorrectionError(NOTHING_TO_SPLIT)
    first_body = join_paragraphs(paragraphs[: at_paragraph - 1])
    second_body = join_paragraphs(paragraphs[at_paragraph - 1:])
    article.issue.articles.filter(position__gt=article.position).update(position=F("position") + 1)
    second = Article.objects.create(
        issue=article.issue, paper=article.paper, issue_date=article.issue_date, position=article.position + 1,
        title=title[:300], body=second_body, event_date=article.event_date, dates=article.dates,
        district=article.district, continues_elsewhere=article.continues_elsewhere,
        warnings=["人工拆分"], content_hash=sha256_of(second_body.encode("utf-8")),
        corrections={"title": title[:300]} if title else {},
    )
    _share_mentions(article, second, first_body=first_body)
    article.body, article.continues_elsewhere = first_body, False
    article.content_hash = sha256_of(first_body.encode("utf-8"))
    article.save()
    for part in (article, second):
        write_search_fields(part)
    StructureCorrection.objects.create(issue=article.issue, kind=StructureCorrection.SPLIT, anchor=paragraphs[at_paragraph - 1])
    record_event(action="split", user=user, obj=article, details={
        "issue_id": article.issue_id, "new_article_id": second.pk, "at_paragraph": at_paragraph,
    })
    return second


def _share_mentions(first: Article, second: Article, *, first_body: str) -> None:
    """After a split, give each part the leaders named in its own text."""
    for mention in list(first.mentions.select_related("leader")):
        if mention.leader.name in second.body:
            Mention.objects.create(article=second, leader=mention.leader, titles=mention.titles,
                                   position=mention.position, issue_date=second.issue_date)
            if mention.leader.name not in first_body:
                mention.delete()


@transaction.atomic
def merge_with_next(article: Article, *, user: Any) -> Article:
    """Join the next article of the same issue onto this one; the next one's page goes away."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    following = article.issue.articles.filter(position__gt=article.position).order_by("position").first()
    if following is None:
        raise CorrectionError(NO_NEXT_ARTICLE)
    anchor = paragraphs_of(following.body)[0] if paragraphs_of(following.body) else following.body
    article.body = join_paragraphs(paragraphs_of(article.body) + paragraphs_of(following.body))
    article.content_hash = sha256_of(article.body.encode("utf-8"))
    article.continues_elsewhere = following.continues_elsewhere
    for mention in following.mentions.all():
        if not article.mentions.filter(leader_id=mention.leader_id).exists():
            mention.article = article
            mention.save(update_fields=["article"])
    described = f"{following.display_title} (#{following.pk})"
    following.delete()
    article.save()
    write_search_fields(article)
    article.issue.articles.filter(position__gt=article.position).update(position=F("position") - 1)
    StructureCorrection.objects.create(issue=article.issue, kind=StructureCorrection.MERGE, anchor=anchor)
    record_event(action="merge", user=user, obj=article, details={
        "issue_id": article.issue_id, "merged_article": described,
    })
    return article


def purge_issue_logged(issue: Issue, *, user: Any) -> None:
    """Delete an issue and everything derived from it, leaving a line in the log."""
    with transaction.atomic():
        record_event(action="purge", user=user, obj=issue, details={
            "paper": issue.paper.name, "issue_date": issue.issue_date.isoformat(), "page": issue.page,
            "sha256": issue.sha256, "articles": issue.articles.count(), "filename": issue.original_filename,
        })
        purge_issue(issue)


@transaction.atomic
def merge_leaders(keep: Leader, absorb: Leader, *, user: Any) -> Leader:
    """Make two records of one person one: move mentions, remember the other name as an alias."""
    if keep.pk == absorb.pk:
        raise CorrectionError(SAME_LEADER)
    moved = 0
    for mention in Mention.objects.select_for_update().filter(leader=absorb):
        twin = Mention.objects.filter(article_id=mention.article_id, leader=keep).first()
        if twin is None:
            mention.leader = keep
            mention.save(update_fields=["leader"])
            moved += 1
        else:
            twin.titles = twin.titles + [t for t in mention.titles if t not in twin.titles]
            twin.save(update_fields=["titles"])
            mention.delete()
    LeaderAlias.objects.filter(leader=absorb).update(leader=keep)
    MentionAssignment.objects.filter(leader=absorb).update(leader=keep)
    for fix in LeaderTitleFix.objects.filter(leader=absorb):
        LeaderTitleFix.objects.get_or_create(leader=keep, printed=fix.printed, defaults={"corrected": fix.corrected})
    if absorb.name != keep.name or absorb.district_id != keep.district_id:
        LeaderAlias.objects.update_or_create(name=absorb.name, district=absorb.district, defaults={"leader": keep})
    details = {"kept_id": keep.pk, "absorbed_id": absorb.pk, "absorbed_name": absorb.name, "mentions_moved": moved}
    absorb.delete()
    record_event(action="merge_leaders", user=user, obj=keep, details=details)
    return keep


@transaction.atomic
def separate_leader(leader: Leader, *, article_ids: list[int], district: District | None, user: Any) -> Leader:
    """Move the mentions in ``article_ids`` to another person of the same name, in ``district``."""
    if Leader.objects.filter(name=leader.name, district=district).exclude(pk=leader.pk).exists():
        other = Leader.objects.get(name=leader.name, district=district)
    elif district == leader.district:
        raise CorrectionError(LEADER_EXISTS)
    else:
        other = Leader.objects.create(name=leader.name, district=district)
    moved_articles = list(Mention.objects.filter(leader=leader, article_id__in=article_ids).values_list("article_id", flat=True))
    moved = Mention.objects.filter(leader=leader, article_id__in=moved_articles).update(leader=other)
    for article_id in moved_articles:  # remembered, so reprocess files these mentions under ``other`` again
        MentionAssignment.objects.update_or_create(article_id=article_id, name=leader.name, defaults={"leader": other})
    record_event(action="separate_leader", user=user, obj=leader, details={
        "new_leader_id": other.pk, "district": str(district or ""), "article_ids": list(article_ids), "moved": moved,
    })
    return other


@transaction.atomic
def edit_leader_title(leader: Leader, *, old: str, new: str, user: Any) -> int:
    """Replace one printed title of a leader (an OCR slip) in every mention; return mentions changed."""
    changed = 0
    for mention in Mention.objects.select_for_update().filter(leader=leader, titles__contains=[old]):
        mention.titles = list(dict.fromkeys(new if t == old else t for t in mention.titles))
        mention.save(update_fields=["titles"])
        changed += 1
    LeaderTitleFix.objects.update_or_create(leader=leader, printed=old, defaults={"corrected": new})
    record_event(action="edit_leader_title", user=user, obj=leader, details={"old": old, "new": new, "mentions": changed})
    return changed
