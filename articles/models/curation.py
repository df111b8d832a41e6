"""Editors' curation that outlives a re-parse: structural fixes, leader aliases, title fixes, assignments.

Each row is re-applied whenever an issue is parsed again (``ingest.sync``), so a correction
survives ``reprocess`` and a corrected file.
"""
from __future__ import annotations

from django.db import models
from django.utils import timezone

from articles.models.archive import Article, District, Issue, Leader


class StructureCorrection(models.Model):
    """A hand split or merge of articles, re-applied whenever the issue is parsed again.

    ``anchor`` is the text of the paragraph at the boundary: a split starts a new article at
    it; a merge joins the article that starts with it to the one before.
    """

    SPLIT, MERGE = "split", "merge"
    KINDS = [(SPLIT, "拆分"), (MERGE, "合并")]

    issue = models.ForeignKey(Issue, verbose_name="版面", on_delete=models.CASCADE, related_name="structure_corrections")
    kind = models.CharField("类型", max_length=10, choices=KINDS)
    anchor = models.TextField("分界段落")
    created_at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = "结构更正"
        verbose_name_plural = "结构更正"
        ordering = ["issue", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.anchor[:20]}"


class LeaderAlias(models.Model):
    """Another spelling of a leader's name (an OCR variant), so a merge survives ``reprocess``."""

    name = models.CharField("别名", max_length=20)
    district = models.ForeignKey(District, verbose_name="区县", null=True, blank=True, on_delete=models.CASCADE)
    leader = models.ForeignKey(Leader, verbose_name="领导", on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        verbose_name = "领导别名"
        verbose_name_plural = "领导别名"
        constraints = [
            models.UniqueConstraint(fields=["name", "district"], name="alias_unique_name_district", nulls_distinct=False),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.leader.name}"


class LeaderTitleFix(models.Model):
    """An editor's fix of a printed title (an OCR slip) for one leader, applied again on every parse."""

    leader = models.ForeignKey(Leader, verbose_name="领导", on_delete=models.CASCADE, related_name="title_fixes")
    printed = models.CharField("原职务", max_length=100)
    corrected = models.CharField("更正为", max_length=100)

    class Meta:
        verbose_name = "职务更正"
        verbose_name_plural = "职务更正"
        constraints = [models.UniqueConstraint(fields=["leader", "printed"], name="title_fix_unique_printed")]

    def __str__(self) -> str:
        return f"{self.leader.name}：{self.printed} → {self.corrected}"


class MentionAssignment(models.Model):
    """An editor's decision that a name in one article means this leader (two people share the name);
    kept so ``reprocess`` files that mention under the same person again."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mention_assignments")
    name = models.CharField("姓名", max_length=20)
    leader = models.ForeignKey(Leader, verbose_name="领导", on_delete=models.CASCADE, related_name="assignments")

    class Meta:
        verbose_name = "领导指认"
        verbose_name_plural = "领导指认"
        constraints = [models.UniqueConstraint(fields=["article", "name"], name="assignment_unique_name")]

    def __str__(self) -> str:
        return f"{self.name} @ {self.article_id} → {self.leader_id}"
