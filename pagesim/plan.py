"""Decide what goes on a page: which corpus articles, in which form, with what headline.

A page holds 3–6 ordinary articles and sometimes a continuation from another page, a
``■`` column (one article with sub-heads) and a 简讯 digest (several short items, each its
own article). Headline placement, credits, cuts and captions are drawn per article.
"""
from __future__ import annotations

import random

from pagesim.corpus import Record
from pagesim.headlines import plan_head
from pagesim.punctuation import restore_fullwidth
from pagesim.story import Story, cut_head, cut_tail, plan_credit, prepared_paragraphs, printed
from pagesim.style import PageStyle

# Generic ■ sub-head labels for a one-byline column (page furniture, not corpus text).
COLUMN_LABELS = ("聚焦重点", "狠抓落实", "关键词 发展", "关键词 民生", "一线观察", "现场直击",
                 "点评", "各方声音", "下一步", "延伸阅读", "数说成效", "基层声音")
CONTINUED_FROM = ("（上接第1版）", "(上接第1版)", "（上接1版）", "（上接第2版）")
CONTINUES_TO = ("下转►2版", "下转►3版", "下转第2版", "（下转第4版）", "下转►A2版")


def _head_and_placement(story: Story, style: PageStyle, rng: random.Random) -> None:
    r = story.record
    story.head = plan_head(printed(r.title, style), printed(r.kicker, style), printed(r.subtitle, style), rng)
    if story.head is None:
        story.tags.add("untitled_corpus")
        return
    story.placement = rng.choices(("before", "after", "end_block", "missing"), weights=(60, 10, 20, 7))[0]
    if story.placement == "missing":
        story.head = None
        story.tags.add("dropped_title")
    elif len(story.head.lines) == 1 and story.placement != "after" and rng.random() < 0.1:
        story.doubled = True


def _caption(story: Story, style: PageStyle, rng: random.Random) -> None:
    cap = story.record.caption
    if cap and rng.random() < 0.8:
        lines = [c.strip() for c in cap.split("\n") if c.strip()]
        story.caption = [c if style.ascii_punct else restore_fullwidth(c) for c in lines]
        story.caption_after = rng.random() < 0.5


def plan_article(record: Record, style: PageStyle, paper: str, rng: random.Random) -> Story:
    """Plan an ordinary article: headline placement, credit, caption."""
    paras, trailing = prepared_paragraphs(record, style, rng)
    story = Story(record, "article", [(p, "subhead" if p.startswith("■") and len(p) <= 20 else "body")
                                      for p in paras])
    _head_and_placement(story, style, rng)
    plan_credit(story, trailing, paper, rng)
    if story.credit.after and story.placement == "after":
        story.placement = "before"
    _caption(story, style, rng)
    return story


def cut_continues(story: Story, rng: random.Random, *, with_marker: bool) -> None:
    """Break the story off mid-sentence, with a 下转 marker or without one (seed 000)."""
    kept = cut_tail(story.paragraphs, rng)
    if kept is None or story.credit.trailing or story.credit.after:
        return
    story.paragraphs, story.continues = kept, True
    story.tags.add("continues" if with_marker else "broken_off")
    if with_marker:
        story.marker = rng.choice(CONTINUES_TO)
        story.marker_inline = rng.random() < 0.5


def plan_continued(record: Record, style: PageStyle, rng: random.Random) -> Story | None:
    """Plan the tail of an article whose start is on another page."""
    paras, _ = prepared_paragraphs(record, style, rng)
    kept = cut_head([(p, "body") for p in paras], rng)
    if kept is None:
        return None
    story = Story(record, "continued", kept, continued_from=rng.choice(CONTINUED_FROM))
    story.tags.add("continued_from")
    if rng.random() < 0.6:
        story.head = plan_head(printed(record.title, style), None, None, rng)
        story.placement = "before" if story.head else "missing"
    return story


def plan_column(record: Record, style: PageStyle, paper: str, rng: random.Random) -> Story | None:
    """Plan a one-byline column whose parts sit under ■ sub-heads (one article)."""
    paras, trailing = prepared_paragraphs(record, style, rng)
    if len(paras) < 3 or not record.title:
        return None
    story = Story(record, "column", [(p, "body") for p in paras])
    story.head = plan_head(printed(record.title, style), None, None, rng)
    story.placement = "before"
    plan_credit(story, trailing, paper, rng, style="before")
    if story.credit.style != "before":
        return None
    out: list[tuple[str, str]] = []
    for i, (p, role) in enumerate(story.paragraphs):
        if i > 0 and rng.random() < 0.6:
            if rng.random() < 0.7:
                out.append(("■ " + rng.choice(COLUMN_LABELS), "subhead"))
            else:
                p = "■" + p
        out.append((p, role))
    story.paragraphs = out
    story.tags.add("column")
    return story


def plan_digest_item(record: Record, style: PageStyle, bullet: str, rng: random.Random) -> Story:
    """Plan one 简讯 item: the opening paragraph(s) of a short article after a bullet."""
    paras, _ = prepared_paragraphs(record, style, rng)
    keep = paras[:2] if len(paras[0]) < 80 and len(paras) > 1 else paras[:1]
    story = Story(record, "digest_item", [(p, "body") for p in keep], bullet=bullet)
    story.tags.add("digest")
    return story
