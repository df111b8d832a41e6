"""Page furniture around the articles: header and footer lines, QR boxes, 导读 teasers.

All of it is noise in the gold. Editor names are synthetic; QR-box and teaser headlines are
titles of other corpus articles of the same split (real headlines with no body on this page).
"""
from __future__ import annotations

import random
from datetime import date

from pagesim.distort import FULLWIDTH_DIGITS
from pagesim.lines import NOISE, Block, Seg
from pagesim.names import synthetic_name

WEEKDAYS = "一二三四五六日"
SECTIONS = ("要闻", "综合新闻", "时政", "区县新闻", "综合", "本地新闻")
QR_TEXTS = (("详情请", "扫描二维码"), ("扫描二维码 观看视频",), ("扫码看视频",),
            ("扫描二维码", "查看更多内容"), ("详情请扫描二维码",))
DIGEST_LABELS = ("简讯", "■ 简讯", "要闻速递", "● 简讯", "一周要闻")


class Groups:
    """Hand out noise-group ids, so each noise item on a page has its own."""

    def __init__(self) -> None:
        self._next = 0

    def new(self) -> int:
        self._next += 1
        return self._next


def _noise_block(text: str, role: str, groups: Groups, article: int | None = None) -> Block:
    return Block([Seg(text, NOISE, groups.new())], role, article, wrap=False)


def paper_name(district: str | None, rng: random.Random) -> str:
    """Return a plausible paper name for a district (崇明区 -> 崇明报 / 今日崇明 / 崇明日报)."""
    base = (district or "本地")
    for suffix in ("新区", "区", "县", "市", "旗"):
        if len(base) > len(suffix) + 1 and base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    return rng.choice((f"{base}报", f"{base}日报", f"今日{base}", f"{base}新闻"))


def header_lines(day: date, paper: str, page: int, groups: Groups, rng: random.Random) -> list[Block]:
    """Return the page header: date, weekday, page number and section, in a printed form."""
    d = f"{day.year}年{day.month}月{day.day}日"
    week, section = f"星期{WEEKDAYS[day.weekday()]}", rng.choice(SECTIONS)
    forms = [f"{d} {week} 第{page}版 {section}", f"{paper} {d} {week}", f"第{page}版 {section} {d}",
             f"A{page} {section}", f"{d}  {week}  {section}  第{page}版"]
    text = rng.choice(forms)
    if rng.random() < 0.15:
        text = text.translate(FULLWIDTH_DIGITS)
    blocks = [_noise_block(text, "header", groups)]
    if rng.random() < 0.25:
        blocks.insert(0, _noise_block(paper, "header", groups))
    return blocks


def footer_lines(groups: Groups, rng: random.Random) -> list[Block]:
    """Return the page footer naming the page's editors (synthetic names)."""
    a, b, c = (synthetic_name(rng) for _ in range(3))
    forms = [f"责任编辑：{a} 版式：{b}", f"责任编辑 {a}  美编 {b}  校对 {c}", f"本版编辑：{a}",
             f"责任编辑：{a}　校对：{c}"]
    return [_noise_block(rng.choice(forms), "footer", groups)]


def qr_box(headline: str | None, groups: Groups, rng: random.Random, *, echo_of: int | None = None) -> list[Block]:
    """Return a QR box: an optional headline with no body and its 扫描二维码 lines."""
    blocks = []
    if headline:
        role = "echo" if echo_of is not None else "qr"
        blocks.append(_noise_block(headline, role, groups, echo_of))
    group = groups.new()
    blocks += [Block([Seg(t, NOISE, group)], "qr", wrap=False) for t in rng.choice(QR_TEXTS)]
    return blocks


def teaser_block(titles: list[str], groups: Groups, rng: random.Random) -> list[Block]:
    """Return a 导读 block: the label, then each teaser headline and its 刊N版► pointer."""
    blocks = [_noise_block("导读", "teaser", groups)]
    for title in titles:
        pointer = f"刊{rng.randint(2, 8)}版►"
        if rng.random() < 0.5:
            blocks += [_noise_block(title, "teaser", groups), _noise_block(pointer, "teaser", groups)]
        else:
            blocks.append(_noise_block(f"{title} {pointer}", "teaser", groups))
    return blocks


def digest_label(groups: Groups, rng: random.Random) -> Block:
    """Return the label printed above a 简讯 digest."""
    return _noise_block(rng.choice(DIGEST_LABELS), "header", groups)


def issue_date(published: str | None, rng: random.Random) -> date:
    """Return the printed issue date: the article's publication date if known, else random."""
    if published:
        y, m, d = (int(x) for x in published.split("-"))
        return date(y, m, d)
    return date(rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28))
