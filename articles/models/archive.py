"""The archive itself: districts, papers, issues (raw text kept forever), articles and leaders.

Everything below Issue is derived from ``Issue.raw_bytes`` by the text pipeline and can be
regenerated with ``manage.py reprocess``; hand corrections live in ``Article.corrections``.
"""
from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone


class DerivedFieldsKept(models.Model):
    """A model with columns the database maintains (triggers): saving an existing row never writes them,
    so a copy loaded before an ingest cannot put stale figures back."""

    derived_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        if not self._state.adding and self.pk is not None and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name not in self.derived_fields
            ]
        super().save(*args, **kwargs)


class District(DerivedFieldsKept):
    """A district, county or county-level city (崇明区, 佛坪县, 平湖市)."""

    derived_fields = ("article_count",)

    name = models.CharField("名称", max_length=50)
    city = models.CharField("所属市", max_length=50, blank=True)
    province = models.CharField("所属省", max_length=50, blank=True)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    # Articles about the district, kept exact by a database trigger on Article (see migration 0005).
    article_count = models.IntegerField("文章数", default=0, db_default=0, editable=False)

    class Meta:
        verbose_name = "区县"
        verbose_name_plural = "区县"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["province", "city", "name"], name="district_unique_place"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:district_detail", kwargs={"slug": self.slug})


class Paper(models.Model):
    """A newspaper (崇明报), published in one district."""

    name = models.CharField("报名", max_length=100, unique=True)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    district = models.ForeignKey(
        District, verbose_name="区县", null=True, blank=True, on_delete=models.PROTECT, related_name="papers"
    )

    class Meta:
        verbose_name = "报纸"
        verbose_name_plural = "报纸"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:paper_detail", kwargs={"slug": self.slug})


class Issue(models.Model):
    """One page of one paper on one day, with the file it came from kept byte for byte."""

    paper = models.ForeignKey(Paper, verbose_name="报纸", on_delete=models.PROTECT, related_name="issues")
    issue_date = models.DateField("出版日期")
    page = models.CharField("版次", max_length=20, blank=True, default="")
    original_filename = models.CharField("原始文件名", max_length=255)
    raw_bytes = models.BinaryField("原始文件")
    text = models.TextField("解码文本")
    encoding = models.CharField("编码", max_length=20)
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传者", null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)
    processed_at = models.DateTimeField("处理时间", default=timezone.now)

    class Meta:
        verbose_name = "版面"
        verbose_name_plural = "版面"
        ordering = ["-issue_date", "paper", "page"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "issue_date", "page"], name="issue_unique_page"),
        ]
        indexes = [models.Index(fields=["issue_date"], name="issue_date_idx")]

    def __str__(self) -> str:
        page = f" 第{self.page}版" if self.page else ""
        return f"{self.paper} {self.issue_date:%Y-%m-%d}{page}"

    def get_absolute_url(self) -> str:
        return reverse("articles:issue_detail", kwargs={"pk": self.pk})


