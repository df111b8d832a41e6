"""Simulate one printed page from a seed: its bytes, its gold and its phenomenon tags.

    page = simulate_page(seed=1, split="eval", index=0)
    page.data   # bytes as uploaded;  page.gold  # scorer schema + per-line roles

The same (seed, split, index) always gives byte-identical pages and gold.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from pagesim import plan
from pagesim.corpus import Record, load_split
from pagesim.encoding import decode_page, encode_page
from pagesim.furniture import Groups, footer_lines, header_lines, issue_date, paper_name, teaser_block
from pagesim.gold import build_gold
from pagesim.layout import Digest, Layout, put_cluster, put_digest, put_qr, put_story
from pagesim.lines import blank
from pagesim.punctuation import restore_fullwidth
from pagesim.scoring import norm
from pagesim.story import Story
from pagesim.style import PageStyle, choose_style
from pagesim.tags import page_tags

MAX_ATTEMPTS = 30


@dataclass
class SimPage:
    """A simulated page: file name, bytes as uploaded, gold annotation, phenomenon tags."""

    name: str
    data: bytes
    gold: dict
    tags: frozenset[str]


def _stories(records: list[Record], style: PageStyle, paper: str, rng: random.Random) -> list:
    """Plan the page's items in print order: stories and at most one digest."""
    items: list = []
    pool = list(records)
    if rng.random() < 0.2 and (s := plan.plan_continued(pool.pop(), style, rng)):
        items.append(s)
    if rng.random() < 0.12 and (s := plan.plan_column(pool.pop(), style, paper, rng)):
        items.append(s)
    n_digest = rng.choice((2, 3, 4)) if rng.random() < 0.15 and len(pool) > 5 else 0
    digest = [plan.plan_digest_item(pool.pop(), style, rng.choice(("■", "● ", "■ ", "●")), rng)
              for _ in range(n_digest)]
    items += [plan.plan_article(r, style, paper, rng) for r in pool]
    rng.shuffle(items)
    if items and items[0].kind != "continued" and any(i.kind == "continued" for i in items):
        if rng.random() < 0.6:  # a continuation usually opens an inside page
            items.sort(key=lambda i: i.kind != "continued")
    _cut_some(items, rng)
    if digest:
        items.insert(rng.randrange(len(items) + 1), Digest(digest, labelled=rng.random() < 0.7))
    return items


def _cut_some(items: list, rng: random.Random) -> None:
    """Break one or two articles off: with a 下转 marker, or mid-sentence without one."""
    articles = [s for s in items if isinstance(s, Story) and s.kind == "article"]
    if articles and rng.random() < 0.3:
        for s in rng.sample(articles, min(len(articles), rng.choice((1, 2)))):
            plan.cut_continues(s, rng, with_marker=True)
    if articles and rng.random() < 0.1:
        plan.cut_continues(rng.choice(articles), rng, with_marker=False)


def _cluster_point(items: list, rng: random.Random) -> int:
    """Return after how many items the headline cluster is printed (mostly at the end)."""
    if rng.random() < 0.75 or len(items) < 3:
        return len(items)
    return rng.randrange(2, len(items))


def _print(items: list, style: PageStyle, rng: random.Random, others: list[str], furniture: dict) -> Layout:
    page = Layout(style, rng, Groups())
    if furniture["header"]:
        page.put(header_lines(furniture["day"], furniture["paper"], rng.randint(1, 8), page.groups, rng))
    if furniture["teaser"] == "top":
        page.gap()
        page.put(teaser_block(others[:2], page.groups, rng))
    point, cluster, qr_left = _cluster_point(items, rng), [], 2
    for i, item in enumerate(items):
        if i == point:
            _print_cluster(page, cluster, items[i - 1])
        if i and qr_left and rng.random() < 0.12:
            qr_left -= 1
            _print_qr(page, item, others, rng)
        if isinstance(item, Digest):
            put_digest(page, item)
            continue
        if item.head and item.placement == "end_block":
            if i >= point:
                item.placement = "before"
            else:
                cluster.append((item, False))
        put_story(page, item)
        if item.head and item.placement == "before" and rng.random() < 0.06:
            cluster.append((item, True))
    if point == len(items):
        _print_cluster(page, cluster, items[-1])
    if furniture["teaser"] == "end":
        page.gap()
        page.put(teaser_block(others[2:4], page.groups, rng))
    if furniture["footer"]:
        page.gap()
        page.put(footer_lines(page.groups, rng))
    return page


