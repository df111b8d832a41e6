"""Put planned stories and furniture on the page, in print order, as labelled lines.

Articles are numbered in the order their bodies appear. A story's headline goes before its
body, right after it, into a cluster of headlines printed further down (jumbled, some
printed twice, some echoing a headline already printed), or nowhere.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from pagesim.furniture import Groups, digest_label, qr_box
from pagesim.headlines import Head, head_blocks
from pagesim.lines import BODY, NOISE, OTHER, Block, Line, Seg, blank
from pagesim.story import Story
from pagesim.style import PageStyle
from pagesim.wrap import wrap_block


@dataclass
class Digest:
    """A 简讯 digest: an optional label and its items, each its own article."""

    items: list[Story]
    labelled: bool = True


@dataclass
class Layout:
    """The page being printed: its lines so far and what it needs to print the rest."""

    style: PageStyle
    rng: random.Random
    groups: Groups
    lines: list[Line] = field(default_factory=list)
    next_n: int = 1

    def gap(self, extra: int = 0) -> None:
        """End the current unit with the page's blank lines between paragraphs."""
        if self.lines:
            self.lines.extend(blank() for _ in range(self.style.blank_lines + extra))

    def put(self, blocks: list[Block], *, gap_between: bool = True) -> None:
        """Print blocks one after another, separated by the page's blank lines."""
        for i, block in enumerate(blocks):
            if i and gap_between:
                self.gap()
            self.lines.extend(wrap_block(block, self.style.wrap, self.rng))

    def head(self, head: Head, story: Story, *, echo: bool = False) -> None:
        """Print a headline (wrapped lines stay together; head lines are separated)."""
        wrap = self.rng.random() < self.style.wrap_heads
        group = self.groups.new() if echo or story.doubled else None
        blocks = head_blocks(head, article=story.n, wrap=wrap, doubled=story.doubled and not echo,
                             echo_group=group, rng=self.rng)
        for i, block in enumerate(blocks):
            if i and not _same_line_role(blocks[i - 1], block):
                self.gap()
            self.lines.extend(wrap_block(block, self.style.wrap, self.rng))


def _same_line_role(a: Block, b: Block) -> bool:
    # Pieces of one wrapped headline line follow each other directly.
    return a.role == b.role and a.role in ("title", "echo")


def _body_blocks(story: Story, groups: Groups) -> list[Block]:
    """Return the body paragraphs as blocks, with markers and credits that share their lines."""
    blocks, last = [], len(story.paragraphs) - 1
    for i, (text, role) in enumerate(story.paragraphs):
        segs = []
        if i == 0 and story.continued_from:
            segs.append(Seg(story.continued_from, NOISE, groups.new()))
        if i == 0 and story.bullet:
            segs.append(Seg(story.bullet))
        segs.append(Seg((story.credit.lead or "") + text if i == 0 else text, BODY))
        if i == last and story.marker and story.marker_inline:
            segs += [Seg(" ", OTHER), Seg(story.marker, NOISE, groups.new())]
        if i == last and story.credit.trailing:
            segs.append(Seg(story.credit.trailing))
        blocks.append(Block(segs, role, story.n, first_role="lead" if i == 0 else None))
    return blocks


def _put_body(page: Layout, story: Story) -> None:
    """Print the body; hard-wrapped columns sometimes leave a blank line mid-paragraph."""
    for i, block in enumerate(_body_blocks(story, page.groups)):
        if i:
            page.lines.extend(blank(story.n) for _ in range(page.style.blank_lines))
        lines = wrap_block(block, page.style.wrap, page.rng)
        if page.style.column_breaks and len(lines) > 2 and page.rng.random() < 0.12:
            cut = page.rng.randrange(1, len(lines))
            lines[cut:cut] = [blank(story.n) for _ in range(page.rng.choice((1, 2)))]
            story.tags.add("column_break")
        page.lines.extend(lines)


def _put_lines(page: Layout, texts: list[str], role: str, n: int | None, noise: bool) -> None:
    for text in texts:
        page.gap()
        seg = Seg(text, NOISE, page.groups.new()) if noise else Seg(text)
        page.lines.extend(wrap_block(Block([seg], role, n, wrap=False), page.style.wrap, page.rng))


def put_story(page: Layout, story: Story) -> None:
    """Print one story: head, credit, caption, body, marker, later credit and caption."""
    story.n, page.next_n = page.next_n, page.next_n + 1
    page.gap()
    if story.head and story.placement == "before":
        page.head(story.head, story)
        page.gap()
    if story.credit.before:
        _put_lines(page, [story.credit.before], "credit", story.n, noise=False)
        page.gap()
    if story.caption and not story.caption_after:
        _put_lines(page, story.caption, "caption", story.n, noise=True)
        page.gap()
    _put_body(page, story)
    if story.marker and not story.marker_inline:
        _put_lines(page, [story.marker], "marker", story.n, noise=True)
    if story.credit.after:
        _put_lines(page, [story.credit.after], "credit", story.n, noise=False)
    if story.caption and story.caption_after:
        _put_lines(page, story.caption, "caption", story.n, noise=True)
    if story.head and story.placement == "after":
        page.gap()
        page.head(story.head, story)


def put_digest(page: Layout, digest: Digest) -> None:
    """Print a 简讯 digest: the label, then each bulleted item as its own article."""
    if digest.labelled:
        page.gap()
        page.put([digest_label(page.groups, page.rng)])
    for item in digest.items:
        put_story(page, item)


def put_cluster(page: Layout, heads: list[tuple[Story, bool]]) -> None:
    """Print a cluster of headlines in the given order (pairs sometimes bottom line first).

    Each entry is (story, echo): echo heads repeat a headline printed elsewhere.
    """
    for story, echo in heads:
        head = story.head
        if len(head.lines) == 2 and page.rng.random() < 0.4:
            head = Head(list(reversed(head.lines)), head.title, head.subtitle, head.flag)
        page.gap()
        page.head(head, story, echo=echo)


def put_qr(page: Layout, headline: str | None, echo_of: Story | None) -> None:
    """Print a QR box between stories."""
    page.gap()
    page.put(qr_box(headline, page.groups, page.rng, echo_of=echo_of.n if echo_of else None))
