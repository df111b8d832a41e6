"""Plain factory functions with sensible defaults for tests (no factory_boy).

Articles get their search fields through the same code ingest uses.
"""
from __future__ import annotations

import hashlib
from datetime import date
from itertools import count

from articles.ingest import write_search_fields
from articles.models import Article, District, Issue, Leader, Mention, Paper

_seq = count(1)


def make_district(*, name: str = "西湖区", city: str = "杭州市", province: str = "浙江省", slug: str | None = None) -> District:
    return District.objects.create(name=name, city=city, province=province, slug=slug or name)


def make_paper(*, name: str = "西湖报", district: District | None = None, slug: str | None = None) -> Paper:
    return Paper.objects.create(name=name, slug=slug or name, district=district)


def make_issue(*, paper: Paper | None = None, issue_date: date = date(2024, 3, 5), page: str = "01",
               text: str = "本报讯 示例版面。") -> Issue:
    paper = paper or make_paper(name=f"测试报{next(_seq)}")
    data = f"{text}#{next(_seq)}".encode()
    return Issue.objects.create(
        paper=paper, issue_date=issue_date, page=page, original_filename="test.txt", raw_bytes=data,
        text=text, encoding="utf-8", sha256=hashlib.sha256(data).hexdigest(),
    )


def make_article(*, issue: Issue | None = None, title: str = "示例标题", body: str = "本报讯 示例正文。",
                 position: int | None = None, district: District | None = None, **fields) -> Article:
    issue = issue or make_issue()
    article = Article.objects.create(
        issue=issue, paper=issue.paper, issue_date=issue.issue_date,
        position=position if position is not None else issue.articles.count() + 1,
        title=title, body=body, district=district if district is not None else issue.paper.district,
        content_hash=hashlib.sha256(body.encode()).hexdigest(), **fields,
    )
    write_search_fields(article)
    return article


def make_leader(*, name: str = "张三", district: District | None = None) -> Leader:
    return Leader.objects.create(name=name, district=district)


def make_mention(*, article: Article, leader: Leader, titles: list[str] | None = None, position: int = 1) -> Mention:
    return Mention.objects.create(
        article=article, leader=leader, titles=titles or ["区长"], position=position, issue_date=article.issue_date
    )