def _print_qr(page: Layout, nxt, others: list[str], rng: random.Random) -> None:
    """A QR box: another article's headline, or (h02) the next story's own headline echoed."""
    if isinstance(nxt, Story) and nxt.head and nxt.placement == "before" and rng.random() < 0.3:
        echo = Story(nxt.record, "echo", [], n=page.next_n)
        put_qr(page, nxt.head.title, echo)
    else:
        put_qr(page, others[4] if rng.random() < 0.8 else None, None)


def _print_cluster(page: Layout, cluster: list, last) -> None:
    """Print the headline cluster in jumbled order; a lone headline right after its own body is 'after'."""
    if not cluster:
        return
    page.rng.shuffle(cluster)
    first, echo = cluster[0]
    if first is last and not echo and not _ends_after_body(last):
        if len(cluster) == 1:
            last.placement = "after"
        else:  # keep another headline between the body and its own
            cluster.append(cluster.pop(0))
    put_cluster(page, cluster)


def _ends_after_body(story: Story) -> bool:
    """True when something (credit, caption, marker line) is printed after the story's body."""
    return bool(story.credit.after or (story.caption and story.caption_after)
                or (story.marker and not story.marker_inline))


def _valid(gold: dict, text: str) -> bool:
    """Check that every anchor is unique on the page, so the gold is unambiguous."""
    flat = norm(text)
    for a in gold["articles"]:
        for key in ("body_first", "body_last"):
            if len(a[key]) < 15 or flat.count(norm(a[key])) != 1:
                return False
    return len(gold["articles"]) >= 2


def _attempt(records: tuple[Record, ...], name: str, rng: random.Random) -> SimPage | None:
    style = choose_style(rng)
    chosen = rng.sample(records, min(len(records), rng.randint(3, 6) + rng.choice((0, 0, 3))))
    # Headlines for QR boxes and 导读: other articles of the split, never one printed here.
    printed_titles = {r.title for r in chosen}
    others = sorted({r.title for r in records if r.title and r.title not in printed_titles})
    rng.shuffle(others)
    others = [o if style.ascii_punct else restore_fullwidth(o) for o in others[:5]]
    paper = paper_name(chosen[0].district, rng)
    furniture = {"header": rng.random() < 0.5, "footer": rng.random() < 0.3, "paper": paper,
                 "day": issue_date(next((r.published for r in chosen if r.published), None), rng),
                 "teaser": rng.choices(("none", "top", "end"), weights=(83, 5, 12))[0]}
    items = _stories(chosen, style, paper, rng)
    page = _print(items, style, rng, others, furniture)
    page.lines.append(blank())
    stories = [s for i in items for s in (i.items if isinstance(i, Digest) else [i])]
    text = "\n".join(line.text for line in page.lines)
    gold = build_gold(page.lines, stories, file=name, encoding=style.encoding)
    if not _valid(gold, text):
        return None
    data = encode_page(text, encoding=style.encoding, crlf=style.crlf)
    assert decode_page(data, style.encoding) == text
    return SimPage(name, data, gold, frozenset(page_tags(style, items, furniture, page.lines)))


def simulate_page(*, seed: int, split: str, index: int) -> SimPage:
    """Return page number index of the series drawn from seed, using only split's articles."""
    records = load_split(split)
    name = f"sim_{split}_{seed}_{index:04d}.txt"
    rng = random.Random(f"pagesim:{seed}:{split}:{index}")
    for _ in range(MAX_ATTEMPTS):
        page = _attempt(records, name, rng)
        if page is not None:
            return page
    raise RuntimeError(f"no valid page for seed={seed} split={split} index={index}")


def simulate_pages(*, count: int, seed: int, split: str) -> list[SimPage]:
    """Return count pages of one series."""
    return [simulate_page(seed=seed, split=split, index=i) for i in range(count)]