class Leader(DerivedFieldsKept):
    """A person who holds office; two people may share a name, so the district tells them apart."""

    derived_fields = ("mention_count", "first_seen", "last_seen", "current_titles")

    name = models.CharField("姓名", max_length=20)
    district = models.ForeignKey(
        District, verbose_name="区县", null=True, blank=True, on_delete=models.PROTECT, related_name="leaders"
    )
    # Summary of the leader's mentions, kept exact by database triggers on Mention (migration 0005):
    # articles naming them, first and last issue date, and the titles printed at the latest mention.
    mention_count = models.IntegerField("见报篇数", default=0, db_default=0, editable=False)
    first_seen = models.DateField("首次见报", null=True, blank=True, editable=False)
    last_seen = models.DateField("最近见报", null=True, blank=True, editable=False)
    current_titles = ArrayField(models.CharField(max_length=100), verbose_name="最近职务", default=list,
                                db_default="{}", blank=True, editable=False)

    class Meta:
        verbose_name = "领导"
        verbose_name_plural = "领导"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "district"], name="leader_unique_name_district", nulls_distinct=False
            ),
        ]
        indexes = [models.Index(fields=["district", "-last_seen"], name="leader_district_seen_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:leader_detail", kwargs={"pk": self.pk})


class Article(models.Model):
    """One article of an issue, in printed order."""

    issue = models.ForeignKey(Issue, verbose_name="版面", on_delete=models.CASCADE, related_name="articles")
    # Copied from the issue so that filters and date ordering need no join at a million rows.
    paper = models.ForeignKey(Paper, verbose_name="报纸", on_delete=models.PROTECT, related_name="articles")
    issue_date = models.DateField("出版日期")
    position = models.PositiveSmallIntegerField("版面顺序")
    title = models.CharField("标题", max_length=300, blank=True, default="")
    subtitle = models.CharField("副标题", max_length=300, blank=True, default="")
    derived_title = models.CharField("推断标题", max_length=300, blank=True, default="")
    byline = models.CharField("作者", max_length=200, blank=True, default="")
    body = models.TextField("正文")
    event_date = models.DateField("事件日期", null=True, blank=True)
    dates = models.JSONField("提及日期", default=list, blank=True)
    district = models.ForeignKey(
        District, verbose_name="区县", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    continues_elsewhere = models.BooleanField("转下版", default=False)
    continued_from_elsewhere = models.BooleanField("接上版", default=False)
    warnings = models.JSONField("提示", default=list, blank=True)
    # SHA-256 of the body: an article whose text is unchanged keeps its id (its permalink).
    content_hash = models.CharField(max_length=64, db_index=True)
    # Hand corrections {field: value}; reprocess applies them again over the pipeline's output.
    corrections = models.JSONField("人工更正", default=dict, blank=True)
    # Search fields, filled by ingest from the cleaned text (see articles/search.py).
    search_text = models.TextField(blank=True, default="")
    search_vector = SearchVectorField(null=True)
    leaders = models.ManyToManyField(Leader, through="Mention", related_name="articles")

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        ordering = ["-issue_date", "issue_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "position"],
                name="article_unique_position",
                deferrable=models.Deferrable.DEFERRED,
            ),
        ]
        indexes = [
            models.Index(fields=["-issue_date", "-id"], name="article_date_idx"),
            models.Index(fields=["district", "-issue_date"], name="article_district_date_idx"),
            models.Index(fields=["paper", "-issue_date"], name="article_paper_date_idx"),
            models.Index(fields=["event_date"], name="article_event_date_idx"),
            GinIndex(fields=["search_vector"], name="article_search_idx"),
        ]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("articles:article_detail", kwargs={"pk": self.pk})

    @property
    def display_title(self) -> str:
        """The printed title, else the derived one (shown as derived), else a placeholder."""
        return self.title or self.derived_title or "(无标题)"

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p.strip()]


class Mention(models.Model):
    """A leader named in an article, with the titles printed there (区委副书记, 区长)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="mentions")
    titles = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    # Copied from the article so a leader's page can list and chart mentions without a join.
    issue_date = models.DateField()

    class Meta:
        verbose_name = "领导出现"
        verbose_name_plural = "领导出现"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "leader"], name="mention_unique_leader"),
        ]
        # article_id included: a leader's newest mentions, related articles and co-mentions read
        # article ids by an index-only scan.
        indexes = [models.Index(fields=["leader", "-issue_date"], include=["article"], name="mention_leader_date_art_idx")]

    def __str__(self) -> str:
        return f"{'、'.join(self.titles)}{self.leader.name}"


class LeaderMonth(models.Model):
    """Articles naming a leader in one month: the leader's chart and the home page's ranking.

    Derived from Mention by database triggers (migration 0005); never written by Python code.
    """

    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="months")
    month = models.DateField()  # the first day of the month
    mentions = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["leader", "month"], name="leadermonth_unique")]
        indexes = [models.Index(fields=["month", "-mentions"], name="leadermonth_month_idx")]


class LeaderTitle(models.Model):
    """A title printed with a leader's name: in how many articles, first and last issue date.

    Derived from Mention by database triggers (migration 0005); never written by Python code.
    """

    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="title_spans")
    title = models.CharField(max_length=100)
    mentions = models.IntegerField(default=0)
    first_seen = models.DateField(null=True)
    last_seen = models.DateField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["leader", "title"], name="leadertitle_unique")]
